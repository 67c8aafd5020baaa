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
import { t, useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pager';
import { hideOnPhone, phoneCells, phoneOnly } from './table-layout';

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
// What people read for each code (the English is the code in words); t() runs at render time.
const LABELS: Record<string, () => string> = {
  BOOKING_CONFIRMATION: () => t('booking confirmation'),
  RESCHEDULE_NOTICE: () => t('reschedule notice'),
  CANCEL_NOTICE: () => t('cancel notice'),
  REMINDER: () => t('reminder'),
  PASSWORD_RESET: () => t('password reset'),
  DOCTOR_INVITATION: () => t('doctor invitation'),
  DOCTOR_BOOKING_NOTICE: () => t('doctor booking notice'),
  WAITLIST_OFFER: () => t('waitlist offer'),
  PENDING: () => t('pending'),
  SENT: () => t('sent'),
  FAILED: () => t('failed'),
  CANCELLED: () => t('cancelled'),
};
const words = (value: string) => LABELS[value]?.() ?? value.toLowerCase().replace(/_/g, ' ');

export function MessagesPage() {
  const { t } = useT();
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
      <PageHeader title={t('Messages')} subtitle={t('E-mails and SMS the hospital sends: confirmations, notices, reminders, password resets, invitations.')} />
      {q && (!q.emailLive || !q.smsLive) && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {!q.emailLive && `${t('No SMTP server is set (HMS_SMTP_URL): e-mails are written to the server log and listed here, not sent.')} `}
          {!q.smsLive && t('No SMS gateway is set (HMS_SMS_URL): SMS are only logged.')}
        </Alert>
      )}
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      {q && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }} aria-label={t('Job queues')}>
          <Typography variant="subtitle2" gutterBottom>
            {t('Queues ({{where}}) · {{due}} due now · {{failed}} failed', {
              where: (q.backend === 'redis' ? t('Redis, shared by every process') : t('in this process')) + (q.workers ? '' : `, ${t('this process runs no workers')}`),
              due: q.messagesDue,
              failed: q.messagesFailed,
            })}
          </Typography>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {q.queues.map((queue) => (
              <Typography key={queue.name} variant="body2" color="text.secondary">
                <b>{queue.name}</b>: {t('{{waiting}} waiting, {{running}} running, {{delayed}} delayed, {{failed}} failed', { waiting: queue.waiting, running: queue.active, delayed: queue.delayed, failed: queue.failed })}
              </Typography>
            ))}
          </Stack>
          {q.recentFailures.length > 0 && (
            <Typography variant="body2" color="error" sx={{ mt: 1 }}>
              {t('Latest failed job:')} {q.recentFailures[0].queue} {q.recentFailures[0].jobId} — {q.recentFailures[0].error} ({formatDateTime(q.recentFailures[0].failedAt)})
            </Typography>
          )}
        </Paper>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField select label={t('Kind')} value={kind} onChange={(e) => change(setKind)(e.target.value)} sx={{ minWidth: 220 }}>
          <MenuItem value="">{t('All kinds')}</MenuItem>
          {KINDS.map((k) => <MenuItem key={k} value={k}>{words(k)}</MenuItem>)}
        </TextField>
        <TextField select label={t('Status')} value={status} onChange={(e) => change(setStatus)(e.target.value)} sx={{ minWidth: 160 }}>
          <MenuItem value="">{t('All statuses')}</MenuItem>
          {STATUSES.map((s) => <MenuItem key={s} value={s}>{words(s)}</MenuItem>)}
        </TextField>
        <TextField label={t('Patient id')} value={patientId} onChange={(e) => change(setPatientId)(e.target.value.trim())} sx={{ maxWidth: 160 }} />
      </Stack>
      {error && !shown ? <ErrorState error={error} onRetry={() => void refetch()} />
        : !shown && loading ? <Loading />
          : shown && shown.messages.items.length === 0 ? <EmptyState title={t('No messages')}>{t('Nothing matches these filters.')}</EmptyState>
            : shown && (
              <>
                <TableContainer component={Paper} variant="outlined" aria-label={t('Messages table')}>
                  <Table size="small" aria-label={t('Messages')} sx={phoneCells}>
                    <TableHead>
                      <TableRow>
                        {/* "To" here is the recipient (Hindi: To_recipient), not the end of a date range. */}
                        <TableCell>{t('Kind')}</TableCell><TableCell sx={hideOnPhone}>{t('Channel')}</TableCell><TableCell sx={hideOnPhone}>{t('To', { context: 'recipient' })}</TableCell>
                        <TableCell sx={hideOnPhone}>{t('Patient')}</TableCell><TableCell sx={hideOnPhone}>{t('Due')}</TableCell><TableCell>{t('Status')}</TableCell>
                        <TableCell sx={hideOnPhone}>{t('Tries')}</TableCell><TableCell sx={hideOnPhone}>{t('Note')}</TableCell>
                        <TableCell>{t('Actions')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {shown.messages.items.map((m) => (
                        <TableRow key={m.id}>
                          <TableCell>
                            {words(m.kind)}
                            {/* On a phone the hidden columns' essentials: channel, address, when. */}
                            <Typography variant="caption" color="text.secondary" sx={{ ...phoneOnly, wordBreak: 'break-all' }}>
                              {[m.channel === 'SMS' ? t('SMS') : t('e-mail'), m.address, formatDateTime(m.sentAt ?? m.dueAt)].filter(Boolean).join(' · ')}
                            </Typography>
                          </TableCell>
                          <TableCell sx={hideOnPhone}>{m.channel === 'SMS' ? t('SMS') : t('e-mail')}</TableCell>
                          <TableCell sx={hideOnPhone}>{m.address ?? '—'}</TableCell>
                          <TableCell sx={hideOnPhone}>{m.patientName ? `${m.patientName} (#${m.patientId})` : '—'}</TableCell>
                          <TableCell sx={hideOnPhone}>{formatDateTime(m.dueAt)}</TableCell>
                          <TableCell>
                            <Chip size="small" color={STATUS_COLOR[m.status] ?? 'default'} sx={{ display: { xs: 'none', sm: 'inline-flex' } }}
                              label={m.status === 'SENT' && m.sentAt ? t('sent {{time}}', { time: formatDateTime(m.sentAt) }) : words(m.status)} />
                            <Chip size="small" color={STATUS_COLOR[m.status] ?? 'default'} sx={{ display: { xs: 'inline-flex', sm: 'none' } }} label={words(m.status)} />
                          </TableCell>
                          <TableCell sx={hideOnPhone}>{m.attempts}</TableCell>
                          <TableCell sx={{ ...hideOnPhone, maxWidth: 280 }}><Typography variant="body2" color="text.secondary" noWrap title={m.lastError ?? m.providerId ?? ''}>{m.lastError ?? m.providerId ?? ''}</Typography></TableCell>
                          <TableCell>
                            {m.status === 'FAILED' && <Button size="small" disabled={retrying} onClick={() => void onRetry(m.id)}>{t('Retry')}</Button>}
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
