// One visit, from the doctor's side: the patient at a glance, the treatment form (new
// entries, edits with their revisions), and the patient's earlier history.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Box, Button, Card, CardContent, Collapse, Divider, Grid, Stack, Typography } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useCurrentUser } from '../../auth/CurrentUser';
import { AppointmentStatusChip } from '../../components/AppointmentStatusChip';
import { PatientSummaryCard } from '../../components/clinical/PatientSummaryCard';
import { TreatmentEntry } from '../../components/clinical/TreatmentEntry';
import { TreatmentForm } from '../../components/clinical/TreatmentForm';
import { TreatmentRevisions } from '../../components/clinical/TreatmentRevisions';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { DoctorVisitHistoryQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatTime, hospitalDate } from '../../lib/format';
import { useT } from '../../i18n';

const DoctorVisitDocument = graphql(`
  query DoctorVisit($id: ID!) {
    appointment(id: $id) {
      id
      startsAt
      endsAt
      status
      reason
      checkedInAt
      doctor { id fullName }
      patient { id fullName ...PatientSummary_patient }
    }
  }
`);

const DoctorVisitHistoryDocument = graphql(`
  query DoctorVisitHistory($patientId: ID!) {
    patientHistory(patientId: $patientId) {
      id
      version
      revisionCount
      appointment { id }
      doctor { id }
      diagnosis icdCode visitType prescription testsOrdered precautions notes patientNotes followUpDate
      medicines { name dose frequency duration instructions }
      ...TreatmentEntry_treatment
    }
  }
`);

const DoctorVisitSetStatusDocument = graphql(`
  mutation DoctorVisitSetStatus($id: ID!, $status: AppointmentStatus!) {
    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }
  }
`);

type Entry = DoctorVisitHistoryQuery['patientHistory'][number];

export function VisitPage() {
  const { t } = useT();
  const { appointmentId = '' } = useParams();
  const { user } = useCurrentUser();
  const visit = useQuery(DoctorVisitDocument, { variables: { id: appointmentId } });
  const appointment = visit.data?.appointment;
  const history = useQuery(DoctorVisitHistoryDocument, {
    variables: { patientId: appointment?.patient.id ?? '' },
    skip: !appointment,
    fetchPolicy: 'cache-and-network',
  });
  const [setStatus, settingStatus] = useMutation(DoctorVisitSetStatusDocument);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  if (visit.loading && !visit.data) return <Loading />;
  if (visit.error && !visit.data) return <ErrorState error={visit.error} onRetry={() => void visit.refetch()} />;
  if (!appointment) {
    return <EmptyState title={t('No such visit')} action={<Button component={RouterLink} to="/doctor/day">{t('Back to the day')}</Button>}>{t('It may have been removed, or it is not on your schedule.')}</EmptyState>;
  }

  const entries = history.data?.patientHistory ?? [];
  const thisVisit = entries.filter((entry) => entry.appointment.id === appointment.id);
  const earlier = entries.filter((entry) => entry.appointment.id !== appointment.id);
  const canRecord = appointment.status === 'CHECKED_IN' || appointment.status === 'COMPLETED';
  const mine = appointment.doctor.id === user?.doctor?.id;
  const dayLink = `/doctor/day?date=${hospitalDate(appointment.startsAt)}`;

  const changeStatus = async (status: 'CHECKED_IN' | 'COMPLETED') => {
    setStatusError(null);
    try {
      await setStatus({ variables: { id: appointment.id, status } });
    } catch (error) {
      setStatusError(errorMessage(error));
    }
  };

  const saved = () => {
    setAdding(false);
    void history.refetch();
  };

  return (
    <>
      <Button component={RouterLink} to={dayLink} startIcon={<ArrowBack />} sx={{ mb: 1 }}>{t('Day view')}</Button>
      <PageHeader
        title={t('Visit: {{patient}}', { patient: appointment.patient.fullName })}
        subtitle={`${formatDateTime(appointment.startsAt)} – ${formatTime(appointment.endsAt)}`}
        actions={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <AppointmentStatusChip status={appointment.status} />
            {mine && appointment.status === 'SCHEDULED' && (
              <Button variant="contained" disabled={settingStatus.loading} onClick={() => void changeStatus('CHECKED_IN')}>{t('Check in')}</Button>
            )}
            {mine && appointment.status === 'CHECKED_IN' && (
              <Button variant="outlined" color="success" disabled={settingStatus.loading} onClick={() => void changeStatus('COMPLETED')}>{t('Complete visit')}</Button>
            )}
          </Stack>
        }
      />
      {statusError && <Alert severity="error" sx={{ mb: 2 }} onClose={() => setStatusError(null)}>{statusError}</Alert>}

      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Stack spacing={2} sx={{ position: { md: 'sticky' }, top: { md: 88 } }}>
            <PatientSummaryCard patient={appointment.patient}>
              <Divider sx={{ my: 2 }} />
              <Typography variant="subtitle2">{t('Reason for the visit')}</Typography>
              <Typography variant="body2" color="text.secondary">{appointment.reason || t('None given')}</Typography>
              <Button component={RouterLink} to={`/doctor/patients/${appointment.patient.id}`} size="small" sx={{ mt: 1.5, px: 0 }}>
                {t('Full history')}
              </Button>
            </PatientSummaryCard>
          </Stack>
        </Grid>

        <Grid size={{ xs: 12, md: 8 }}>
          <Stack spacing={3}>
            <Box component="section" aria-label={t('This visit')}>
              <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>{t('Treatment')}</Typography>
              {history.error && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
              <Stack spacing={2}>
                {thisVisit.map((entry) => <VisitEntry key={entry.id} entry={entry} editable={entry.doctor.id === user?.doctor?.id} onSaved={saved} />)}
                {!canRecord ? (
                  <Alert severity="info">
                    {appointment.status === 'SCHEDULED'
                      ? t('Check the patient in to record the treatment (possible from one hour before the start).')
                      : t('This visit did not take place, so no treatment can be recorded.')}
                  </Alert>
                ) : !mine ? null : thisVisit.length > 0 && !adding ? (
                  <Box><Button onClick={() => setAdding(true)}>{t('Add another entry')}</Button></Box>
                ) : history.data ? (
                  <Card variant="outlined">
                    <CardContent>
                      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 2 }}>{thisVisit.length ? t('Another entry') : t('Record the treatment')}</Typography>
                      <TreatmentForm appointmentId={appointment.id} onSaved={saved} onCancel={thisVisit.length ? () => setAdding(false) : undefined} />
                    </CardContent>
                  </Card>
                ) : (
                  <Loading />
                )}
              </Stack>
            </Box>

            <Box component="section" aria-label={t('Earlier visits')}>
              <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>{t('Earlier visits')}</Typography>
              {history.loading && !history.data ? (
                <Loading />
              ) : earlier.length === 0 ? (
                <Typography color="text.secondary">{t('No earlier treatment records.')}</Typography>
              ) : (
                <Stack spacing={2}>{earlier.map((entry) => <TreatmentEntry key={entry.id} treatment={entry} />)}</Stack>
              )}
            </Box>
          </Stack>
        </Grid>
      </Grid>
    </>
  );
}

function VisitEntry({ entry, editable, onSaved }: { entry: Entry; editable: boolean; onSaved(): void }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [showEdits, setShowEdits] = useState(false);
  if (editing) {
    return (
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 2 }}>{t('Edit entry')}</Typography>
          <TreatmentForm existing={entry} onSaved={() => { setEditing(false); onSaved(); }} onCancel={() => setEditing(false)} />
        </CardContent>
      </Card>
    );
  }
  return (
    <Box>
      <TreatmentEntry treatment={entry} />
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {editable && <Button size="small" variant="outlined" onClick={() => setEditing(true)}>{t('Edit')}</Button>}
        <Button size="small" disabled={entry.revisionCount === 0} onClick={() => setShowEdits((v) => !v)}>
          {entry.revisionCount === 0 ? t('Never edited') : showEdits ? t('Hide edits ({{number}})', { number: entry.revisionCount }) : t('Show edits ({{number}})', { number: entry.revisionCount })}
        </Button>
      </Stack>
      <Collapse in={showEdits} unmountOnExit>
        <Box sx={{ mt: 1.5 }}><TreatmentRevisions treatmentId={entry.id} /></Box>
      </Collapse>
    </Box>
  );
}
