// "Who opened my records": every opening of the patient's clinical records by someone else, and refused attempts.
import { useQuery } from '@apollo/client/react';
import { Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { RecordAccessKind, Role } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

const MyRecordAccessDocument = graphql(`
  query MyRecordAccess($first: Int!, $before: ID) {
    myRecordAccess(first: $first, before: $before) { id readerName readerRole kind treatmentId granted at }
  }
`);

const PAGE_SIZE = 50;

const WHAT: Record<RecordAccessKind, string> = {
  HISTORY: 'Your medical history',
  TREATMENT: 'One treatment entry',
  REVISIONS: 'Earlier versions of a treatment entry',
  VISIT_ENTRIES: 'Treatment entries of your visits',
  CSV_EXPORT: 'Your history, downloaded as CSV',
  PDF_EXPORT: 'Your history, downloaded as PDF',
};

const ROLE: Record<Role, string> = { DOCTOR: 'Doctor', ADMIN: 'Administrator', PATIENT: 'Patient' };

export function RecordAccessPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(MyRecordAccessDocument, {
    variables: { first: PAGE_SIZE, before: null },
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.myRecordAccess ?? [];
  const last = rows[rows.length - 1];
  return (
    <>
      <PageHeader
        title="Who opened my records"
        subtitle="Every time someone other than you opened your medical records, newest first, and any attempt that was refused."
        actions={<Button component={RouterLink} to="/patient/history" variant="outlined">Medical history</Button>}
      />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !data ? <Loading /> : data && rows.length === 0 ? (
        <EmptyState title="Nobody has opened your records yet">
          When a doctor reads or downloads your history, it shows here.
        </EmptyState>
      ) : data && (
        <Stack spacing={2}>
          <TableContainer component={Paper} variant="outlined" aria-label="Who opened my records table">
            <Table size="small" aria-label="Who opened my records">
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Who</TableCell>
                  <TableCell>What</TableCell>
                  <TableCell>Outcome</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at)}</TableCell>
                    <TableCell>
                      <Typography variant="body2">{row.readerName}</Typography>
                      {row.readerRole && <Typography variant="caption" color="text.secondary">{ROLE[row.readerRole]}</Typography>}
                    </TableCell>
                    <TableCell>{WHAT[row.kind]}</TableCell>
                    <TableCell>
                      {row.granted
                        ? <Chip size="small" variant="outlined" label="Opened" />
                        : <Chip size="small" color="warning" label="Refused" />}
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
              Show older
            </Button>
          )}
          <Typography variant="caption" color="text.secondary">
            Your own visits to these pages are not listed. If you do not recognise someone, contact the hospital.
          </Typography>
        </Stack>
      )}
    </>
  );
}
