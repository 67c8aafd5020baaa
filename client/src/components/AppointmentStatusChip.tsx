import { Chip, type ChipProps } from '@mui/material';
import type { AppointmentStatus } from '../gql/graphql';

const LOOK: Record<AppointmentStatus, { label: string; color: ChipProps['color'] }> = {
  SCHEDULED: { label: 'Scheduled', color: 'primary' },
  CHECKED_IN: { label: 'Checked in', color: 'secondary' },
  IN_CONSULTATION: { label: 'With the doctor', color: 'info' },
  COMPLETED: { label: 'Completed', color: 'success' },
  CANCELLED: { label: 'Cancelled', color: 'default' },
  NO_SHOW: { label: 'No-show', color: 'warning' },
  HELD: { label: 'Held for waitlist', color: 'info' },
  RELEASED: { label: 'Hold released', color: 'default' },
};

/** The statuses of visits (holds are waitlist machinery and not filtered by). */
export const APPOINTMENT_STATUSES = (Object.keys(LOOK) as AppointmentStatus[]).filter((s) => s !== 'HELD' && s !== 'RELEASED');

/** Marks an urgent visit booked by the front desk, wherever a visit is shown. */
export function UrgentChip({ urgent, reason }: { urgent?: boolean | null; reason?: string | null }) {
  if (!urgent) return null;
  return <Chip size="small" color="error" label="Urgent" title={reason ?? undefined} data-testid="urgent-chip" />;
}

export function statusLabel(status: AppointmentStatus): string {
  return LOOK[status].label;
}

export function AppointmentStatusChip({ status }: { status: AppointmentStatus }) {
  const look = LOOK[status];
  return <Chip size="small" label={look.label} color={look.color} variant={status === 'SCHEDULED' ? 'filled' : 'outlined'} />;
}
