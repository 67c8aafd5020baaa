// The front desk's day (/admin/flow): every doctor's patients today — booked, arrived, with the
// doctor, done or no-show — with queue numbers and minutes waited, kept live: each committed change
// to a visit of the day (on any API process) refetches the board.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Button, Chip, Paper, Snackbar, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { AppointmentStatusChip } from '../../components/AppointmentStatusChip';
import { ConnectionIndicator } from '../../components/live/ConnectionIndicator';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { AppointmentStatus, FlowBoardQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatLocalDate, formatTime } from '../../lib/format';
import { useLiveConnection } from '../../live/connection';
import { t, useT } from '../../i18n';

const FlowBoardDocument = graphql(`
  query FlowBoard($date: LocalDate) {
    flowBoard(date: $date) {
      date
      generatedAt
      entries {
        status
        queueNumber
        arrivedAt
        calledAt
        minutesWaited
        appointment { id startsAt endsAt patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } }
      }
    }
  }
`);

const FlowBoardChangedDocument = graphql(`
  subscription FlowBoardChanged($date: LocalDate) {
    flowBoardChanged(date: $date) { kind appointmentId doctorId }
  }
`);

const FlowBoardSetStatusDocument = graphql(`
  mutation FlowBoardSetStatus($id: ID!, $status: AppointmentStatus!) {
    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt queueNumber }
  }
`);

type Entry = FlowBoardQuery['flowBoard']['entries'][number];

/** The board's filters, named at render time in the interface's language. */
function states(): Array<{ status: AppointmentStatus; label: string }> {
  return [
    { status: 'SCHEDULED', label: t('Booked') },
    { status: 'CHECKED_IN', label: t('Waiting') },
    { status: 'IN_CONSULTATION', label: t('With the doctor') },
    { status: 'COMPLETED', label: t('Done') },
    { status: 'NO_SHOW', label: t('No-show') },
  ];
}

export function FlowBoardPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const date = params.get('date');
  const board = useQuery(FlowBoardDocument, { variables: { date }, notifyOnNetworkStatusChange: false });
  const client = useApolloClient();
  const { connections } = useLiveConnection();
  const [setStatus] = useMutation(FlowBoardSetStatusDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [filter, setFilter] = useState<AppointmentStatus | null>(null);

  // Live: every change of the day refetches the board (a burst of check-ins costs one refetch).
  const refetch = board.refetch;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    // A new connection after an earlier one may have missed changes: reload the board too.
    if (connections > 1) void refetch();
    const subscription = client.subscribe({ query: FlowBoardChangedDocument, variables: { date } }).subscribe({
      next: () => {
        if (pending.current) return;
        pending.current = setTimeout(() => { pending.current = null; void refetch(); }, 150);
      },
    });
    return () => {
      subscription.unsubscribe();
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [client, date, refetch, connections]);

  // Minutes waited keep counting between server answers.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const data = board.data?.flowBoard;
  const fetchedAt = useMemo(() => (data ? Date.now() : 0), [data]);
  const waited = (entry: Entry) => {
    if (entry.minutesWaited == null) return null;
    return entry.status === 'CHECKED_IN' ? entry.minutesWaited + Math.floor(Math.max(0, now - fetchedAt) / 60_000) : entry.minutesWaited;
  };

  const entries = data?.entries ?? [];
  const counts = entries.reduce<Partial<Record<AppointmentStatus, number>>>((c, e) => ({ ...c, [e.status]: (c[e.status] ?? 0) + 1 }), {});
  const shown = filter ? entries.filter((e) => e.status === filter) : entries;

  const act = async (entry: Entry, status: AppointmentStatus) => {
    setBusy(entry.appointment.id);
    try {
      await setStatus({ variables: { id: entry.appointment.id, status } });
      void refetch();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('Flow board')}
        subtitle={data ? formatLocalDate(data.date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) : undefined}
        actions={
          <>
            <Button component={RouterLink} to="/admin/lobby-screens">{t('Lobby screens')}</Button>
            <ConnectionIndicator onReconnect={() => void refetch()} />
          </>
        }
      />
      <Paper variant="outlined" sx={{ p: 1.5, mb: 2, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          id="field-flow-date"
          type="date"
          size="small"
          label={t('Day')}
          value={date ?? data?.date ?? ''}
          onChange={(event) => setParams(event.target.value ? { date: event.target.value } : {}, { replace: true })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 190 }}
        />
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} role="group" aria-label={t('Show only')}>
          <Chip label={t('All {{number}}', { number: entries.length })} color={filter ? 'default' : 'primary'} onClick={() => setFilter(null)} />
          {states().map((s) => (
            <Chip
              key={s.status}
              data-testid={`flow-count-${s.status}`}
              label={t('{{state}} {{number}}', { state: s.label, number: counts[s.status] ?? 0 })}
              color={filter === s.status ? 'primary' : 'default'}
              variant={filter === s.status ? 'filled' : 'outlined'}
              onClick={() => setFilter(filter === s.status ? null : s.status)}
            />
          ))}
        </Stack>
      </Paper>

      {board.error && !board.data ? (
        <ErrorState error={board.error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label={t('Loading the flow board…')} />
      ) : shown.length === 0 ? (
        <EmptyState title={t('Nobody on the board')}>{t('Visits of this day appear here as they are booked.')}</EmptyState>
      ) : (
        <TableContainer component={Paper} variant="outlined" tabIndex={0} aria-label={t('Flow board')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('Time')}</TableCell>
                <TableCell>{t('No.')}</TableCell>
                <TableCell>{t('Patient')}</TableCell>
                <TableCell>{t('Doctor')}</TableCell>
                <TableCell>{t('State')}</TableCell>
                <TableCell>{t('Waited')}</TableCell>
                <TableCell align="right">{t('Actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((entry) => {
                const minutes = waited(entry);
                return (
                  <TableRow key={entry.appointment.id} data-testid="flow-entry" data-appointment-id={entry.appointment.id} data-status={entry.status}>
                    <TableCell>{formatTime(entry.appointment.startsAt)}</TableCell>
                    <TableCell data-testid="flow-queue-number">{entry.queueNumber ?? '–'}</TableCell>
                    <TableCell>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>{entry.appointment.patient.fullName}</Typography>
                      <Typography variant="caption" color="text.secondary">{entry.appointment.patient.medicalRecordNumber}</Typography>
                    </TableCell>
                    <TableCell>
                      <Typography variant="body2">{entry.appointment.doctor.fullName}</Typography>
                      <Typography variant="caption" color="text.secondary">{entry.appointment.doctor.department.name}</Typography>
                    </TableCell>
                    <TableCell><AppointmentStatusChip status={entry.status} /></TableCell>
                    <TableCell data-testid="flow-waited">
                      {minutes == null ? '–' : t('{{number}} min', { number: minutes })}
                      {entry.arrivedAt && <Typography variant="caption" color="text.secondary" component="div">{t('since {{time}}', { time: formatTime(entry.arrivedAt) })}</Typography>}
                    </TableCell>
                    <TableCell align="right">
                      {entry.status === 'SCHEDULED' && (
                        <Button size="small" variant="contained" disabled={busy === entry.appointment.id} onClick={() => void act(entry, 'CHECKED_IN')}>{t('Check in')}</Button>
                      )}
                      <Button size="small" component={RouterLink} to={`/admin/doctors/${entry.appointment.doctor.id}/day`}>{t('Day view')}</Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Snackbar open={Boolean(failure)} autoHideDuration={6000} onClose={() => setFailure(null)}>
        <Alert severity="error" onClose={() => setFailure(null)} variant="filled">{failure}</Alert>
      </Snackbar>
    </>
  );
}
