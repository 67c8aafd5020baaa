// What a doctor wants to know at a glance before a visit: who, how old, blood group, allergies.
import { Alert, Box, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useT } from '../../i18n';
import { formatLocalDate } from '../../lib/format';

export const PatientSummaryFragment = graphql(`
  fragment PatientSummary_patient on Patient {
    id
    fullName
    medicalRecordNumber
    dateOfBirth
    gender
    phone
    bloodGroup
    heightCm
    weightKg
    allergies
  }
`);

/** Whole years since the date of birth, today. */
export function ageOf(dateOfBirth: string | null | undefined): number | null {
  if (!dateOfBirth) return null;
  const years = Math.floor(DateTime.now().diff(DateTime.fromISO(dateOfBirth), 'years').years);
  return Number.isFinite(years) ? years : null;
}

export function PatientSummaryCard(props: { patient: FragmentType<typeof PatientSummaryFragment>; children?: ReactNode }) {
  const p = getFragmentData(PatientSummaryFragment, props.patient);
  const age = ageOf(p.dateOfBirth);
  const { t } = useT();
  return (
    <Card component="section" aria-label={t('Patient')}>
      <CardContent>
        <Typography variant="overline" color="text.secondary">{t('Patient')}</Typography>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 600 }}>{p.fullName}</Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <Chip size="small" label={p.medicalRecordNumber} />
          {age !== null && <Chip size="small" variant="outlined" label={t('{{count}} years', { count: age })} />}
          {p.gender && <Chip size="small" variant="outlined" label={p.gender} />}
          {p.bloodGroup && <Chip size="small" color="error" variant="outlined" label={t('Blood {{group}}', { group: p.bloodGroup })} />}
        </Stack>
        {p.allergies ? (
          <Alert severity="warning" sx={{ mt: 2 }} icon={false}>
            <strong>{t('Allergies:')}</strong> {p.allergies}
          </Alert>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>{t('No known allergies recorded.')}</Typography>
        )}
        <Divider sx={{ my: 2 }} />
        <Stack spacing={0.75}>
          <Fact label={t('Born')}>{p.dateOfBirth ? formatLocalDate(p.dateOfBirth, { day: 'numeric', month: 'short', year: 'numeric' }) : null}</Fact>
          <Fact label={t('Height')}>{p.heightCm ? t('{{value, number}} cm', { value: p.heightCm }) : null}</Fact>
          <Fact label={t('Weight')}>{p.weightKg ? t('{{value, number}} kg', { value: p.weightKg }) : null}</Fact>
          <Fact label={t('Phone')}>{p.phone}</Fact>
        </Stack>
        {props.children}
      </CardContent>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography variant="body2" sx={{ fontWeight: 500, textAlign: 'right' }}>{children || '—'}</Typography>
    </Box>
  );
}
