// Refund money paid on an invoice (admin): recorded as a negative payment with a reason.
import { useMutation } from '@apollo/client/react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { graphql } from '../../gql';
import type { PaymentMethod } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { FormDialog } from '../FormDialog';
import { PAYMENT_METHODS } from './InvoiceDetails';

const RefundPaymentDocument = graphql(`
  mutation RefundPayment($invoiceId: ID!, $amount: String!, $reason: String!, $method: PaymentMethod) {
    refundPayment(invoiceId: $invoiceId, amount: $amount, reason: $reason, method: $method) {
      id
      status
      paidAt
      ...InvoiceDetails_invoice
    }
  }
`);

export function RefundDialog(props: { open: boolean; invoiceId: string; number: string; paid: string; currency: string; onClose(): void; onDone?(message: string): void }) {
  const { t } = useT();
  const form = useForm({ amount: '', reason: '', method: '' });
  const [refund, refunding] = useMutation(RefundPaymentDocument);

  const submit = async () => {
    await refund({
      variables: {
        invoiceId: props.invoiceId,
        amount: form.values.amount.trim(),
        reason: form.values.reason,
        method: (form.values.method || null) as PaymentMethod | null,
      },
    });
    props.onDone?.(t('Refund of {{amount}} {{currency}} recorded.', { amount: form.values.amount.trim(), currency: props.currency }));
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={t('Refund on {{number}}', { number: props.number })}
      form={form}
      onOpen={() => form.setValues({ amount: '', reason: '', method: '' })}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel={t('Refund')}
      submitColor="warning"
      busy={refunding.loading}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          label={t('Amount ({{currency}})', { currency: props.currency })}
          required
          autoFocus
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          {...form.field('amount', t('At most {{amount}} {{currency}} was paid', { amount: props.paid, currency: props.currency }))}
        />
        <TextField label={t('Reason')} required multiline minRows={2} {...form.field('reason')} />
        <TextField select label={t('Method')} {...form.field('method', t('Default: as the latest payment'))}>
          <MenuItem value="">{t('As the latest payment')}</MenuItem>
          {Object.entries(PAYMENT_METHODS).map(([value, label]) => <MenuItem key={value} value={value}>{label()}</MenuItem>)}
        </TextField>
      </Stack>
    </FormDialog>
  );
}
