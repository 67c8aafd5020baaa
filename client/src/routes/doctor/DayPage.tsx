// The doctor's day: appointments of one hospital day in time order, kept live over the
// WebSocket (new bookings highlighted, moves re-ordered, cancellations struck through),
// with check-in, complete, no-show and cancel.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Box, Button, Chip, IconButton, Paper, Snackbar, Stack } from '@mui/material';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../auth/CurrentUser';
import { Hint } from '../../components/Hint';
import { ConnectionIndicator, LiveBanner } from '../../components/live/ConnectionIndicator';
import { DayAppointmentRow, type DayAction, type LiveMark } from '../../components/live/DayAppointmentRow';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { AppointmentStatus } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { addDays, formatLocalDate, formatTime, hospitalDate } from '../../lib/format';
import { useDoctorSchedule, type ScheduleChange } from '../../live/useDoctorSchedule';
import { useT } from '../../i18n';

// The cancel dialog (MUI Dialog, TextField) loads when a cancel is first asked for.
const CancelDialog = lazy(() => import('./DayCancelDialog').then((m) => ({ default: m.DayCancelDialog })));

const HospitalTodayDocument = graphql(`
  query HospitalToday($doctorId: ID!) {
    availableDays(doctorId: $doctorId, days: 1) { date }
  }
`);

const DoctorDayDocument = graphql(`
  query DoctorDay($doctorId: ID!, $date: LocalDate!) {
    doctorDay(doctorId: $doctorId, date: $date, includeCancelled: true) {
      id
      startsAt
      status
      patient { id fullName }
      ...DayAppointmentRow_appointment
    }
  }
`);

const DoctorDayHeaderDocument = graphql(`
  query DoctorDayHeader($id: ID!) {
    doctor(id: $id) { id fullName specialization department { id name } }
  }
`);

const DoctorDaySetStatusDocument = graphql(`
  mutation DoctorDaySetStatus($id: ID!, $status: AppointmentStatus!) {
    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }
  }
`);

const DoctorDayCallNextDocument = graphql(`
  mutation DoctorDayCallNext($doctorId: ID!) {
    callNextPatient(doctorId: $doctorId) { id status queueNumber updatedAt patient { id fullName } }
  }
`);

const DoctorDayCancelDocument = graphql(`
  mutation DoctorDayCancel($id: ID!, $reason: String) {
    cancelAppointment(id: $id, reason: $reason) { id status cancelReason cancelledAt updatedAt }
  }
`);

/** How long a live change stays highlighted. */
const HIGHLIGHT_MS = 30_000;

const ACTION_STATUS: Record<Exclude<DayAction, 'CANCEL'>, AppointmentStatus> = {
  CHECK_IN: 'CHECKED_IN',
  COMPLETE: 'COMPLETED',
  NO_SHOW: 'NO_SHOW',
};

/** The doctor's own day (/doctor/day), or any doctor's for the front desk (/admin/doctors/:doctorId/day). */
export function DayPage() {
  const { t } = useT();
  const { user } = useCurrentUser();
  const { doctorId: chosenDoctorId } = useParams();
  // Admins follow a chosen doctor: same live list and status actions, no clinical pages.
  const frontDesk = Boolean(chosenDoctorId);
  const doctorId = chosenDoctorId ?? user?.doctor?.id;
  const header = useQuery(DoctorDayHeaderDocument, { variables: { id: chosenDoctorId ?? '' }, skip: !frontDesk });
  const doctor = header.data?.doctor;
  const [params, setParams] = useSearchParams();
  // "Today" is the hospital's, as the server counts days (HMS_TIMEZONE).
  const today = useQuery(HospitalTodayDocument, { variables: { doctorId: doctorId ?? '' }, skip: !doctorId, fetchPolicy: 'cache-first' });
  // Until it answers, today by this browser's clock in the hospital's zone: the day's list is asked
  // for at once instead of one round trip later (slow lines); a different answer moves to that day.
  const todayDate = today.data?.availableDays[0]?.date ?? hospitalDate(new Date().toISOString());
  const date = params.get('date') ?? todayDate;

  const day = useQuery(DoctorDayDocument, {
    variables: { doctorId: doctorId ?? '', date: date ?? '' },
    skip: !doctorId || !date,
    notifyOnNetworkStatusChange: false,
  });

  // Live changes: appointments already listed update through the cache; bookings and
  // moves change which appointments belong to the day, so the day is reloaded.
  const [marks, setMarks] = useState<Record<string, LiveMark & { at: number }>>({});
  const refetchDay = day.refetch;
  const client = useApolloClient();
  // Appointments this doctor just changed here: their own echo is not news worth highlighting.
  const actedOn = useRef(new Map<string, number>());
  const onChange = useCallback((change: ScheduleChange) => {
    const own = Date.now() - (actedOn.current.get(change.appointment.id) ?? 0) < 10_000;
    if (!own || change.kind === 'BOOKED' || change.kind === 'RESCHEDULED') {
      setMarks((m) => ({ ...m, [change.appointment.id]: { kind: change.kind, previousStartsAt: change.previousStartsAt, at: Date.now() } }));
    }
    if ((change.kind !== 'BOOKED' && change.kind !== 'RESCHEDULED') || !doctorId || !date) return;
    // List (or unlist) it at once from the event, then let the server confirm the day.
    const onThisDay = hospitalDate(change.appointment.startsAt) === date;
    client.cache.updateQuery({ query: DoctorDayDocument, variables: { doctorId, date } }, (data) => {
      if (!data) return data;
      const others = data.doctorDay.filter((a) => a.id !== change.appointment.id);
      const listed = onThisDay ? [...others, change.appointment as unknown as (typeof others)[number]] : others;
      return { ...data, doctorDay: listed.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)) };
    });
    void refetchDay();
  }, [client, doctorId, date, refetchDay]);
  const onCatchUp = useCallback(() => { void refetchDay(); }, [refetchDay]);
  const live = useDoctorSchedule(doctorId, { onChange, onCatchUp });

  // Highlights fade out; "now" also decides when no-show becomes possible.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  const activeMarks = Object.fromEntries(Object.entries(marks).filter(([, mark]) => now - mark.at < HIGHLIGHT_MS));

  const [setStatus] = useMutation(DoctorDaySetStatusDocument);
  const [cancel, cancelling] = useMutation(DoctorDayCancelDocument);
  const [callNext, calling] = useMutation(DoctorDayCallNextDocument);
  const [called, setCalled] = useState<string | null>(null);
  const onCallNext = async () => {
    if (!doctorId) return;
    try {
      const result = await callNext({ variables: { doctorId } });
      const next = result.data?.callNextPatient;
      if (next) actedOn.current.set(next.id, Date.now());
      setCalled(next ? t('Calling No. {{number}}: {{patient}}', { number: next.queueNumber ?? '–', patient: next.patient.fullName }) : t('Nobody is waiting'));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelTarget, setCancelTarget] = useState<{ id: string; label: string } | null>(null);
  const [cancelReason, setCancelReason] = useState('');
  const [cancelError, setCancelError] = useState<string | null>(null);

  const act = async (appointment: { id: string; startsAt: string; patientName: string }, action: DayAction) => {
    if (action === 'CANCEL') {
      setCancelReason('');
      setCancelError(null);
      setCancelTarget({ id: appointment.id, label: `${formatTime(appointment.startsAt)} · ${appointment.patientName}` });
      return;
    }
    setBusy(appointment.id);
    actedOn.current.set(appointment.id, Date.now());
    try {
      await setStatus({ variables: { id: appointment.id, status: ACTION_STATUS[action] } });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const confirmCancel = async () => {
    if (!cancelTarget) return;
    actedOn.current.set(cancelTarget.id, Date.now());
    try {
      await cancel({ variables: { id: cancelTarget.id, reason: cancelReason.trim() || null } });
      setCancelTarget(null);
    } catch (error) {
      setCancelError(errorMessage(error));
    }
  };

  const goTo = (next: string) => setParams(next === todayDate ? {} : { date: next }, { replace: true });
  const shift = (days: number) => date && goTo(addDays(date, days));

  const appointments = day.data?.doctorDay ?? [];
  const counts = appointments.reduce<Partial<Record<AppointmentStatus, number>>>((c, a) => ({ ...c, [a.status]: (c[a.status] ?? 0) + 1 }), {});
  const isToday = date === todayDate;

  return (
    <>
      <PageHeader
        title={isToday ? t('Today') : date ? formatLocalDate(date, { weekday: 'long' }) : t('Day')}
        subtitle={[
          doctor && `${doctor.fullName} · ${doctor.department.name}`,
          date && formatLocalDate(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
        ].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            {frontDesk && <Button component={RouterLink} to="/admin/doctors" startIcon={<ArrowBack />}>{t('All doctors')}</Button>}
            <ConnectionIndicator onReconnect={live.reconnect} />
          </>
        }
      />

      <Paper variant="outlined" sx={{ p: 1.5, mb: 2, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Hint title={t('Previous day')}>
          <IconButton aria-label={t('Previous day')} onClick={() => shift(-1)}><ChevronLeft /></IconButton>
        </Hint>
        <DayField value={date ?? ''} onChange={goTo} />
        <Hint title={t('Next day')}>
          <IconButton aria-label={t('Next day')} onClick={() => shift(1)}><ChevronRight /></IconButton>
        </Hint>
        <Button disabled={isToday} onClick={() => goTo(todayDate)}>{t('Today')}</Button>
        {isToday && (
          <Button variant="contained" disabled={calling.loading || !counts.CHECKED_IN || Boolean(counts.IN_CONSULTATION)} onClick={() => void onCallNext()}
            title={counts.IN_CONSULTATION ? t('Complete the current visit first') : undefined}>
            {t('Call next patient')}
          </Button>
        )}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto', flexWrap: 'wrap', rowGap: 1 }}>
          <Chip size="small" label={t('{{number}} booked', { number: appointments.filter((a) => a.status !== 'CANCELLED').length })} />
          {counts.CHECKED_IN ? <Chip size="small" color="secondary" variant="outlined" label={t('{{number}} waiting', { number: counts.CHECKED_IN })} /> : null}
          {counts.IN_CONSULTATION ? <Chip size="small" color="info" variant="outlined" label={t('1 with the doctor')} /> : null}
          {counts.COMPLETED ? <Chip size="small" color="success" variant="outlined" label={t('{{number}} seen', { number: counts.COMPLETED })} /> : null}
          {counts.CANCELLED ? <Chip size="small" variant="outlined" label={t('{{number}} cancelled', { number: counts.CANCELLED })} /> : null}
        </Stack>
      </Paper>

      <LiveBanner onReconnect={live.reconnect} />
      {!doctorId ? (
        <Alert severity="warning">{t('This account has no doctor profile.')}</Alert>
      ) : header.error ? (
        <ErrorState error={header.error} onRetry={() => void header.refetch()} />
      ) : day.error && !day.data ? (
        <ErrorState error={day.error} onRetry={() => void day.refetch()} />
      ) : !day.data ? (
        <Loading label={t('Loading the day…')} />
      ) : appointments.length === 0 ? (
        <EmptyState title={t('No appointments on this day')}>{t('New bookings appear here as soon as patients make them.')}</EmptyState>
      ) : (
        <Stack spacing={1.5} aria-label={t('Appointments')} role="list">
          {appointments.map((appointment) => (
            <div role="listitem" key={appointment.id}>
              <DayAppointmentRow
                appointment={appointment}
                mark={activeMarks[appointment.id]}
                busy={busy === appointment.id}
                visitLinks={!frontDesk}
                now={now}
                onAction={(action) => void act({ id: appointment.id, startsAt: appointment.startsAt, patientName: appointment.patient.fullName }, action)}
              />
            </div>
          ))}
        </Stack>
      )}

      {cancelTarget && (
        <Suspense fallback={null}>
          <CancelDialog
            label={cancelTarget.label}
            busy={cancelling.loading}
            error={cancelError}
            reason={cancelReason}
            onReason={setCancelReason}
            onConfirm={() => void confirmCancel()}
            onClose={() => setCancelTarget(null)}
          />
        </Suspense>
      )}

      <Snackbar open={Boolean(called)} autoHideDuration={5000} onClose={() => setCalled(null)}>
        <Alert severity="info" onClose={() => setCalled(null)} variant="filled" role="status">{called}</Alert>
      </Snackbar>

      <Snackbar open={Boolean(failure)} autoHideDuration={6000} onClose={() => setFailure(null)}>
        <Alert severity="error" onClose={() => setFailure(null)} variant="filled">{failure}</Alert>
      </Snackbar>
    </>
  );
}

/** The day as a native date input (a full MUI TextField costs the day view ~13 KB gzipped). */
function DayField({ value, onChange }: { value: string; onChange(date: string): void }) {
  const { t } = useT();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.25 }}>
      <Box component="label" htmlFor="field-date" sx={{ fontSize: 12, color: 'text.secondary', fontWeight: 600 }}>{t('Day')}</Box>
      <Box
        component="input"
        id="field-date"
        type="date"
        value={value}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => event.target.value && onChange(event.target.value)}
        sx={{
          font: 'inherit', color: 'text.primary', bgcolor: 'background.paper', colorScheme: 'inherit', width: 170, height: 38, px: 1,
          border: 1, borderColor: 'grey.500', borderRadius: 1, '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 1 },
        }}
      />
    </Box>
  );
}
