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

const KIND_LABEL: Record<string, string> = { DASHBOARD: 'Figures', PATIENT_HISTORY: 'Medical history' };

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
  const [polling, setPolling] = useState(false);
  const { data, error } = useQuery(MyExportsDocument, {
    fetchPolicy: 'cache-and-network',
    pollInterval: polling ? 1500 : 0,
    notifyOnNetworkStatusChange: false,
  });
  const jobs = data?.myExports ?? [];
  const running = jobs.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING');
  useEffect(() => { setPolling(running); }, [running]);
  if (error) return <Alert severity="error">Your exports could not be loaded.</Alert>;
  if (jobs.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Your exports">
      <Typography variant="subtitle1" component="h3">Your exports</Typography>
      <List dense aria-live="polite">
        {jobs.slice(0, 5).map((job) => (
          <ListItem key={job.id} disableGutters
            secondaryAction={job.status === 'DONE' && job.downloadUrl ? (
              <Button size="small" variant="contained" startIcon={<Download />} href={sameOrigin(job.downloadUrl)} aria-label={`Download ${job.fileName ?? 'export'}`}>
                Download
              </Button>
            ) : null}>
            <ListItemText
              sx={{ pr: 14 }}
              primary={`${KIND_LABEL[job.kind] ?? job.kind} (${job.format}) · started ${formatDateTime(job.createdAt)}`}
              secondary={
                <Box component="span" sx={{ display: 'block' }}>
                  {job.status === 'QUEUED' && 'Waiting to start…'}
                  {job.status === 'RUNNING' && (
                    <Stack component="span" spacing={0.5} sx={{ display: 'flex' }}>
                      <span>{job.stage ?? 'Working'} ({job.progress}%)</span>
                      <LinearProgress variant="determinate" value={job.progress} aria-label={`Export progress ${job.progress}%`} />
                    </Stack>
                  )}
                  {job.status === 'DONE' && `Ready: ${job.fileName}${job.size ? ` (${Math.ceil(job.size / 1024)} KB)` : ''}; the link works until ${job.downloadUrlExpiresAt ? formatDateTime(job.downloadUrlExpiresAt) : 'soon'}.`}
                  {job.status === 'FAILED' && `Failed: ${job.error ?? 'unknown error'}`}
                  {job.status === 'EXPIRED' && 'The file was removed after its retention time; start a new export.'}
                </Box>
              }
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
