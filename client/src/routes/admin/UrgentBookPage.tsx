// The front desk squeezes in an urgent visit: over a taken slot or outside the doctor's hours,
// with a reason. It is marked urgent on every view, audited, and counted apart on the dashboard.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { NoShowCount } from '../../components/NoShowCount';
import { PageHeader } from '../../components/PageHeader';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { hospitalZone } from '../../lib/hospital-zone';
import { PatientPicker, type PickedPatient } from './AdminBookPage';

const UrgentDoctorsDocument = graphql(`
  query UrgentDoctors {
    doctors { id fullName department { id name } }
  }
`);

const BookUrgentDocument = graphql(`
  mutation BookUrgentAppointment($input: BookUrgentAppointmentInput!) {
    bookUrgentAppointment(input: $input) { id startsAt endsAt urgent urgentReason doctor { id fullName } patient { id fullName } }
  }
`);

export function UrgentBookPage() {
  const { t } = useT();
  const doctors = useQuery(UrgentDoctorsDocument);
  const zone = hospitalZone() ?? 'local';
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [doctorId, setDoctorId] = useState('');
  const [when, setWhen] = useState(DateTime.now().setZone(zone).startOf('minute').toFormat("yyyy-LL-dd'T'HH:mm"));
  const [minutes, setMinutes] = useState('30');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [book, { loading }] = useMutation(BookUrgentDocument);
  const submit = async () => {
    if (!patient) return;
    setFields({}); setFailure(null); setDone(null);
    try {
      const startsAt = DateTime.fromISO(when, { zone }).toUTC().toISO() ?? '';
      const { data } = await book({ variables: { input: { doctorId, patientId: patient.id, startsAt, minutes: Number(minutes), reason } } });
      if (data) {
        const a = data.bookUrgentAppointment;
        setDone(t('Urgent visit booked: {{patient}} with {{doctor}}, {{time}}.', { patient: a.patient.fullName, doctor: a.doctor.fullName, time: formatDateTime(a.startsAt) }));
        setReason('');
      }
    } catch (error) {
      const f = fieldErrors(error);
      setFields(f);
      setFailure(Object.keys(f).length ? null : errorMessage(error));
    }
  };
  return (
    <>
      <PageHeader title={t('Urgent visit')} subtitle={t('Squeeze a patient in over a taken slot or outside hours. Give the reason: it is audited and shown with the visit.')} />
      <Paper variant="outlined" sx={{ p: 2.5, maxWidth: 720 }}>
        <Stack spacing={2}>
          {done && <Alert severity="success" onClose={() => setDone(null)}>{done}</Alert>}
          {failure && <Alert severity="error">{failure}</Alert>}
          {patient ? (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography color="text.secondary">{t('Patient')}</Typography>
              <Chip color="primary" label={`${patient.fullName} · ${patient.medicalRecordNumber}`} onDelete={() => setPatient(null)} />
              <NoShowCount patientId={patient.id} />
            </Stack>
          ) : <PatientPicker onPick={setPatient} />}
          <TextField select id="field-doctorId" label={t('Doctor')} value={doctorId} onChange={(e) => setDoctorId(e.target.value)} error={Boolean(fields.doctorId)} helperText={fields.doctorId}>
            {(doctors.data?.doctors ?? []).map((d) => <MenuItem key={d.id} value={d.id}>{d.fullName} · {d.department.name}</MenuItem>)}
          </TextField>
          <Stack direction="row" spacing={2}>
            <TextField id="field-startsAt" label={t('Start')} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)}
              error={Boolean(fields.startsAt)} helperText={fields.startsAt} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField id="field-minutes" label={t('Minutes')} type="number" value={minutes} onChange={(e) => setMinutes(e.target.value)}
              error={Boolean(fields.minutes)} helperText={fields.minutes} slotProps={{ htmlInput: { min: 5, max: 240 } }} />
          </Stack>
          <TextField id="field-urgentReason" label={t('Why it is urgent')} required multiline minRows={2} value={reason} onChange={(e) => setReason(e.target.value)}
            error={Boolean(fields.reason)} helperText={fields.reason} slotProps={{ htmlInput: { maxLength: 500 } }} />
          <Button variant="contained" color="error" disabled={loading || !patient || !doctorId} onClick={() => void submit()}>{t('Book urgent visit')}</Button>
        </Stack>
      </Paper>
    </>
  );
}
