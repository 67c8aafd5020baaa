// One patient's record for a doctor: summary and the full treatment history, newest first.
import { useQuery } from '@apollo/client/react';
import { Button, Grid, Stack, Typography } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { PatientSummaryCard } from '../../components/clinical/PatientSummaryCard';
import { TreatmentEntry } from '../../components/clinical/TreatmentEntry';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { useT } from '../../i18n';

const DoctorPatientDocument = graphql(`
  query DoctorPatient($patientId: ID!) {
    patient(id: $patientId) { id fullName ...PatientSummary_patient }
    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }
  }
`);

export function PatientPage() {
  const { t } = useT();
  const { patientId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(DoctorPatientDocument, { variables: { patientId } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const entries = data.patientHistory;
  return (
    <>
      <Button component={RouterLink} to="/doctor/patients" startIcon={<ArrowBack />} sx={{ mb: 1 }}>{t('Patients')}</Button>
      <PageHeader title={data.patient.fullName} subtitle={t('Treatment history, newest first.')} />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 4 }}>
          <PatientSummaryCard patient={data.patient} />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          {entries.length === 0 ? (
            <EmptyState title={t('No treatment records yet')}>{t('Entries appear here once a doctor records a visit.')}</EmptyState>
          ) : (
            <Stack spacing={2} component="section" aria-label={t('Treatment history')}>
              <Typography variant="body2" color="text.secondary">{t('{{count}} entries', { count: entries.length })}</Typography>
              {entries.map((entry) => <TreatmentEntry key={entry.id} treatment={entry} />)}
            </Stack>
          )}
        </Grid>
      </Grid>
    </>
  );
}
