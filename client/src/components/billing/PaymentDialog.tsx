// Take a payment (admin): amount as a decimal string, exactly as typed; the server checks it against the balance.
import { useMutation } from '@apollo/client/react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { graphql } from '../../gql';
import type { PaymentMethod } from '../../gql/graphql';
import { useT } from '../../i18n';
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
  const { t } = useT();
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
    props.onDone?.(t('Payment of {{amount}} {{currency}} recorded.', { amount: form.values.amount.trim(), currency: props.currency }));
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={t('Take a payment on {{number}}', { number: props.number })}
      form={form}
      // The full balance is the usual payment; a partial one is a keystroke away.
      onOpen={() => form.setValues({ amount: props.balance, method: 'CASH', reference: '' })}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel={t('Record payment')}
      busy={recording.loading}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          label={t('Amount ({{currency}})', { currency: props.currency })}
          required
          autoFocus
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          {...form.field('amount', t('Balance {{amount}} {{currency}}', { amount: props.balance, currency: props.currency }))}
        />
        <TextField select label={t('Method')} {...form.field('method')}>
          {Object.entries(PAYMENT_METHODS).map(([value, label]) => <MenuItem key={value} value={value}>{label()}</MenuItem>)}
        </TextField>
        <TextField label={t('Reference')} {...form.field('reference', t('Receipt, card slip or claim number (optional)'))} />
      </Stack>
    </FormDialog>
  );
}
