// Refund money paid on an invoice (admin): recorded as a negative payment with a reason.
import { useMutation } from '@apollo/client/react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { graphql } from '../../gql';
import type { PaymentMethod } from '../../gql/graphql';
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
    props.onDone?.(`Refund of ${form.values.amount.trim()} ${props.currency} recorded.`);
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={<>Refund on {props.number}</>}
      form={form}
      onOpen={() => form.setValues({ amount: '', reason: '', method: '' })}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel="Refund"
      submitColor="warning"
      busy={refunding.loading}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          label={`Amount (${props.currency})`}
          required
          autoFocus
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          {...form.field('amount', `At most ${props.paid} ${props.currency} was paid`)}
        />
        <TextField label="Reason" required multiline minRows={2} {...form.field('reason')} />
        <TextField select label="Method" {...form.field('method', 'Default: as the latest payment')}>
          <MenuItem value="">As the latest payment</MenuItem>
          {Object.entries(PAYMENT_METHODS).map(([value, label]) => <MenuItem key={value} value={value}>{label}</MenuItem>)}
        </TextField>
      </Stack>
    </FormDialog>
  );
}
