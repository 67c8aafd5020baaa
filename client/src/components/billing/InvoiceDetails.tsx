// An invoice's lines, payments and totals; admins get a remove button per line while lines may change.
import {
  Box, Chip, Divider, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { InvoiceLineKind, PaymentMethod } from '../../gql/graphql';
import { t, useT } from '../../i18n';
import { formatDateTime, formatMoney } from '../../lib/format';

export const InvoiceDetailsFragment = graphql(`
  fragment InvoiceDetails_invoice on Invoice {
    id
    number
    status
    total { amount currency }
    paid { amount currency }
    balance { amount currency }
    lines { id kind description quantity unitPrice { amount currency } amount { amount currency } }
    payments { id method reference reason createdAt isRefund amount { amount currency } }
  }
`);

// Names are functions: t() runs at render time, in the language chosen then.
export const LINE_KINDS: Record<InvoiceLineKind, () => string> = {
  CONSULTATION: () => t('Consultation'),
  LAB_TEST: () => t('Lab test'),
  MEDICINE: () => t('Medicine'),
  PROCEDURE: () => t('Procedure'),
  OTHER: () => t('Other'),
};

export const PAYMENT_METHODS: Record<PaymentMethod, () => string> = {
  CASH: () => t('Cash'),
  CARD: () => t('Card'),
  INSURANCE: () => t('Insurance'),
  ONLINE: () => t('Online'),
};

export function InvoiceDetails(props: {
  invoice: FragmentType<typeof InvoiceDetailsFragment>;
  /** Shown only when given (admins, while lines may change). */
  onRemoveLine?: (lineId: string, description: string) => void;
}) {
  const { t } = useT();
  const invoice = getFragmentData(InvoiceDetailsFragment, props.invoice);
  const canRemove = props.onRemoveLine && invoice.lines.length > 1;
  return (
    <Stack spacing={2}>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('Lines of {{number}}', { number: invoice.number })}>
          <TableHead>
            <TableRow>
              <TableCell>{t('Item')}</TableCell>
              <TableCell align="right">{t('Qty')}</TableCell>
              <TableCell align="right">{t('Unit price')}</TableCell>
              <TableCell align="right">{t('Amount')}</TableCell>
              {props.onRemoveLine && <TableCell align="right" sx={{ width: 56 }} />}
            </TableRow>
          </TableHead>
          <TableBody>
            {invoice.lines.map((line) => (
              <TableRow key={line.id}>
                <TableCell>
                  <Typography variant="body2">{line.description}</Typography>
                  <Typography variant="caption" color="text.secondary">{LINE_KINDS[line.kind]()}</Typography>
                </TableCell>
                <TableCell align="right">{line.quantity}</TableCell>
                <TableCell align="right">{formatMoney(line.unitPrice)}</TableCell>
                <TableCell align="right">{formatMoney(line.amount)}</TableCell>
                {props.onRemoveLine && (
                  <TableCell align="right">
                    {canRemove && (
                      <Tooltip title={t('Remove line')}>
                        <IconButton size="small" aria-label={t('Remove {{description}}', { description: line.description })} onClick={() => props.onRemoveLine?.(line.id, line.description)}>
                          <DeleteOutline fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Stack spacing={0.5} sx={{ alignSelf: 'flex-end', minWidth: 240 }}>
        <Total label={t('Total')} value={formatMoney(invoice.total)} />
        <Total label={t('Paid')} value={formatMoney(invoice.paid)} />
        <Divider />
        <Total label={t('Balance')} value={formatMoney(invoice.balance)} strong testId="invoice-balance" />
      </Stack>
      <Box>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>{t('Payments')}</Typography>
        {invoice.payments.length === 0 ? (
          <Typography variant="body2" color="text.secondary">{t('No payments yet.')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={t('Payments of {{number}}', { number: invoice.number })}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('When')}</TableCell>
                  <TableCell>{t('Method')}</TableCell>
                  <TableCell>{t('Reference / reason')}</TableCell>
                  <TableCell align="right">{t('Amount')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {invoice.payments.map((payment) => (
                  <TableRow key={payment.id}>
                    <TableCell>{formatDateTime(payment.createdAt)}</TableCell>
                    <TableCell>
                      {PAYMENT_METHODS[payment.method]()}
                      {payment.isRefund && <Chip label={t('Refund')} size="small" color="info" variant="outlined" sx={{ ml: 1 }} />}
                    </TableCell>
                    <TableCell sx={{ color: 'text.secondary' }}>{payment.reason ?? payment.reference ?? '—'}</TableCell>
                    <TableCell align="right">{formatMoney(payment.amount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Box>
    </Stack>
  );
}

function Total({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Stack direction="row" sx={{ justifyContent: 'space-between' }} spacing={3}>
      <Typography variant={strong ? 'subtitle1' : 'body2'} sx={{ fontWeight: strong ? 700 : 400 }}>{label}</Typography>
      <Typography variant={strong ? 'subtitle1' : 'body2'} sx={{ fontWeight: strong ? 700 : 400 }} data-testid={testId}>{value}</Typography>
    </Stack>
  );
}
