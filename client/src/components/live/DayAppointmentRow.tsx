// One appointment on the doctor's day view: time, patient, reason, status, the visit's
// next steps, and a highlight when it just changed live.
import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { Link as RouterLink } from 'react-router-dom';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { AppointmentStatus, ScheduleChangeKind } from '../../gql/graphql';
import { formatTime } from '../../lib/format';
import { t, useT } from '../../i18n';
import { AppointmentStatusChip, UrgentChip } from '../AppointmentStatusChip';

export const DayAppointmentRowFragment = graphql(`
  fragment DayAppointmentRow_appointment on Appointment {
    id
    startsAt
    endsAt
    status
    reason
    cancelReason
    checkedInAt
    urgent
    urgentReason
    seriesId
    queueNumber
    patient { id fullName medicalRecordNumber }
  }
`);

export interface LiveMark {
  kind: ScheduleChangeKind;
  previousStartsAt?: string | null;
}

export type DayAction = 'CHECK_IN' | 'COMPLETE' | 'NO_SHOW' | 'CANCEL';

function markLabelOf(kind: ScheduleChangeKind): string {
  switch (kind) {
    case 'BOOKED': return t('New booking');
    case 'RESCHEDULED': return t('Moved');
    case 'CANCELLED': return t('Just cancelled');
    case 'STATUS_CHANGED': return t('Updated');
  }
  return kind;
}

export function DayAppointmentRow(props: {
  appointment: FragmentType<typeof DayAppointmentRowFragment>;
  mark?: LiveMark;
  busy?: boolean;
  now: number;
  /** Links to the visit page (doctors); the front desk has no clinical pages. */
  visitLinks?: boolean;
  onAction(action: DayAction): void;
}) {
  const visitLinks = props.visitLinks ?? true;
  const { t } = useT();
  const appointment = getFragmentData(DayAppointmentRowFragment, props.appointment);
  const status: AppointmentStatus = appointment.status;
  const gone = status === 'CANCELLED' || status === 'NO_SHOW';
  const started = Date.parse(appointment.startsAt) <= props.now;
  const mark = props.mark;
  const markLabel = mark
    ? mark.kind === 'RESCHEDULED' && mark.previousStartsAt
      ? t('Moved from {{time}}', { time: formatTime(mark.previousStartsAt) })
      : markLabelOf(mark.kind)
    : null;

  return (
    <Paper
      variant="outlined"
      data-testid="day-appointment"
      data-appointment-id={appointment.id}
      data-status={status}
      data-live={mark?.kind ?? undefined}
      sx={(theme) => ({
        p: 2,
        display: 'flex',
        gap: 2,
        alignItems: { xs: 'flex-start', md: 'center' },
        flexDirection: { xs: 'column', md: 'row' },
        transition: 'background-color 600ms, border-color 600ms',
        borderLeft: 4,
        borderLeftColor: mark ? 'warning.main' : gone ? 'divider' : status === 'CHECKED_IN' ? 'secondary.main' : status === 'IN_CONSULTATION' ? 'info.main' : status === 'COMPLETED' ? 'success.main' : 'primary.main',
        bgcolor: mark ? alpha(theme.palette.warning.main, 0.12) : gone ? 'action.hover' : 'background.paper',
      })}
    >
      <Box sx={{ minWidth: 120 }}>
        <Typography variant="h6" component="p" sx={{ lineHeight: 1.2, textDecoration: gone ? 'line-through' : 'none', color: gone ? 'text.secondary' : 'text.primary' }}>
          {formatTime(appointment.startsAt)}
        </Typography>
        <Typography variant="caption" color="text.secondary">{t('until {{time}}', { time: formatTime(appointment.endsAt) })}</Typography>
      </Box>

      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
          <Typography
            {...(visitLinks ? { component: RouterLink, to: `/doctor/visits/${appointment.id}` } : {})}
            sx={{
              fontWeight: 600,
              textDecoration: gone ? 'line-through' : 'none',
              color: gone ? 'text.secondary' : 'text.primary',
              '&:hover': { textDecoration: gone ? 'line-through' : 'underline' },
            }}
          >
            {appointment.patient.fullName}
          </Typography>
          <Typography variant="caption" color="text.secondary">{appointment.patient.medicalRecordNumber}</Typography>
          <UrgentChip urgent={appointment.urgent} reason={appointment.urgentReason} />
          {appointment.seriesId && <Chip size="small" variant="outlined" label={t('Series')} />}
          {appointment.queueNumber != null && (
            <Chip size="small" variant="outlined" label={t('No. {{number}}', { number: appointment.queueNumber })} data-testid="queue-number" aria-label={t('Queue number {{number}}', { number: appointment.queueNumber })} />
          )}
          {markLabel && <Chip size="small" color="warning" label={markLabel} data-testid="live-mark" />}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25, textDecoration: gone ? 'line-through' : 'none' }}>
          {appointment.reason || t('No reason given')}
        </Typography>
        {status === 'CANCELLED' && appointment.cancelReason && (
          <Typography variant="caption" color="text.secondary">{t('Cancelled: {{reason}}', { reason: appointment.cancelReason })}</Typography>
        )}
        {(status === 'CHECKED_IN' || status === 'IN_CONSULTATION') && appointment.checkedInAt && (
          <Typography variant="caption" color="text.secondary">{t('Arrived at {{time}}', { time: formatTime(appointment.checkedInAt) })}</Typography>
        )}
      </Box>

      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, justifyContent: 'flex-end' }}>
        <AppointmentStatusChip status={status} />
        {status === 'SCHEDULED' && (
          <>
            <Button size="small" variant="contained" disabled={props.busy} onClick={() => props.onAction('CHECK_IN')}>{t('Check in')}</Button>
            <Button
              size="small"
              disabled={props.busy || !started}
              title={started ? undefined : t('Possible once the appointment has started')}
              onClick={() => props.onAction('NO_SHOW')}
            >
              {t('No-show')}
            </Button>
          </>
        )}
        {(status === 'CHECKED_IN' || status === 'IN_CONSULTATION') && (
          <>
            {visitLinks && <Button size="small" variant="contained" component={RouterLink} to={`/doctor/visits/${appointment.id}`}>{t('Open visit')}</Button>}
            <Button size="small" variant="outlined" color="success" disabled={props.busy} onClick={() => props.onAction('COMPLETE')}>{t('Complete')}</Button>
          </>
        )}
        {status === 'COMPLETED' && visitLinks && (
          <Button size="small" variant="outlined" component={RouterLink} to={`/doctor/visits/${appointment.id}`}>{t('View visit')}</Button>
        )}
        {(status === 'SCHEDULED' || status === 'CHECKED_IN') && (
          <Button size="small" color="error" disabled={props.busy} onClick={() => props.onAction('CANCEL')}>{t('Cancel')}</Button>
        )}
      </Stack>
    </Paper>
  );
}
