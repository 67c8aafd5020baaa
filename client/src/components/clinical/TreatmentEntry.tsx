// One treatment entry as a card in a history timeline: visit, doctor, diagnosis, prescription, medicines, follow-up.
import {
  Box, Card, CardContent, Chip, Divider, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, useMediaQuery, type Theme,
} from '@mui/material';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useT } from '../../i18n';
import { formatDateTime, formatLocalDate } from '../../lib/format';
import { visitTypeLabel } from './visitTypes';

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
  const entry = getFragmentData(TreatmentEntryFragment, props.treatment);
  const { t } = useT();
  return (
    <Card component="article" aria-label={t('Visit on {{when}}', { when: formatDateTime(entry.appointment.startsAt) })}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'flex-start' } }}>
          <Box>
            <Typography variant="overline" color="text.secondary">{formatDateTime(entry.appointment.startsAt)}</Typography>
            <Typography variant="h6" component="h3">{entry.diagnosis}</Typography>
            <Typography variant="body2" color="text.secondary">
              {entry.doctor.fullName} · {entry.department.name}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1}>
            {entry.icdCode && <Chip size="small" variant="outlined" label={`ICD-10 ${entry.icdCode}`} />}
            <Chip size="small" color="primary" variant="outlined" label={visitTypeLabel(entry.visitType)} />
          </Stack>
        </Stack>
        <Divider sx={{ my: 1.5 }} />
        <Stack spacing={1.5}>
          {entry.prescription && <Section title={t('Prescription')}>{entry.prescription}</Section>}
          {entry.medicines.length > 0 && (
            <Box>
              <Typography variant="subtitle2">{t('Medicines')}</Typography>
              <Medicines medicines={entry.medicines} />
            </Box>
          )}
          {entry.testsOrdered && <Section title={t('Tests ordered')}>{entry.testsOrdered}</Section>}
          {entry.precautions && <Section title={t('Precautions')}>{entry.precautions}</Section>}
          {entry.patientNotes && <Section title={t('Notes for the patient')}>{entry.patientNotes}</Section>}
          {/* Null for a patient viewer (the server never sends it to them). */}
          {entry.notes && <Section title={t('Private clinical notes (clinicians only)')}>{entry.notes}</Section>}
          {entry.followUpDate && (
            <Section title={t('Follow-up')}>{formatLocalDate(entry.followUpDate, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</Section>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

type Medicine = { name: string; dose?: string | null; frequency?: string | null; duration?: string | null; instructions?: string | null };

/** The medicines as a table, or on a phone one small card each (five columns run off a 390 px screen). */
function Medicines({ medicines }: { medicines: Medicine[] }) {
  const { t } = useT();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  if (phone) {
    return (
      <Stack component="ul" aria-label={t('Medicines')} spacing={1} sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
        {medicines.map((m, index) => (
          <Box component="li" key={index} data-testid="medicine-card" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1, overflowWrap: 'anywhere' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>{m.name}</Typography>
            <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: 1.5, rowGap: 0.25, typography: 'body2' }}>
              {([[t('Dose'), m.dose], [t('How often'), m.frequency], [t('For'), m.duration], [t('Instructions'), m.instructions]] as const)
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <Box key={label} sx={{ display: 'contents' }}>
                    <Box component="dt" sx={{ color: 'text.secondary' }}>{label}</Box>
                    <Box component="dd" sx={{ m: 0 }}>{value}</Box>
                  </Box>
                ))}
            </Box>
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('Medicines')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('Name')}</TableCell>
            <TableCell>{t('Dose')}</TableCell>
            <TableCell>{t('How often')}</TableCell>
            <TableCell>{t('For')}</TableCell>
            <TableCell>{t('Instructions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {medicines.map((m, index) => (
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
