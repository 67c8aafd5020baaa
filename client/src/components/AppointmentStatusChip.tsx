import { Chip, type ChipProps } from '@mui/material';
import type { AppointmentStatus } from '../gql/graphql';
import { t, useT } from '../i18n';

const LOOK: Record<AppointmentStatus, { label(): string; color: ChipProps['color'] }> = {
  SCHEDULED: { label: () => t('Scheduled'), color: 'primary' },
  CHECKED_IN: { label: () => t('Checked in'), color: 'secondary' },
  IN_CONSULTATION: { label: () => t('With the doctor'), color: 'info' },
  COMPLETED: { label: () => t('Completed'), color: 'success' },
  CANCELLED: { label: () => t('Cancelled'), color: 'default' },
  NO_SHOW: { label: () => t('No-show'), color: 'warning' },
  HELD: { label: () => t('Held for waitlist'), color: 'info' },
  RELEASED: { label: () => t('Hold released'), color: 'default' },
};

/** The statuses of visits (holds are waitlist machinery and not filtered by). */
export const APPOINTMENT_STATUSES = (Object.keys(LOOK) as AppointmentStatus[]).filter((s) => s !== 'HELD' && s !== 'RELEASED');

/** Marks an urgent visit booked by the front desk, wherever a visit is shown. */
export function UrgentChip({ urgent, reason }: { urgent?: boolean | null; reason?: string | null }) {
  const { t } = useT();
  if (!urgent) return null;
  return <Chip size="small" color="error" label={t('Urgent')} title={reason ?? undefined} data-testid="urgent-chip" />;
}

export function statusLabel(status: AppointmentStatus): string {
  return LOOK[status].label();
}

export function AppointmentStatusChip({ status }: { status: AppointmentStatus }) {
  const look = LOOK[status];
  return <Chip size="small" label={look.label()} color={look.color} variant={status === 'SCHEDULED' ? 'filled' : 'outlined'} />;
}
