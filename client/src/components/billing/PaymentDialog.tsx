// Take a payment (admin): amount as a decimal string, exactly as typed; the server checks it against the balance.
import { useMutation } from '@apollo/client/react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { graphql } from '../../gql';
import type { PaymentMethod } from '../../gql/graphql';
import { blankToNull, useForm } from '../../lib/form';
import { FormDialog } from '../FormDialog';
import { PAYMENT_METHODS } from './InvoiceDetails';

const RecordPaymentDocument = graphql(`
  mutation RecordPayment($invoiceId: ID!, $amount: String!, $method: PaymentMethod!, $reference: String) {
    recordPayment(invoiceId: $invoiceId, amount: $amount, method: $method, reference: $reference) {
      id
      status
      paidAt
      ...InvoiceDetails_invoice
    }
  }
`);

export function PaymentDialog(props: { open: boolean; invoiceId: string; number: string; balance: string; currency: string; onClose(): void; onDone?(message: string): void }) {
  const form = useForm({ amount: '', method: 'CASH', reference: '' });
  const [record, recording] = useMutation(RecordPaymentDocument);

  const submit = async () => {
    await record({
      variables: {
        invoiceId: props.invoiceId,
        amount: form.values.amount.trim(),
        method: form.values.method as PaymentMethod,
        reference: blankToNull(form.values.reference),
      },
    });
    props.onDone?.(`Payment of ${form.values.amount.trim()} ${props.currency} recorded.`);
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={<>Take a payment on {props.number}</>}
      form={form}
      // The full balance is the usual payment; a partial one is a keystroke away.
      onOpen={() => form.setValues({ amount: props.balance, method: 'CASH', reference: '' })}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel="Record payment"
      busy={recording.loading}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          label={`Amount (${props.currency})`}
          required
          autoFocus
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          {...form.field('amount', `Balance ${props.balance} ${props.currency}`)}
        />
        <TextField select label="Method" {...form.field('method')}>
          {Object.entries(PAYMENT_METHODS).map(([value, label]) => <MenuItem key={value} value={value}>{label}</MenuItem>)}
        </TextField>
        <TextField label="Reference" {...form.field('reference', 'Receipt, card slip or claim number (optional)')} />
      </Stack>
    </FormDialog>
  );
}
