// Take a payment (admin): amount as a decimal string, exactly as typed; the server checks it against the balance.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { PaymentMethod } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { blankToNull, useForm } from '../../lib/form';
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
  const [failure, setFailure] = useState<string | null>(null);
  const [record, recording] = useMutation(RecordPaymentDocument);
  const { setValues, setErrors } = form;

  useEffect(() => {
    if (!props.open) return;
    // The full balance is the usual payment; a partial one is a keystroke away.
    setValues({ amount: props.balance, method: 'CASH', reference: '' });
    setErrors({});
    setFailure(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
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
    } catch (error) {
      if (!form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>Take a payment on {props.number}</DialogTitle>
        <DialogContent>
          {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
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
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={recording.loading}>Record payment</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
