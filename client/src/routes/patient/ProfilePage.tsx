// The patient's own profile: personal details, health basics and the reminder opt-in.
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Button, FormControlLabel, Grid, MenuItem, Paper, Stack, Switch, TextField, Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { Trans } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CalendarFeedCard } from '../../components/integrations/CalendarFeedCard';
import { ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { blankToNull, useForm } from '../../lib/form';
import { GENDERS, genderLabel } from '../../lib/options';
import { useT } from '../../i18n';

const MyProfileDocument = graphql(`
  query MyProfile {
    me {
      id
      email
      patient {
        id
        fullName
        medicalRecordNumber
        dateOfBirth
        gender
        phone
        address
        bloodGroup
        heightCm
        weightKg
        allergies
        reminderOptIn
        reminderSmsOptIn
      }
    }
  }
`);

const UpdateMyProfileDocument = graphql(`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      id
      fullName
      dateOfBirth
      gender
      phone
      address
      bloodGroup
      heightCm
      weightKg
      allergies
      reminderOptIn
      reminderSmsOptIn
    }
  }
`);

const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'];

const EMPTY = {
  fullName: '', dateOfBirth: '', gender: '', phone: '', address: '', bloodGroup: '', heightCm: '', weightKg: '', allergies: '',
};

export function ProfilePage() {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(MyProfileDocument, { fetchPolicy: 'network-only' });
  const form = useForm(EMPTY);
  const [reminderOptIn, setReminderOptIn] = useState(false);
  const [reminderSmsOptIn, setReminderSmsOptIn] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [update, updating] = useMutation(UpdateMyProfileDocument);
  const patient = data?.me?.patient;
  const { setValues } = form;

  useEffect(() => {
    if (!patient) return;
    setValues({
      fullName: patient.fullName,
      dateOfBirth: patient.dateOfBirth ?? '',
      gender: patient.gender ?? '',
      phone: patient.phone ?? '',
      address: patient.address ?? '',
      bloodGroup: patient.bloodGroup ?? '',
      heightCm: patient.heightCm == null ? '' : String(patient.heightCm),
      weightKg: patient.weightKg ?? '',
      allergies: patient.allergies ?? '',
    });
    setReminderOptIn(patient.reminderOptIn);
    setReminderSmsOptIn(patient.reminderSmsOptIn);
  }, [patient, setValues]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const v = form.values;
    // Numbers are checked here first so the server gets numbers, not text.
    const heightCm = v.heightCm.trim() === '' ? null : Number(v.heightCm);
    const weightKg = v.weightKg.trim() === '' ? null : Number(v.weightKg.replace(',', '.'));
    const local: Record<string, string> = {};
    if (heightCm !== null && !Number.isInteger(heightCm)) local.heightCm = t('Whole centimetres');
    if (weightKg !== null && !Number.isFinite(weightKg)) local.weightKg = t('A number of kilograms, e.g. 72.5');
    if (Object.keys(local).length > 0) {
      form.setErrors(local);
      return;
    }
    try {
      await update({
        variables: {
          input: {
            fullName: v.fullName,
            dateOfBirth: blankToNull(v.dateOfBirth),
            gender: blankToNull(v.gender),
            phone: blankToNull(v.phone),
            address: blankToNull(v.address),
            bloodGroup: blankToNull(v.bloodGroup),
            heightCm,
            weightKg,
            allergies: blankToNull(v.allergies),
            reminderOptIn,
            reminderSmsOptIn,
          },
        },
      });
      form.setErrors({});
      setSaved(true);
    } catch (e) {
      if (!form.showServerErrors(e)) setFailure(errorMessage(e));
    }
  };

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader
        title={t('My profile')}
        subtitle={patient && (
          <Trans
            i18nKey="Medical record number <b>{{number}}</b> · {{email}}"
            values={{ number: patient.medicalRecordNumber, email: data?.me?.email ?? '' }}
            components={{ b: <strong /> }}
          />
        )}
      />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 880 }}>
        <form onSubmit={submit} noValidate>
          {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
          {saved && <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(false)}>{t('Your profile is saved.')}</Alert>}
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>{t('Personal details')}</Typography>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6 }}><TextField fullWidth label={t('Full name')} required {...form.field('fullName')} /></Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField fullWidth label={t('Date of birth')} type="date" slotProps={{ inputLabel: { shrink: true } }} {...form.field('dateOfBirth')} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField fullWidth select label={t('Gender')} {...form.field('gender')}>
                <MenuItem value="">{t('Not given')}</MenuItem>
                {/* Keep a value stored earlier even if it is not one of today's choices. */}
                {[...GENDERS, ...(form.values.gender && !GENDERS.includes(form.values.gender) ? [form.values.gender] : [])].map((g) => (
                  <MenuItem key={g} value={g}>{genderLabel(g)}</MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}><TextField fullWidth label={t('Phone')} type="tel" {...form.field('phone')} /></Grid>
            <Grid size={12}><TextField fullWidth label={t('Address')} multiline minRows={2} {...form.field('address')} /></Grid>
          </Grid>
          <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 2 }}>{t('Health basics')}</Typography>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField fullWidth select label={t('Blood group')} {...form.field('bloodGroup')}>
                <MenuItem value="">{t('Not known')}</MenuItem>
                {BLOOD_GROUPS.map((g) => <MenuItem key={g} value={g}>{g}</MenuItem>)}
              </TextField>
            </Grid>
            <Grid size={{ xs: 6, sm: 4 }}>
              <TextField fullWidth label={t('Height (cm)')} slotProps={{ htmlInput: { inputMode: 'numeric' } }} {...form.field('heightCm')} />
            </Grid>
            <Grid size={{ xs: 6, sm: 4 }}>
              <TextField fullWidth label={t('Weight (kg)')} slotProps={{ htmlInput: { inputMode: 'decimal' } }} {...form.field('weightKg')} />
            </Grid>
            <Grid size={12}>
              <TextField fullWidth label={t('Allergies')} multiline minRows={2} {...form.field('allergies', t('Medicines, foods or anything else your doctors should know'))} />
            </Grid>
          </Grid>
          <FormControlLabel
            sx={{ mt: 2 }}
            control={<Switch checked={reminderOptIn} onChange={(event) => { setReminderOptIn(event.target.checked); setSaved(false); }} />}
            label={t('E-mail me appointment reminders')}
          />
          <FormControlLabel
            control={<Switch checked={reminderSmsOptIn} onChange={(event) => { setReminderSmsOptIn(event.target.checked); setSaved(false); }} />}
            label={t('Text (SMS) me appointment reminders, to my phone number above')}
          />
          <Stack direction="row" sx={{ mt: 3, justifyContent: 'flex-end' }}>
            <Button type="submit" variant="contained" disabled={updating.loading}>{t('Save profile')}</Button>
          </Stack>
        </form>
      </Paper>
      <CalendarFeedCard />
    </>
  );
}
