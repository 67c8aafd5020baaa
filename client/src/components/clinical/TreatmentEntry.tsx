// One treatment entry as a card in a history timeline: visit, doctor, diagnosis, prescription, medicines, follow-up.
import { Box, Card, CardContent, Chip, Divider, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatDateTime, formatLocalDate } from '../../lib/format';
import { VISIT_TYPE_LABELS } from './visitTypes';

export const TreatmentEntryFragment = graphql(`
  fragment TreatmentEntry_treatment on Treatment {
    id
    createdAt
    visitType
    diagnosis
    icdCode
    prescription
    medicines { name dose frequency duration instructions }
    testsOrdered
    precautions
    notes
    patientNotes
    followUpDate
    appointment { id startsAt }
    doctor { id fullName specialization }
    department { id name }
  }
`);

export function TreatmentEntry(props: { treatment: FragmentType<typeof TreatmentEntryFragment> }) {
  const t = getFragmentData(TreatmentEntryFragment, props.treatment);
  return (
    <Card component="article" aria-label={`Visit on ${formatDateTime(t.appointment.startsAt)}`}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'flex-start' } }}>
          <Box>
            <Typography variant="overline" color="text.secondary">{formatDateTime(t.appointment.startsAt)}</Typography>
            <Typography variant="h6" component="h3">{t.diagnosis}</Typography>
            <Typography variant="body2" color="text.secondary">
              {t.doctor.fullName} · {t.department.name}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1}>
            {t.icdCode && <Chip size="small" variant="outlined" label={`ICD-10 ${t.icdCode}`} />}
            <Chip size="small" color="primary" variant="outlined" label={VISIT_TYPE_LABELS[t.visitType]} />
          </Stack>
        </Stack>
        <Divider sx={{ my: 1.5 }} />
        <Stack spacing={1.5}>
          {t.prescription && <Section title="Prescription">{t.prescription}</Section>}
          {t.medicines.length > 0 && (
            <Box>
              <Typography variant="subtitle2">Medicines</Typography>
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" aria-label="Medicines">
                  <TableHead>
                    <TableRow>
                      <TableCell>Name</TableCell>
                      <TableCell>Dose</TableCell>
                      <TableCell>How often</TableCell>
                      <TableCell>For</TableCell>
                      <TableCell>Instructions</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {t.medicines.map((m, index) => (
                      <TableRow key={index}>
                        <TableCell sx={{ fontWeight: 600 }}>{m.name}</TableCell>
                        <TableCell>{m.dose ?? '—'}</TableCell>
                        <TableCell>{m.frequency ?? '—'}</TableCell>
                        <TableCell>{m.duration ?? '—'}</TableCell>
                        <TableCell>{m.instructions ?? '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            </Box>
          )}
          {t.testsOrdered && <Section title="Tests ordered">{t.testsOrdered}</Section>}
          {t.precautions && <Section title="Precautions">{t.precautions}</Section>}
          {t.patientNotes && <Section title="Notes for the patient">{t.patientNotes}</Section>}
          {/* Null for a patient viewer (the server never sends it to them). */}
          {t.notes && <Section title="Private clinical notes (clinicians only)">{t.notes}</Section>}
          {t.followUpDate && (
            <Section title="Follow-up">{formatLocalDate(t.followUpDate, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</Section>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

function Section({ title, children }: { title: string; children: string }) {
  return (
    <Box>
      <Typography variant="subtitle2">{title}</Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{children}</Typography>
    </Box>
  );
}
