// The edits of one treatment entry, newest first: who, when, which fields, and what they said before.
import { useQuery } from '@apollo/client/react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { graphql } from '../../gql';
import type { TreatmentRevisionsQuery } from '../../gql/graphql';
import { formatDateTime, formatLocalDate } from '../../lib/format';
import { EmptyState, ErrorState, Loading } from '../QueryState';
import { t, useT } from '../../i18n';
import { visitTypeLabel } from './visitTypes';

const TreatmentRevisionsDocument = graphql(`
  query TreatmentRevisions($treatmentId: ID!) {
    treatmentRevisions(treatmentId: $treatmentId) {
      id
      editedBy
      editedAt
      changedFields
      previous {
        diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate
        medicines { name dose frequency duration instructions }
      }
    }
  }
`);

/** A changed field's name as the form calls it (the API's name for one we do not know). */
function fieldLabel(field: string): string {
  switch (field) {
    case 'diagnosis': return t('Diagnosis');
    case 'icdCode': return t('ICD-10 code');
    case 'prescription': return t('Prescription');
    case 'medicines': return t('Medicines');
    case 'testsOrdered': return t('Tests ordered');
    case 'precautions': return t('Precautions');
    case 'notes': return t('Private clinical notes');
    case 'patientNotes': return t('Notes for the patient');
    case 'visitType': return t('Visit type');
    case 'followUpDate': return t('Follow-up date');
    default: return field;
  }
}

type Previous = TreatmentRevisionsQuery['treatmentRevisions'][number]['previous'];

function previousValue(previous: Previous, field: string): string {
  switch (field) {
    case 'medicines':
      return previous.medicines?.length
        ? previous.medicines.map((m) => [m.name, m.dose, m.frequency, m.duration].filter(Boolean).join(' ')).join('; ')
        : t('(none)');
    case 'visitType':
      return previous.visitType ? visitTypeLabel(previous.visitType) : t('(none)');
    case 'followUpDate':
      return previous.followUpDate ? formatLocalDate(previous.followUpDate, { day: 'numeric', month: 'short', year: 'numeric' }) : t('(none)');
    default: {
      const value = (previous as Record<string, unknown>)[field];
      return typeof value === 'string' && value ? value : t('(empty)');
    }
  }
}

export function TreatmentRevisions({ treatmentId }: { treatmentId: string }) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(TreatmentRevisionsDocument, { variables: { treatmentId }, fetchPolicy: 'network-only' });
  if (loading && !data) return <Loading label={t('Loading edits…')} />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const revisions = data?.treatmentRevisions ?? [];
  if (revisions.length === 0) return <EmptyState title={t('Never edited')}>{t('This entry is as it was first recorded.')}</EmptyState>;
  return (
    <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('Edits')}>
      {revisions.map((revision) => (
        <Box component="li" key={revision.id} sx={{ borderLeft: 3, borderColor: 'divider', pl: 2 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {formatDateTime(revision.editedAt)} · {revision.editedBy}
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ my: 0.5, flexWrap: 'wrap', rowGap: 0.5 }}>
            {revision.changedFields.map((field) => <Chip key={field} size="small" label={fieldLabel(field)} />)}
          </Stack>
          {revision.changedFields.map((field) => (
            <Typography key={field} variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
              {t('{{field}} was: {{value}}', { field: fieldLabel(field), value: previousValue(revision.previous, field) })}
            </Typography>
          ))}
        </Box>
      ))}
    </Stack>
  );
}
