// "Who opened my records": every opening of the patient's clinical records by someone else, and refused attempts.
import { useQuery } from '@apollo/client/react';
import { Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { RecordAccessKind, Role } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { t, useT } from '../../i18n';

const MyRecordAccessDocument = graphql(`
  query MyRecordAccess($first: Int!, $before: ID) {
    myRecordAccess(first: $first, before: $before) { id readerName readerRole kind treatmentId granted at }
  }
`);

const PAGE_SIZE = 50;

// Built when asked, so the texts are in the current language.
const what = (kind: RecordAccessKind): string => ({
  HISTORY: t('Your medical history'),
  TREATMENT: t('One treatment entry'),
  REVISIONS: t('Earlier versions of a treatment entry'),
  VISIT_ENTRIES: t('Treatment entries of your visits'),
  CSV_EXPORT: t('Your history, downloaded as CSV'),
  PDF_EXPORT: t('Your history, downloaded as PDF'),
} satisfies Record<RecordAccessKind, string>)[kind];

const roleName = (role: Role): string => ({ DOCTOR: t('Doctor'), ADMIN: t('Administrator'), PATIENT: t('Patient') } satisfies Record<Role, string>)[role];

export function RecordAccessPage() {
  const { t } = useT();
  const { data, loading, error, refetch, fetchMore } = useQuery(MyRecordAccessDocument, {
    variables: { first: PAGE_SIZE, before: null },
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.myRecordAccess ?? [];
  const last = rows[rows.length - 1];
  return (
    <>
      <PageHeader
        title={t('Who opened my records')}
        subtitle={t('Every time someone other than you opened your medical records, newest first, and any attempt that was refused.')}
        actions={<Button component={RouterLink} to="/patient/history" variant="outlined">{t('Medical history')}</Button>}
      />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !data ? <Loading /> : data && rows.length === 0 ? (
        <EmptyState title={t('Nobody has opened your records yet')}>
          {t('When a doctor reads or downloads your history, it shows here.')}</EmptyState>
      ) : data && (
        <Stack spacing={2}>
          <TableContainer component={Paper} variant="outlined" aria-label={t('Who opened my records table')}>
            <Table size="small" aria-label={t('Who opened my records')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('When')}</TableCell>
                  <TableCell>{t('Who')}</TableCell>
                  <TableCell>{t('What')}</TableCell>
                  <TableCell>{t('Outcome')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at)}</TableCell>
                    <TableCell>
                      <Typography variant="body2">{row.readerName}</Typography>
                      {row.readerRole && <Typography variant="caption" color="text.secondary">{roleName(row.readerRole)}</Typography>}
                    </TableCell>
                    <TableCell>{what(row.kind)}</TableCell>
                    <TableCell>
                      {row.granted
                        ? <Chip size="small" variant="outlined" label={t('Opened')} />
                        : <Chip size="small" color="warning" label={t('Refused')} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {rows.length >= PAGE_SIZE && rows.length % PAGE_SIZE === 0 && last && (
            <Button
              variant="text"
              sx={{ alignSelf: 'center' }}
              onClick={() => void fetchMore({
                variables: { before: last.id },
                updateQuery: (previous, { fetchMoreResult }) => ({ myRecordAccess: [...previous.myRecordAccess, ...fetchMoreResult.myRecordAccess] }),
              })}
            >
              {t('Show older')}</Button>
          )}
          <Typography variant="caption" color="text.secondary">
            {t('Your own visits to these pages are not listed. If you do not recognise someone, contact the hospital.')}</Typography>
        </Stack>
      )}
    </>
  );
}
