// How often a patient missed visits: shown to the front desk when booking for them.
import { useQuery } from '@apollo/client/react';
import { Chip } from '@mui/material';
import { graphql } from '../gql';
import { useT } from '../i18n';

const PatientNoShowCountDocument = graphql(`
  query PatientNoShowCount($patientId: ID!) {
    patientNoShowCount(patientId: $patientId)
  }
`);

export function NoShowCount({ patientId }: { patientId: string }) {
  const { t } = useT();
  const { data } = useQuery(PatientNoShowCountDocument, { variables: { patientId }, fetchPolicy: 'cache-and-network' });
  if (data === undefined) return null;
  const count = data.patientNoShowCount;
  return (
    <Chip size="small" data-testid="no-show-count" color={count > 0 ? 'warning' : 'default'} variant="outlined"
      label={count === 0 ? t('No missed visits') : t('{{count}} missed visits (no-show)', { count })} />
  );
}
