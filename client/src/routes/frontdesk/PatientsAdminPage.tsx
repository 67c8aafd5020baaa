// Admin: look up patients (/admin/patients) by name, record number, phone or e-mail, and open one.
import { useQuery } from '@apollo/client/react';
import { Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { ActiveChip } from '../../components/StatusChip';
import { graphql } from '../../gql';
import { useCursorPager } from '../../lib/pager';
import { useT } from '../../i18n';

const AdminPatientsDocument = graphql(`
  query AdminPatients($search: String, $after: String) {
    patients(search: $search, first: 25, after: $after) {
      items { id fullName medicalRecordNumber phone email hasAccount active }
      nextCursor
      totalCount
    }
  }
`);

export function PatientsAdminPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const search = params.get('q') ?? '';
  const pager = useCursorPager();
  // Ask after typing pauses; the search stays in the URL (Back returns to it).
  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed.trim() !== search) setParams(typed.trim() ? { q: typed.trim() } : {}, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [typed, search, setParams]);
  const { data, error, refetch } = useQuery(AdminPatientsDocument, { variables: { search: search || null, after: pager.after } });
  const page = data?.patients;

  return (
    <>
      <PageHeader title={t('Patients')} subtitle={t('Look up, correct, deactivate or merge patient records. Clinical notes are not shown here.')} />
      <TextField
        id="field-patient-search"
        label={t('Search')}
        placeholder={t('Name, record number, phone or e-mail')}
        fullWidth
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        sx={{ mb: 2 }}
      />
      {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : !page ? <Loading label={t('Searching…')} /> : page.items.length === 0 ? (
        <EmptyState title={t('No patients found')}>{t('Try part of the name, the record number, the last digits of the phone, or the e-mail.')}</EmptyState>
      ) : (
        <>
          <TableContainer component={Paper} variant="outlined" tabIndex={0} aria-label={t('Patients')}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('Name')}</TableCell>
                  <TableCell>{t('Record')}</TableCell>
                  <TableCell>{t('Phone')}</TableCell>
                  <TableCell>{t('E-mail')}</TableCell>
                  <TableCell>{t('Status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map((p) => (
                  <TableRow key={p.id} hover data-testid="patient-row">
                    <TableCell>
                      <Typography component={RouterLink} to={`/admin/patients/${p.id}`} sx={{ fontWeight: 600, color: 'primary.main' }}>{p.fullName}</Typography>
                    </TableCell>
                    <TableCell>{p.medicalRecordNumber}</TableCell>
                    <TableCell>{p.phone ?? '–'}</TableCell>
                    <TableCell>{p.email ?? (p.hasAccount ? '–' : <Chip size="small" variant="outlined" label={t('Walk-in')} />)}</TableCell>
                    <TableCell><ActiveChip active={p.active} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Pager page={pager.page} totalCount={page.totalCount ?? 0} nextCursor={page.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
        </>
      )}
    </>
  );
}
