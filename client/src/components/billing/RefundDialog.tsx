// Refund money paid on an invoice (admin): recorded as a negative payment with a reason.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { PaymentMethod } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { useForm } from '../../lib/form';
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
  const [failure, setFailure] = useState<string | null>(null);
  const [refund, refunding] = useMutation(RefundPaymentDocument);
  const { setValues, setErrors } = form;

  useEffect(() => {
    if (!props.open) return;
    setValues({ amount: '', reason: '', method: '' });
    setErrors({});
    setFailure(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
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
    } catch (error) {
      if (!form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>Refund on {props.number}</DialogTitle>
        <DialogContent>
          {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
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
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" color="warning" disabled={refunding.loading}>Refund</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
