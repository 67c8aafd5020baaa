import { Chip } from '@mui/material';
import type { InvoiceStatus } from '../../gql/graphql';
import { t, useT } from '../../i18n';

// Labels are read at render time (t() in a function), so they follow a language switch.
const LOOK: Record<InvoiceStatus, { label: () => string; color: 'default' | 'info' | 'success' | 'warning' }> = {
  DRAFT: { label: () => t('Draft'), color: 'default' },
  ISSUED: { label: () => t('Unpaid'), color: 'warning' },
  PAID: { label: () => t('Paid'), color: 'success' },
  VOID: { label: () => t('Void'), color: 'default' },
};

export const INVOICE_STATUSES: InvoiceStatus[] = ['DRAFT', 'ISSUED', 'PAID', 'VOID'];

export function invoiceStatusLabel(status: InvoiceStatus): string {
  return LOOK[status].label();
}

/** An ISSUED invoice with some of it paid (balance below total) reads "Part paid", not "Unpaid". */
export function isPartPaid(status: InvoiceStatus, total?: { amount: string }, balance?: { amount: string }): boolean {
  return status === 'ISSUED' && !!total && !!balance && Number(balance.amount) > 0 && Number(balance.amount) < Number(total.amount);
}

/** ISSUED reads "Unpaid" to people (or "Part paid"): what matters to them is whether money is owed. */
export function InvoiceStatusChip({ status, total, balance }: { status: InvoiceStatus; total?: { amount: string }; balance?: { amount: string } }) {
  useT(); // re-render on a language switch
  const look = isPartPaid(status, total, balance) ? { label: () => t('Part paid'), color: 'info' as const } : LOOK[status];
  return <Chip label={look.label()} size="small" color={look.color} variant={status === 'VOID' ? 'outlined' : 'filled'} />;
}
