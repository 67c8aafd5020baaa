// Admin: one patient (/admin/patients/:patientId): profile, appointments and invoices — never clinical
// content. Correct details, deactivate/reactivate, and merge a walk-in record into the registered
// account the patient later created (visits and invoices follow; overlapping visits are refused).
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { AppointmentStatusChip } from '../../components/AppointmentStatusChip';
import { InvoiceStatusChip } from '../../components/billing/InvoiceStatusChip';
import { PatientPicker, type PickedPatient } from '../../components/billing/PatientPicker';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { ActiveChip } from '../../components/StatusChip';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { blankToNull, useForm } from '../../lib/form';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useT } from '../../i18n';

const AdminPatientDocument = graphql(`
  query AdminPatient($id: ID!) {
    patient(id: $id) {
      id fullName medicalRecordNumber dateOfBirth gender phone address email hasAccount active mergedIntoId
    }
    appointments(filter: { patientId: $id }, first: 50) {
      items { id startsAt status doctor { id fullName } }
      totalCount
    }
    invoices(filter: { patientId: $id }, first: 50) {
      items { id number status total { amount currency } balance { amount currency } }
      totalCount
    }
  }
`);

const UpdatePatientDocument = graphql(`
  mutation AdminUpdatePatient($id: ID!, $input: UpdatePatientInput!) {
    updatePatient(id: $id, input: $input) { id fullName dateOfBirth gender phone address }
  }
`);

const SetPatientActiveDocument = graphql(`
  mutation AdminSetPatientActive($patientId: ID!, $active: Boolean!) {
    setPatientActive(patientId: $patientId, active: $active) { id active }
  }
`);

const MergePatientsDocument = graphql(`
  mutation AdminMergePatients($sourcePatientId: ID!, $targetPatientId: ID!) {
    mergePatients(sourcePatientId: $sourcePatientId, targetPatientId: $targetPatientId) { id }
  }
`);

export function PatientAdminPage() {
  const { t } = useT();
  const { patientId = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, refetch } = useQuery(AdminPatientDocument, { variables: { id: patientId } });
  const [update, updating] = useMutation(UpdatePatientDocument);
  const [setActive, switching] = useMutation(SetPatientActiveDocument);
  const [merge, merging] = useMutation(MergePatientsDocument);
  const form = useForm({ fullName: '', dateOfBirth: '', gender: '', phone: '', address: '' });
  const [editing, setEditing] = useState(false);
  const [confirmActive, setConfirmActive] = useState(false);
  const [activeError, setActiveError] = useState<string | null>(null);
  const [merging_, setMerging] = useState(false);
  const [target, setTarget] = useState<PickedPatient | null>(null);
  const [mergeError, setMergeError] = useState<string | null>(null);

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading label={t('Loading the patient…')} />;
  const p = data.patient;

  const toggleActive = async () => {
    setActiveError(null);
    try {
      await setActive({ variables: { patientId: p.id, active: !p.active } });
      setConfirmActive(false);
    } catch (e) {
      setActiveError(errorMessage(e));
    }
  };

  const doMerge = async () => {
    if (!target) return;
    setMergeError(null);
    try {
      await merge({ variables: { sourcePatientId: p.id, targetPatientId: target.id } });
      setMerging(false);
      navigate(`/admin/patients/${target.id}`);
    } catch (e) {
      setMergeError(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title={p.fullName}
        subtitle={`${p.medicalRecordNumber} · ${p.hasAccount ? t('Registered account') : t('Walk-in record')}`}
        actions={<Button component={RouterLink} to="/admin/patients" startIcon={<ArrowBack />}>{t('All patients')}</Button>}
      />
      {p.mergedIntoId && (
        <Alert severity="info" sx={{ mb: 2 }} action={<Button color="inherit" component={RouterLink} to={`/admin/patients/${p.mergedIntoId}`}>{t('Open')}</Button>}>
          {t("This walk-in record was merged into the patient's registered account.")}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(3, 1fr)', md: 'repeat(6, auto)' } }}>
          <Detail label={t('Date of birth')} value={p.dateOfBirth} />
          <Detail label={t('Gender')} value={p.gender} />
          <Detail label={t('Phone')} value={p.phone} />
          <Detail label={t('E-mail')} value={p.email} />
          <Detail label={t('Address')} value={p.address} />
          <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}><Typography variant="caption" color="text.secondary">{t('Status')}</Typography><ActiveChip active={p.active} /></Stack>
        </Box>
        <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap', rowGap: 1 }}>
          <Button variant="contained" onClick={() => setEditing(true)} disabled={Boolean(p.mergedIntoId)}>{t('Correct details')}</Button>
          <Button color={p.active ? 'error' : 'primary'} onClick={() => setConfirmActive(true)} disabled={Boolean(p.mergedIntoId)}>
            {p.active ? t('Deactivate') : t('Reactivate')}
          </Button>
          {!p.hasAccount && !p.mergedIntoId && <Button onClick={() => { setTarget(null); setMergeError(null); setMerging(true); }}>{t('Merge into a registered account')}</Button>}
        </Stack>
      </Paper>

      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('Appointments ({{number}})', { number: data.appointments.totalCount })}</Typography>
      {data.appointments.items.length === 0 ? <EmptyState title={t('No appointments')} /> : (
        <TableContainer component={Paper} variant="outlined" tabIndex={0} aria-label={t('Appointments')} sx={{ mb: 3 }}>
          <Table size="small">
            <TableHead><TableRow><TableCell>{t('When')}</TableCell><TableCell>{t('Doctor')}</TableCell><TableCell>{t('Status')}</TableCell></TableRow></TableHead>
            <TableBody>
              {data.appointments.items.map((a) => (
                <TableRow key={a.id} data-testid="patient-appointment">
                  <TableCell>{formatDateTime(a.startsAt)}</TableCell>
                  <TableCell>{a.doctor.fullName}</TableCell>
                  <TableCell><AppointmentStatusChip status={a.status} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('Invoices ({{number}})', { number: data.invoices.totalCount })}</Typography>
      {data.invoices.items.length === 0 ? <EmptyState title={t('No invoices')} /> : (
        <TableContainer component={Paper} variant="outlined" tabIndex={0} aria-label={t('Invoices')}>
          <Table size="small">
            <TableHead><TableRow><TableCell>{t('Number')}</TableCell><TableCell>{t('Status')}</TableCell><TableCell>{t('Total')}</TableCell><TableCell>{t('Balance')}</TableCell></TableRow></TableHead>
            <TableBody>
              {data.invoices.items.map((i) => (
                <TableRow key={i.id} data-testid="patient-invoice">
                  <TableCell><RouterLink to={`/admin/billing/${i.id}`}>{i.number}</RouterLink></TableCell>
                  <TableCell><InvoiceStatusChip status={i.status} /></TableCell>
                  <TableCell>{formatMoney(i.total)}</TableCell>
                  <TableCell>{formatMoney(i.balance)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      <FormDialog
        open={editing}
        title={t('Correct details')}
        form={form}
        resetKey={p.id}
        onOpen={() => form.setValues({ fullName: p.fullName, dateOfBirth: p.dateOfBirth ?? '', gender: p.gender ?? '', phone: p.phone ?? '', address: p.address ?? '' })}
        busy={updating.loading}
        submitLabel={t('Save')}
        onClose={() => setEditing(false)}
        onSubmit={async () => {
          const v = form.values;
          await update({ variables: { id: p.id, input: { fullName: v.fullName, dateOfBirth: blankToNull(v.dateOfBirth), gender: blankToNull(v.gender), phone: blankToNull(v.phone), address: blankToNull(v.address) } } });
          setEditing(false);
        }}
      >
        <TextField {...form.field('fullName')} label={t('Full name')} fullWidth required sx={{ mt: 1 }} />
        <TextField {...form.field('dateOfBirth')} type="date" label={t('Date of birth')} fullWidth sx={{ mt: 2 }} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField {...form.field('gender')} label={t('Gender')} fullWidth sx={{ mt: 2 }} />
        <TextField {...form.field('phone')} label={t('Phone')} fullWidth sx={{ mt: 2 }} />
        <TextField {...form.field('address')} label={t('Address')} fullWidth multiline sx={{ mt: 2 }} />
      </FormDialog>

      <ConfirmDialog
        open={confirmActive}
        title={p.active ? t('Deactivate this patient?') : t('Reactivate this patient?')}
        confirmLabel={p.active ? t('Deactivate') : t('Reactivate')}
        destructive={p.active}
        busy={switching.loading}
        error={activeError}
        onConfirm={() => void toggleActive()}
        onClose={() => setConfirmActive(false)}
      >
        {p.active
          ? t('No new visits can be booked for this record. With an account, the patient is signed out everywhere and cannot sign in until reactivated.')
          : t('The record can be booked again and the patient can sign in.')}
      </ConfirmDialog>

      <ConfirmDialog
        open={merging_}
        title={t('Merge into a registered account')}
        confirmLabel={t('Merge')}
        busy={merging.loading}
        error={mergeError}
        onConfirm={() => void doMerge()}
        onClose={() => setMerging(false)}
      >
        <Typography sx={{ mb: 2 }}>
          {t('Every visit and invoice of this walk-in record moves to the account you pick; this record is then deactivated. Visits at overlapping times must be cancelled first.')}
        </Typography>
        <PatientPicker value={target} onChange={setTarget} label={t('Registered patient')} />
        {target && <Chip sx={{ mt: 1 }} label={t('Into {{patient}}', { patient: target.fullName })} />}
      </ConfirmDialog>
    </>
  );
}

function Detail({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Stack spacing={0.5} sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary">{label}</Typography>
      <Typography sx={{ overflowWrap: 'anywhere' }}>{value || '–'}</Typography>
    </Stack>
  );
}
