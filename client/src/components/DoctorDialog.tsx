// Create or edit a doctor (admin). A new doctor gets a sign-in account and, by default, a one-time
// invitation link (shown once, here) with which they choose their own password; or else a
// temporary password that they must replace at first sign-in.
import { useMutation } from '@apollo/client/react';
import { FormControlLabel, Grid, InputAdornment, MenuItem, Switch, TextField } from '@mui/material';
import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { blankToNull, useForm } from '../lib/form';
import { GENDERS, genderLabel } from '../lib/options';
import { FormDialog } from './FormDialog';
import { InvitationLinkDialog, type InvitationLink } from './accounts/InvitationLinkDialog';
import { useT } from '../i18n';

export const DoctorDialogFragment = graphql(`
  fragment DoctorDialog_doctor on Doctor {
    id
    fullName
    specialization
    phone
    gender
    experienceYears
    about
    active
    email
    department { id }
    consultationFee { amount currency }
  }
`);

const CreateDoctorDocument = graphql(`
  mutation CreateDoctor($input: CreateDoctorInput!) {
    createDoctor(input: $input) { id invitationUrl ...DoctorDialog_doctor }
  }
`);

const UpdateDoctorDocument = graphql(`
  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {
    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }
  }
`);

const EMPTY = {
  email: '', password: '', fullName: '', departmentId: '', specialization: '', consultationFee: '',
  phone: '', gender: '', experienceYears: '', about: '',
};

export function DoctorDialog(props: {
  open: boolean;
  doctor?: FragmentType<typeof DoctorDialogFragment> | null;
  departments: ReadonlyArray<{ id: string; name: string; active: boolean }>;
  currency: string;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useT();
  const doctor = getFragmentData(DoctorDialogFragment, props.doctor ?? null);
  const form = useForm(EMPTY);
  const [active, setActive] = useState(true);
  const [invite, setInvite] = useState(true);
  const [invitation, setInvitation] = useState<InvitationLink | null>(null);
  const [create, creating] = useMutation(CreateDoctorDocument);
  const [update, updating] = useMutation(UpdateDoctorDocument);

  const reset = () => {
    form.setValues(doctor ? {
      ...EMPTY,
      email: doctor.email ?? '',
      fullName: doctor.fullName,
      departmentId: doctor.department.id,
      specialization: doctor.specialization,
      consultationFee: doctor.consultationFee.amount,
      phone: doctor.phone ?? '',
      gender: doctor.gender ?? '',
      experienceYears: doctor.experienceYears == null ? '' : String(doctor.experienceYears),
      about: doctor.about ?? '',
    } : EMPTY);
    setActive(doctor?.active ?? true);
    setInvite(true);
  };

  const submit = async () => {
    const v = form.values;
    const years = v.experienceYears.trim();
    if (years && !/^\d+$/.test(years)) {
      form.setErrors({ experienceYears: t('A whole number of years') });
      return;
    }
    const details = {
      fullName: v.fullName,
      departmentId: v.departmentId,
      specialization: v.specialization,
      consultationFee: blankToNull(v.consultationFee),
      phone: blankToNull(v.phone),
      gender: blankToNull(v.gender),
      experienceYears: years ? Number(years) : null,
      about: blankToNull(v.about),
    };
    if (doctor) {
      await update({ variables: { id: doctor.id, input: { ...details, consultationFee: details.consultationFee ?? '0', active } } });
    } else {
      const { data } = await create({ variables: { input: { ...details, email: v.email, password: invite ? null : v.password } } });
      if (data?.createDoctor.invitationUrl) setInvitation({ email: v.email, url: data.createDoctor.invitationUrl, expiresAt: null });
    }
    props.onSaved();
    props.onClose();
  };

  return (
    <>
    <InvitationLinkDialog link={invitation} onClose={() => setInvitation(null)} />
    <FormDialog
      open={props.open}
      title={doctor ? t('Edit {{name}}', { name: doctor.fullName }) : t('New doctor')}
      form={form}
      onOpen={reset}
      // Reset only when the dialog opens or switches doctor, not on every refetch.
      resetKey={doctor?.id}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel={doctor ? t('Save') : t('Create doctor')}
      busy={creating.loading || updating.loading}
      maxWidth="md"
      actionsSx={{ px: 3, pb: 2 }}
    >
      <Grid container spacing={2} sx={{ pt: 1 }}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label={t('Full name')} required autoFocus {...form.field('fullName')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField select label={t('Department')} required {...form.field('departmentId')}>
            {props.departments.map((department) => (
              <MenuItem key={department.id} value={department.id}>
                {department.active ? department.name : t('{{name}} (inactive)', { name: department.name })}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        {doctor ? (
          <Grid size={12}>
            <TextField label={t('Sign-in email')} value={doctor.email ?? ''} disabled helperText={t('The doctor\'s account email cannot be changed here')} />
          </Grid>
        ) : (
          <>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField label={t('Sign-in email')} type="email" required {...form.field('email')} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <FormControlLabel
                control={<Switch checked={invite} onChange={(event) => setInvite(event.target.checked)} />}
                label={invite ? t('Invitation link: the doctor chooses their password') : t('Temporary password, set by you')}
              />
            </Grid>
            {!invite && (
              <Grid size={12}>
                <TextField
                  label={t('Temporary password')}
                  required
                  autoComplete="off"
                  {...form.field('password', t('The doctor replaces it at first sign-in'))}
                />
              </Grid>
            )}
          </>
        )}
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label={t('Specialization')} required {...form.field('specialization')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label={t('Consultation fee')}
            inputMode="decimal"
            placeholder="0.00"
            slotProps={{ input: { startAdornment: <InputAdornment position="start">{props.currency}</InputAdornment> } }}
            {...form.field('consultationFee')}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField label={t('Work phone')} type="tel" {...form.field('phone')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField select label={t('Gender')} {...form.field('gender')}>
            <MenuItem value=""><em>{t('Not stated')}</em></MenuItem>
            {GENDERS.map((gender) => <MenuItem key={gender} value={gender}>{genderLabel(gender)}</MenuItem>)}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField label={t('Years of experience')} inputMode="numeric" {...form.field('experienceYears')} />
        </Grid>
        <Grid size={12}>
          <TextField label={t('About (shown to patients)')} multiline minRows={3} {...form.field('about')} />
        </Grid>
        {doctor && (
          <Grid size={12}>
            <FormControlLabel
              control={<Switch checked={active} onChange={(event) => setActive(event.target.checked)} />}
              label={active ? t('Active: patients can book') : t('Inactive: hidden from patients, no new bookings')}
            />
          </Grid>
        )}
      </Grid>
    </FormDialog>
    </>
  );
}
