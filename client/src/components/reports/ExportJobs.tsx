// Large exports run as jobs on the server (startExport): this starts one and lists the person's
// exports with their progress; a finished one offers its signed download link (valid for minutes,
// a fresh one comes with every poll), an expired one says to start again.
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Box, Button, LinearProgress, List, ListItem, ListItemText, Paper, Stack, Typography, type ButtonProps,
} from '@mui/material';
import Download from '@mui/icons-material/Download';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { StartExportInput } from '../../gql/graphql';
import { t, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';

const MyExportsDocument = graphql(`
  query MyExports {
    myExports { id kind format status progress stage fileName size downloadUrl downloadUrlExpiresAt expiresAt error createdAt }
  }
`);

const StartExportDocument = graphql(`
  mutation StartExport($input: StartExportInput!) {
    startExport(input: $input) { id kind format status progress }
  }
`);

/** The signed link as a same-origin path: the API's public address may differ from the page's (a proxy, a dev server). */
function sameOrigin(url: string): string {
  const parsed = new URL(url, window.location.href);
  return `${parsed.pathname}${parsed.search}`;
}

const KIND_LABEL: Record<string, () => string> = { DASHBOARD: () => t('Figures'), PATIENT_HISTORY: () => t('Medical history') };

/** Starts an export job; the list below (ExportJobList) shows how it goes. */
export function StartExportButton({ input, children, ...buttonProps }: { input: StartExportInput } & Omit<ButtonProps, 'onClick'>) {
  const [start, { loading, error }] = useMutation(StartExportDocument, { refetchQueries: [MyExportsDocument] });
  return (
    <>
      <Button variant="outlined" {...buttonProps} disabled={loading || buttonProps.disabled} onClick={() => void start({ variables: { input } }).catch(() => undefined)}>
        {children}
      </Button>
      {error && <Alert severity="error" sx={{ mt: 1 }}>{error.message}</Alert>}
    </>
  );
}

/** The signed-in person's recent exports, polled while any is still being made. */
export function ExportJobList() {
  const { t } = useT();
  const [polling, setPolling] = useState(false);
  const { data, error } = useQuery(MyExportsDocument, {
    fetchPolicy: 'cache-and-network',
    pollInterval: polling ? 1500 : 0,
    notifyOnNetworkStatusChange: false,
  });
  const jobs = data?.myExports ?? [];
  const running = jobs.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING');
  useEffect(() => { setPolling(running); }, [running]);
  if (error) return <Alert severity="error">{t('Your exports could not be loaded.')}</Alert>;
  if (jobs.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={t('Your exports')}>
      <Typography variant="subtitle1" component="h3">{t('Your exports')}</Typography>
      <List dense aria-live="polite">
        {jobs.slice(0, 5).map((job) => (
          <ListItem key={job.id} disableGutters
            secondaryAction={job.status === 'DONE' && job.downloadUrl ? (
              <Button size="small" variant="contained" startIcon={<Download />} href={sameOrigin(job.downloadUrl)} aria-label={t('Download {{file}}', { file: job.fileName ?? t('export') })}>
                {t('Download')}
              </Button>
            ) : null}>
            <ListItemText
              sx={{ pr: 14 }}
              primary={t('{{kind}} ({{format}}) · started {{time}}', { kind: KIND_LABEL[job.kind]?.() ?? job.kind, format: job.format, time: formatDateTime(job.createdAt) })}
              secondary={
                <Box component="span" sx={{ display: 'block' }}>
                  {job.status === 'QUEUED' && t('Waiting to start…')}
                  {job.status === 'RUNNING' && (
                    <Stack component="span" spacing={0.5} sx={{ display: 'flex' }}>
                      <span>{t('{{stage}} ({{progress}}%)', { stage: job.stage ?? t('Working'), progress: job.progress })}</span>
                      <LinearProgress variant="determinate" value={job.progress} aria-label={t('Export progress {{progress}}%', { progress: job.progress })} />
                    </Stack>
                  )}
                  {job.status === 'DONE' && (job.size
                    ? t('Ready: {{file}} ({{kb}} KB); the link works until {{time}}.', { file: job.fileName, kb: Math.ceil(job.size / 1024), time: job.downloadUrlExpiresAt ? formatDateTime(job.downloadUrlExpiresAt) : t('soon') })
                    : t('Ready: {{file}}; the link works until {{time}}.', { file: job.fileName, time: job.downloadUrlExpiresAt ? formatDateTime(job.downloadUrlExpiresAt) : t('soon') }))}
                  {job.status === 'FAILED' && t('Failed: {{error}}', { error: job.error ?? t('unknown error') })}
                  {job.status === 'EXPIRED' && t('The file was removed after its retention time; start a new export.')}
                </Box>
              }
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
