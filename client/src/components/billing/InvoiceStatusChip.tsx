import { Chip } from '@mui/material';
import type { InvoiceStatus } from '../../gql/graphql';

const LOOK: Record<InvoiceStatus, { label: string; color: 'default' | 'info' | 'success' | 'warning' }> = {
  DRAFT: { label: 'Draft', color: 'default' },
  ISSUED: { label: 'Unpaid', color: 'warning' },
  PAID: { label: 'Paid', color: 'success' },
  VOID: { label: 'Void', color: 'default' },
};

export const INVOICE_STATUSES: InvoiceStatus[] = ['DRAFT', 'ISSUED', 'PAID', 'VOID'];

export function invoiceStatusLabel(status: InvoiceStatus): string {
  return LOOK[status].label;
}

/** ISSUED reads "Unpaid" to people: what matters to them is whether money is owed. */
export function InvoiceStatusChip({ status }: { status: InvoiceStatus }) {
  const look = LOOK[status];
  return <Chip label={look.label} size="small" color={look.color} variant={status === 'VOID' ? 'outlined' : 'filled'} />;
}
