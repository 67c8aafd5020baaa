// The patient's own medical history, newest first, with CSV and PDF downloads.
import { useQuery } from '@apollo/client/react';
import { Box, Button, Stack } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCurrentUser } from '../../auth/CurrentUser';
import { TreatmentEntry } from '../../components/clinical/TreatmentEntry';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { useT } from '../../i18n';

const MyHistoryDocument = graphql(`
  query MyHistory($patientId: ID!) {
    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }
  }
`);

export function HistoryPage() {
  const { t } = useT();
  const { user } = useCurrentUser();
  const patientId = user?.patient?.id ?? '';
  const { data, loading, error, refetch } = useQuery(MyHistoryDocument, {
    variables: { patientId },
    skip: !patientId,
    fetchPolicy: 'cache-and-network',
  });
  const entries = data?.patientHistory ?? [];
  return (
    <>
      <PageHeader
        title={t('Medical history')}
        subtitle={t('What your doctors recorded after each visit, newest first.')}
        actions={patientId && (
          <>
            <Button component={RouterLink} to="/patient/record-access" variant="text">{t('Who opened my records')}</Button>
            <DownloadButton url={`/exports/patients/${patientId}/history.csv`} fileName="medical-history.csv">{t('CSV')}</DownloadButton>
            <DownloadButton url={`/exports/patients/${patientId}/history.pdf`} fileName="medical-history.pdf">{t('PDF')}</DownloadButton>
          </>
        )}
      />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !data ? <Loading /> : data && entries.length === 0 ? (
        <EmptyState title={t('No records yet')} action={<Button component={RouterLink} to="/patient/book" variant="outlined">{t('Book a visit')}</Button>}>
          {t('After a visit, your doctor\'s diagnosis and prescriptions appear here.')}</EmptyState>
      ) : (
        <Stack component="ol" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0, position: 'relative' }} aria-label={t('Treatment history')}>
          {entries.map((entry) => (
            <Box component="li" key={entry.id} sx={{ pl: { sm: 3 }, borderLeft: { sm: 3 }, borderColor: { sm: 'primary.light' } }}>
              <TreatmentEntry treatment={entry} />
            </Box>
          ))}
        </Stack>
      )}
    </>
  );
}
