import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Autocomplete, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Grid, MenuItem, Paper, Stack, TextField, Typography,
} from '@mui/material';
import PersonAdd from '@mui/icons-material/PersonAdd';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { BookingWizard } from '../../components/booking/BookingWizard';
import { NoShowCount } from '../../components/NoShowCount';
import { PageHeader } from '../../components/PageHeader';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { blankToNull, useForm } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { GENDERS } from '../../lib/options';

const PatientSearchDocument = graphql(`
  query PatientSearch($search: String) {
    patients(search: $search, first: 10) {
      totalCount
      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }
    }
  }
`);

const CreateWalkInPatientDocument = graphql(`
  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {
    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }
  }
`);

export interface PickedPatient { id: string; fullName: string; medicalRecordNumber: string; phone?: string | null }

/** The front desk books for a patient: find them (or register a walk-in), then the usual booking steps. */
export function AdminBookPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [registering, setRegistering] = useState(false);
  return (
    <>
      <PageHeader title={t('Book for a patient')} subtitle={t('Find the patient, or register a walk-in, then pick a doctor and a time.')} />
      <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
        {patient ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography color="text.secondary">{t('Patient')}</Typography>
            <Chip color="primary" label={`${patient.fullName} · ${patient.medicalRecordNumber}`} onDelete={() => setPatient(null)} />
            <NoShowCount patientId={patient.id} />
          </Stack>
        ) : (
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <PatientPicker onPick={setPatient} />
            <Button startIcon={<PersonAdd />} onClick={() => setRegistering(true)} sx={{ whiteSpace: 'nowrap' }}>{t('Register walk-in patient')}</Button>
          </Stack>
        )}
      </Paper>
      {patient && (
        <BookingWizard
          key={patient.id}
          patientId={patient.id}
          patientName={patient.fullName}
          onBooked={(appointment) =>
            navigate('/admin/appointments', {
              state: { booked: t('Booked {{patient}} with {{doctor}} on {{time}}.', { patient: patient.fullName, doctor: appointment.doctor.fullName, time: formatDateTime(appointment.startsAt) }) },
            })}
        />
      )}
      <WalkInDialog open={registering} onClose={() => setRegistering(false)} onCreated={(p) => { setPatient(p); setRegistering(false); }} />
    </>
  );
}

export function PatientPicker({ onPick }: { onPick(patient: PickedPatient): void }) {
  const { t } = useT();
  const [input, setInput] = useState('');
  const search = useDeferredValue(input.trim());
  const { data, previousData, loading, error } = useQuery(PatientSearchDocument, { variables: { search: search || null } });
  const options = (data ?? previousData)?.patients.items ?? [];
  return (
    <Box sx={{ flexGrow: 1 }}>
      <Autocomplete
        options={options}
        filterOptions={(x) => x}
        loading={loading}
        inputValue={input}
        onInputChange={(_event, value) => setInput(value)}
        onChange={(_event, value) => value && onPick(value)}
        getOptionLabel={(option) => `${option.fullName} (${option.medicalRecordNumber})`}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        noOptionsText={search ? t('No patient matches') : t('No patients yet')}
        renderOption={(props, option) => (
          <li {...props} key={option.id}>
            <Box>
              <Typography>{option.fullName}</Typography>
              <Typography variant="caption" color="text.secondary">
                {[option.medicalRecordNumber, option.phone, option.dateOfBirth && t('born {{date}}', { date: option.dateOfBirth }), option.hasAccount ? null : t('walk-in')]
                  .filter(Boolean).join(' · ')}
              </Typography>
            </Box>
          </li>
        )}
        renderInput={(params) => (
          <TextField {...params} id="field-patientSearch" label={t('Find patient by name, record number or phone')} error={Boolean(error)} helperText={error ? errorMessage(error) : undefined} />
        )}
      />
    </Box>
  );
}

function WalkInDialog(props: { open: boolean; onClose(): void; onCreated(patient: PickedPatient): void }) {
  const { t } = useT();
  const form = useForm({ fullName: '', phone: '', dateOfBirth: '', gender: '', address: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateWalkInPatientDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const v = form.values;
    try {
      const { data } = await create({
        variables: {
          input: {
            fullName: v.fullName,
            phone: blankToNull(v.phone),
            dateOfBirth: blankToNull(v.dateOfBirth),
            gender: blankToNull(v.gender),
            address: blankToNull(v.address),
          },
        },
      });
      if (data) { form.reset(); props.onCreated(data.createWalkInPatient); }
    } catch (error) {
      if (!form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('Register walk-in patient')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('A patient record without a sign-in account.')}</Typography>
          {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
          <Grid container spacing={2}>
            <Grid size={12}><TextField label={t('Full name')} required autoFocus {...form.field('fullName')} /></Grid>
            <Grid size={{ xs: 12, sm: 6 }}><TextField label={t('Phone')} type="tel" {...form.field('phone')} /></Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField label={t('Date of birth')} type="date" slotProps={{ inputLabel: { shrink: true } }} {...form.field('dateOfBirth')} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField select label={t('Gender')} {...form.field('gender')}>
                <MenuItem value=""><em>{t('Not stated')}</em></MenuItem>
                {GENDERS.map((gender) => <MenuItem key={gender} value={gender}>{gender}</MenuItem>)}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}><TextField label={t('Address')} {...form.field('address')} /></Grid>
          </Grid>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={props.onClose}>{t('Cancel')}</Button>
          <Button type="submit" variant="contained" disabled={loading}>{t('Register patient')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
