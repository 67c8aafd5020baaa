// One of a patient's appointments: when, with whom, status, and what can still be done.
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import EventIcon from '@mui/icons-material/Event';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { formatDateTime, formatHospitalDate, formatTime } from '../lib/format';
import { AppointmentStatusChip, UrgentChip } from './AppointmentStatusChip';
import { t, useT } from '../i18n';

export const AppointmentCardFragment = graphql(`
  fragment AppointmentCard_appointment on Appointment {
    id
    startsAt
    endsAt
    status
    reason
    cancelReason
    urgent
    seriesId
    doctor {
      id
      fullName
      specialization
      department { id name }
    }
    reminders { channel status dueAt sentAt }
  }
`);

const channelName = (channel: string): string => ({ EMAIL: t('e-mail'), SMS: t('SMS') } as Record<string, string>)[channel] ?? channel;

export function AppointmentCard(props: {
  appointment: FragmentType<typeof AppointmentCardFragment>;
  onReschedule?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const appointment = getFragmentData(AppointmentCardFragment, props.appointment);
  const tile = (options: Intl.DateTimeFormatOptions) => formatHospitalDate(appointment.startsAt, options);
  return (
    <Card data-testid="appointment-card">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <Box
            sx={{
              width: 72, flexShrink: 0, textAlign: 'center', borderRadius: 2, py: 1,
              bgcolor: appointment.status === 'SCHEDULED' ? 'primary.main' : 'action.hover',
              color: appointment.status === 'SCHEDULED' ? 'primary.contrastText' : 'text.secondary',
            }}
          >
            <Typography variant="caption" sx={{ display: 'block', textTransform: 'uppercase' }}>{tile({ month: 'short' })}</Typography>
            <Typography variant="h5" component="span">{tile({ day: 'numeric' })}</Typography>
            <Typography variant="caption" sx={{ display: 'block' }}>{tile({ weekday: 'short' })}</Typography>
          </Box>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
              <Typography variant="h6" component="h3">{appointment.doctor.fullName}</Typography>
              <AppointmentStatusChip status={appointment.status} />
              <UrgentChip urgent={appointment.urgent} />
              {appointment.seriesId && <Chip size="small" variant="outlined" label={t('Recurring')} />}
            </Stack>
            <Typography color="text.secondary">
              {appointment.doctor.specialization} · {appointment.doctor.department.name}
            </Typography>
            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', mt: 0.5 }}>
              <EventIcon fontSize="small" color="action" />
              <Typography>{formatTime(appointment.startsAt)} – {formatTime(appointment.endsAt)}</Typography>
            </Stack>
            {appointment.status === 'SCHEDULED' && appointment.reminders.map((r) => (r.status === 'SENT' || r.status === 'PENDING') && (
              <Typography key={r.channel} variant="body2" color="text.secondary" data-testid="reminder-line">
                {r.status === 'SENT' && r.sentAt
                  ? t('Reminder ({{channel}}) sent at {{time}}', { channel: channelName(r.channel), time: formatDateTime(r.sentAt) })
                  : t('Reminder ({{channel}}) due at {{time}}', { channel: channelName(r.channel), time: formatDateTime(r.dueAt) })}
              </Typography>
            ))}
            {appointment.reason && <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{t('Reason: {{reason}}', { reason: appointment.reason })}</Typography>}
            {appointment.status === 'CANCELLED' && appointment.cancelReason && (
              <Typography variant="body2" color="text.secondary">{t('Cancelled: {{reason}}', { reason: appointment.cancelReason })}</Typography>
            )}
          </Box>
          {(props.onReschedule || props.onCancel) && (
            <Stack direction={{ xs: 'row', sm: 'column' }} spacing={1}>
              {props.onReschedule && <Button variant="outlined" onClick={props.onReschedule}>{t('Reschedule')}</Button>}
              {props.onCancel && <Button color="error" onClick={props.onCancel}>{t('Cancel')}</Button>}
            </Stack>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
