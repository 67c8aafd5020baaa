// /admin/messages — the Outbox: every message the hospital must send or sent (the ledger), with
// filters, retry of a failed one, and the job queues' depth and failures. Without SMTP (development)
// this is where a newcomer sees the e-mails (their text is in the server log).
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Box, Button, Chip, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pager';

const MessagesDocument = graphql(`
  query AdminMessages($filter: MessageFilter, $after: String, $first: Int) {
    messages(filter: $filter, after: $after, first: $first) {
      totalCount
      nextCursor
      items { id kind channel status address patientId patientName appointmentId dueAt sentAt attempts lastError providerId createdAt }
    }
    jobQueues {
      backend workers emailLive smsLive messagesDue messagesFailed
      queues { name waiting active delayed failed }
      recentFailures { queue jobId error attempts failedAt }
    }
  }
`);

const RetryMessageDocument = graphql(`
  mutation RetryMessage($id: ID!) {
    retryMessage(id: $id) { id status attempts lastError }
  }
`);

const KINDS = ['BOOKING_CONFIRMATION', 'RESCHEDULE_NOTICE', 'CANCEL_NOTICE', 'REMINDER', 'PASSWORD_RESET', 'DOCTOR_INVITATION', 'DOCTOR_BOOKING_NOTICE', 'WAITLIST_OFFER'];
const STATUSES = ['PENDING', 'SENT', 'FAILED', 'CANCELLED'];
const STATUS_COLOR: Record<string, 'default' | 'success' | 'error' | 'warning'> = { PENDING: 'warning', SENT: 'success', FAILED: 'error', CANCELLED: 'default' };
const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

export function MessagesPage() {
  const pager = useCursorPager();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [patientId, setPatientId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const filter = { kind: kind || null, status: status || null, patientId: /^\d+$/.test(patientId) ? patientId : null };
  const { data, previousData, loading, error, refetch } = useQuery(MessagesDocument, { variables: { filter, after: pager.after, first: 30 }, fetchPolicy: 'cache-and-network' });
  const [retry, { loading: retrying }] = useMutation(RetryMessageDocument);
  const shown = data ?? previousData;
  const change = (set: (value: string) => void) => (value: string) => { pager.reset(); set(value); };

  const onRetry = async (id: string) => {
    setFailure(null);
    try {
      await retry({ variables: { id } });
      await refetch();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  const q = shown?.jobQueues;
  return (
    <Box>
      <PageHeader title="Messages" subtitle="E-mails and SMS the hospital sends: confirmations, notices, reminders, password resets, invitations." />
      {q && (!q.emailLive || !q.smsLive) && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {!q.emailLive && 'No SMTP server is set (HMS_SMTP_URL): e-mails are written to the server log and listed here, not sent. '}
          {!q.smsLive && 'No SMS gateway is set (HMS_SMS_URL): SMS are only logged.'}
        </Alert>
      )}
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      {q && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }} aria-label="Job queues">
          <Typography variant="subtitle2" gutterBottom>
            Queues ({q.backend === 'redis' ? 'Redis, shared by every process' : 'in this process'}{q.workers ? '' : ', this process runs no workers'}) ·
            {' '}{q.messagesDue} due now · {q.messagesFailed} failed
          </Typography>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {q.queues.map((queue) => (
              <Typography key={queue.name} variant="body2" color="text.secondary">
                <b>{queue.name}</b>: {queue.waiting} waiting, {queue.active} running, {queue.delayed} delayed, {queue.failed} failed
              </Typography>
            ))}
          </Stack>
          {q.recentFailures.length > 0 && (
            <Typography variant="body2" color="error" sx={{ mt: 1 }}>
              Latest failed job: {q.recentFailures[0].queue} {q.recentFailures[0].jobId} — {q.recentFailures[0].error} ({formatDateTime(q.recentFailures[0].failedAt)})
            </Typography>
          )}
        </Paper>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField select label="Kind" value={kind} onChange={(e) => change(setKind)(e.target.value)} sx={{ minWidth: 220 }}>
          <MenuItem value="">All kinds</MenuItem>
          {KINDS.map((k) => <MenuItem key={k} value={k}>{words(k)}</MenuItem>)}
        </TextField>
        <TextField select label="Status" value={status} onChange={(e) => change(setStatus)(e.target.value)} sx={{ minWidth: 160 }}>
          <MenuItem value="">All statuses</MenuItem>
          {STATUSES.map((s) => <MenuItem key={s} value={s}>{words(s)}</MenuItem>)}
        </TextField>
        <TextField label="Patient id" value={patientId} onChange={(e) => change(setPatientId)(e.target.value.trim())} sx={{ maxWidth: 160 }} />
      </Stack>
      {error && !shown ? <ErrorState error={error} onRetry={() => void refetch()} />
        : !shown && loading ? <Loading />
          : shown && shown.messages.items.length === 0 ? <EmptyState title="No messages">Nothing matches these filters.</EmptyState>
            : shown && (
              <>
                <TableContainer component={Paper} variant="outlined">
                  <Table size="small" aria-label="Messages">
                    <TableHead>
                      <TableRow>
                        <TableCell>Kind</TableCell><TableCell>Channel</TableCell><TableCell>To</TableCell><TableCell>Patient</TableCell>
                        <TableCell>Due</TableCell><TableCell>Status</TableCell><TableCell>Tries</TableCell><TableCell>Note</TableCell><TableCell />
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {shown.messages.items.map((m) => (
                        <TableRow key={m.id}>
                          <TableCell>{words(m.kind)}</TableCell>
                          <TableCell>{m.channel === 'SMS' ? 'SMS' : 'e-mail'}</TableCell>
                          <TableCell>{m.address ?? '—'}</TableCell>
                          <TableCell>{m.patientName ? `${m.patientName} (#${m.patientId})` : '—'}</TableCell>
                          <TableCell>{formatDateTime(m.dueAt)}</TableCell>
                          <TableCell>
                            <Chip size="small" color={STATUS_COLOR[m.status] ?? 'default'} label={m.status === 'SENT' && m.sentAt ? `sent ${formatDateTime(m.sentAt)}` : words(m.status)} />
                          </TableCell>
                          <TableCell>{m.attempts}</TableCell>
                          <TableCell sx={{ maxWidth: 280 }}><Typography variant="body2" color="text.secondary" noWrap title={m.lastError ?? m.providerId ?? ''}>{m.lastError ?? m.providerId ?? ''}</Typography></TableCell>
                          <TableCell>
                            {m.status === 'FAILED' && <Button size="small" disabled={retrying} onClick={() => void onRetry(m.id)}>Retry</Button>}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
                <Pager page={pager.page} totalCount={shown.messages.totalCount} nextCursor={shown.messages.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
              </>
            )}
    </Box>
  );
}
