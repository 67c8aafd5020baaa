// The doctor's treatment form: diagnosis (with ICD-10 code), visit type, prescription,
// medicines rows, tests, precautions, notes (for the patient / private) and follow-up date. Records a new entry for a
// visit, or edits an existing one (sending only what changed, with the version edited).
import { useMutation } from '@apollo/client/react';
import {
  Alert, Box, Button, Grid, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { MedicineInput, VisitType } from '../../gql/graphql';
import { errorCode, errorMessage } from '../../lib/errors';
import { useForm } from '../../lib/form';
import { t, useT } from '../../i18n';
import { visitTypeLabel, VISIT_TYPES } from './visitTypes';

const RecordTreatmentDocument = graphql(`
  mutation RecordTreatment($appointmentId: ID!, $input: TreatmentInput!) {
    recordTreatment(appointmentId: $appointmentId, input: $input) { id version }
  }
`);

const UpdateTreatmentDocument = graphql(`
  mutation UpdateTreatment($id: ID!, $input: UpdateTreatmentInput!) {
    updateTreatment(id: $id, input: $input) {
      id version updatedAt revisionCount diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate
      medicines { name dose frequency duration instructions }
    }
  }
`);

type Text = 'diagnosis' | 'icdCode' | 'visitType' | 'prescription' | 'testsOrdered' | 'precautions' | 'notes' | 'patientNotes' | 'followUpDate';
const TEXT_FIELDS: Text[] = ['diagnosis', 'icdCode', 'visitType', 'prescription', 'testsOrdered', 'precautions', 'notes', 'patientNotes', 'followUpDate'];
type MedicineField = 'name' | 'dose' | 'frequency' | 'duration' | 'instructions';
interface MedicineRow extends Record<MedicineField, string> { key: number }

/** The values of an existing entry, for editing. */
export interface TreatmentValues {
  id: string;
  version: number;
  diagnosis: string;
  icdCode?: string | null;
  visitType: VisitType;
  prescription?: string | null;
  testsOrdered?: string | null;
  precautions?: string | null;
  notes?: string | null;
  patientNotes?: string | null;
  followUpDate?: string | null;
  medicines: Array<{ name: string; dose?: string | null; frequency?: string | null; duration?: string | null; instructions?: string | null }>;
}

let nextKey = 1;
type MedicineValues = TreatmentValues['medicines'][number];
/** The form's rows for saved medicines (or one empty row): one place that turns null into ''. */
function toRows(medicines: MedicineValues[]): MedicineRow[] {
  return medicines.map((m) => ({
    key: nextKey++, name: m.name, dose: m.dose ?? '', frequency: m.frequency ?? '', duration: m.duration ?? '', instructions: m.instructions ?? '',
  }));
}
const emptyMedicine = (): MedicineRow => toRows([{ name: '' }])[0]!;

/** The fields of one medicine, with their widths from md up (on a phone each takes the full width). */
function medicineFields(): Array<[MedicineField, string, number]> {
  return [
    ['name', t('Name'), 4],
    ['dose', t('Dose'), 2],
    ['frequency', t('How often'), 3],
    ['duration', t('For how long'), 3],
    ['instructions', t('Instructions'), 11],
  ];
}

function initialText(existing?: TreatmentValues): Record<Text, string> {
  return {
    diagnosis: existing?.diagnosis ?? '',
    icdCode: existing?.icdCode ?? '',
    visitType: existing?.visitType ?? 'CONSULTATION',
    prescription: existing?.prescription ?? '',
    testsOrdered: existing?.testsOrdered ?? '',
    precautions: existing?.precautions ?? '',
    notes: existing?.notes ?? '',
    patientNotes: existing?.patientNotes ?? '',
    followUpDate: existing?.followUpDate ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function toMedicineInputs(rows: MedicineRow[]): MedicineInput[] {
  // A row left completely empty is not a medicine.
  return rows
    .filter((row) => Object.entries(row).some(([k, v]) => k !== 'key' && String(v).trim() !== ''))
    .map((row) => ({
      name: row.name.trim(),
      dose: orNull(row.dose),
      frequency: orNull(row.frequency),
      duration: orNull(row.duration),
      instructions: orNull(row.instructions),
    }));
}

export function TreatmentForm(props: {
  /** Record a new entry for this visit... */
  appointmentId?: string;
  /** ...or edit this one. */
  existing?: TreatmentValues;
  onSaved(treatmentId: string): void;
  onCancel?(): void;
}) {
  const editing = Boolean(props.existing);
  const [initial] = useState(() => initialText(props.existing));
  const form = useForm(initial);
  const { t } = useT();
  const [medicines, setMedicines] = useState<MedicineRow[]>(() => toRows(props.existing?.medicines ?? []));
  const [failure, setFailure] = useState<string | null>(null);
  const [record, recording] = useMutation(RecordTreatmentDocument);
  const [update, updating] = useMutation(UpdateTreatmentDocument);
  const busy = recording.loading || updating.loading;

  const setMedicine = (index: number, field: MedicineField, value: string) => {
    setMedicines((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    form.setErrors((errors) => {
      const key = `medicines.${index}.${field}`;
      if (!(key in errors)) return errors;
      const { [key]: _gone, ...rest } = errors;
      return rest;
    });
  };

  const submit = async () => {
    setFailure(null);
    form.setErrors({});
    const v = form.values;
    const medicineInputs = toMedicineInputs(medicines);
    try {
      if (props.existing) {
        // Only what changed: the revision then lists exactly the fields the doctor edited.
        const input: Record<string, unknown> = { expectedVersion: props.existing.version };
        for (const name of TEXT_FIELDS) {
          if (v[name] !== initial[name]) input[name] = name === 'visitType' ? v[name] : orNull(v[name]);
        }
        const before = toMedicineInputs(toRows(props.existing.medicines));
        if (JSON.stringify(before) !== JSON.stringify(medicineInputs)) input.medicines = medicineInputs;
        if (Object.keys(input).length === 1) {
          props.onCancel?.();
          return;
        }
        const { data } = await update({ variables: { id: props.existing.id, input } });
        if (data) props.onSaved(data.updateTreatment.id);
      } else if (props.appointmentId) {
        const { data } = await record({
          variables: {
            appointmentId: props.appointmentId,
            input: {
              diagnosis: v.diagnosis,
              icdCode: orNull(v.icdCode),
              visitType: v.visitType as VisitType,
              prescription: orNull(v.prescription),
              medicines: medicineInputs,
              testsOrdered: orNull(v.testsOrdered),
              precautions: orNull(v.precautions),
              notes: orNull(v.notes),
              patientNotes: orNull(v.patientNotes),
              followUpDate: orNull(v.followUpDate),
            },
          },
        });
        if (data) props.onSaved(data.recordTreatment.id);
      }
    } catch (error) {
      if (form.showServerErrors(error)) {
        setFailure(t('Please correct the highlighted fields.'));
      } else if (errorCode(error) === 'CONFLICT') {
        setFailure(t('Someone edited this entry meanwhile. Reload the page to see their version, then edit again.'));
      } else {
        setFailure(errorMessage(error));
      }
    }
  };

  // Errors on fields that have no input of their own (e.g. the medicines list as a whole).
  const listError = form.errors.medicines;

  return (
    <Box component="form" noValidate aria-label={editing ? t('Edit treatment') : t('Record treatment')} onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <Stack spacing={2.5}>
        {failure && <Alert severity="error">{failure}</Alert>}
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 8 }}>
            <TextField {...form.field('diagnosis')} label={t('Diagnosis')} required fullWidth multiline minRows={2} />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Stack spacing={2}>
              <TextField {...form.field('icdCode', t('e.g. J45.909'))} label={t('ICD-10 code')} fullWidth />
              <TextField {...form.field('visitType')} label={t('Visit type')} select fullWidth>
                {VISIT_TYPES.map((type) => (
                  <MenuItem key={type} value={type}>{visitTypeLabel(type)}</MenuItem>
                ))}
              </TextField>
            </Stack>
          </Grid>
          <Grid size={12}>
            <TextField {...form.field('prescription')} label={t('Prescription')} fullWidth multiline minRows={2} />
          </Grid>
        </Grid>

        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: medicines.length ? 2 : 0 }}>
            <Box>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>{t('Medicines')}</Typography>
              {medicines.length === 0 && <Typography variant="body2" color="text.secondary">{t('None prescribed.')}</Typography>}
              {listError && <Typography variant="body2" color="error">{listError}</Typography>}
            </Box>
            <Button startIcon={<Add />} onClick={() => setMedicines((rows) => [...rows, emptyMedicine()])}>{t('Add medicine')}</Button>
          </Stack>
          <Stack spacing={2}>
            {medicines.map((row, index) => (
              // One card per medicine: on a phone its fields stack at full width, nothing runs off-screen.
              <Grid
                container
                spacing={1.5}
                key={row.key}
                aria-label={t('Medicine {{number}}', { number: index + 1 })}
                role="group"
                sx={{ alignItems: 'flex-start', ...(medicines.length > 1 ? { pb: { xs: 2, md: 0 }, borderBottom: { xs: 1, md: 0 }, borderColor: { xs: 'divider' } } : {}) }}
              >
                {medicineFields().map(([field, label, width]) => {
                  const error = form.errors[`medicines.${index}.${field}`];
                  return (
                    <Grid key={field} size={{ xs: 12, sm: 6, md: width }}>
                      <TextField
                        id={`field-medicines-${index}-${field}`}
                        name={`medicines.${index}.${field}`}
                        label={label}
                        size="small"
                        fullWidth
                        required={field === 'name'}
                        value={row[field]}
                        onChange={(event) => setMedicine(index, field, event.target.value)}
                        error={Boolean(error)}
                        helperText={error}
                      />
                    </Grid>
                  );
                })}
                <Grid size={{ xs: 12, md: 1 }} sx={{ display: 'flex', justifyContent: { xs: 'flex-end', md: 'center' } }}>
                  <Tooltip title={t('Remove this medicine')}>
                    <IconButton aria-label={t('Remove medicine {{number}}', { number: index + 1 })} onClick={() => setMedicines((rows) => rows.filter((_, i) => i !== index))}>
                      <DeleteOutline />
                    </IconButton>
                  </Tooltip>
                </Grid>
              </Grid>
            ))}
          </Stack>
        </Paper>

        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField {...form.field('testsOrdered', t('e.g. full blood count, chest X-ray'))} label={t('Tests ordered')} fullWidth multiline minRows={2} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField {...form.field('precautions')} label={t('Precautions and advice')} fullWidth multiline minRows={2} />
          </Grid>
          {/* Who sees which note is said on the form itself (issue 15 item 2). */}
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              {...form.field('patientNotes', t('The patient sees this in their history and its CSV/PDF; stored encrypted'))}
              label={t('Notes for the patient')}
              fullWidth
              multiline
              minRows={3}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              {...form.field('notes', t('Only clinicians see this, never the patient; stored encrypted'))}
              label={t('Private clinical notes')}
              fullWidth
              multiline
              minRows={3}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField {...form.field('followUpDate')} label={t('Follow-up date')} type="date" fullWidth slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
        </Grid>

        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {props.onCancel && <Button onClick={props.onCancel}>{t('Cancel')}</Button>}
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? t('Saving…') : editing ? t('Save changes') : t('Save treatment')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
