// Patient search for doctors: their own patients by name, record number or phone, paged.
import { useQuery } from '@apollo/client/react';
import {
  Box, Button, InputAdornment, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import Search from '@mui/icons-material/Search';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { ageOf } from '../../components/clinical/PatientSummaryCard';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { useT } from '../../i18n';

const PAGE_SIZE = 20;

const DoctorPatientsDocument = graphql(`
  query DoctorPatients($search: String, $first: Int!, $after: String) {
    patients(search: $search, first: $first, after: $after) {
      totalCount
      nextCursor
      items { id fullName medicalRecordNumber dateOfBirth gender phone }
    }
  }
`);

export function PatientsPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [text, setText] = useState(search);
  // Cursors of the pages visited, for Previous/Next.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const navigate = useNavigate();

  // Search as the doctor types, a moment after they stop.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() !== search) {
        setParams(text.trim() ? { q: text.trim() } : {}, { replace: true });
        setCursors([null]);
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [text, search, setParams]);

  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error, refetch } = useQuery(DoctorPatientsDocument, {
    variables: { search: search || null, first: PAGE_SIZE, after },
  });
  const page = data?.patients;

  return (
    <>
      <PageHeader title={t('Patients')} subtitle={t('Patients who have an appointment with you.')} />
      <TextField
        id="field-search"
        placeholder={t('Name, record number or phone')}
        aria-label={t('Search patients')}
        fullWidth
        value={text}
        onChange={(event) => setText(event.target.value)}
        sx={{ mb: 2, bgcolor: 'background.paper' }}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> } }}
      />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !data ? (
        <Loading />
      ) : page && page.items.length === 0 ? (
        <EmptyState title={search ? t('No patient matches “{{search}}”', { search }) : t('No patients yet')}>
          {search ? t('Try part of the name, the record number or the phone number.') : t('Patients appear here once they book a visit with you.')}
        </EmptyState>
      ) : page ? (
        <>
          <TableContainer component={Paper} variant="outlined" aria-label={t('Patients table')}>
            <Table aria-label={t('Patients')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('Name')}</TableCell>
                  <TableCell>{t('Record number')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{t('Age')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t('Phone')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map((patient) => (
                  <TableRow key={patient.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/doctor/patients/${patient.id}`)}>
                    <TableCell>
                      <Box component={RouterLink} to={`/doctor/patients/${patient.id}`} sx={{ fontWeight: 600, color: 'inherit', textDecoration: 'none' }}>
                        {patient.fullName}
                      </Box>
                    </TableCell>
                    <TableCell>{patient.medicalRecordNumber}</TableCell>
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{ageOf(patient.dateOfBirth) ?? '—'}</TableCell>
                    <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{patient.phone ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center', justifyContent: 'flex-end' }}>
            <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }}>
              {t('{{count}} patients', { count: page.totalCount })}
            </Typography>
            <Button disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>{t('Previous')}</Button>
            <Button disabled={!page.nextCursor} onClick={() => page.nextCursor && setCursors((list) => [...list, page.nextCursor!])}>{t('Next')}</Button>
          </Stack>
        </>
      ) : null}
    </>
  );
}
