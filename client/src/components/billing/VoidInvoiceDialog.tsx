// Void an invoice (admin): only without payments; the reason is kept and the number stays used.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { useForm } from '../../lib/form';

const VoidInvoiceDocument = graphql(`
  mutation VoidInvoice($id: ID!, $reason: String!) {
    voidInvoice(id: $id, reason: $reason) {
      id
      status
      voidedAt
      voidReason
      ...InvoiceDetails_invoice
    }
  }
`);

export function VoidInvoiceDialog(props: { open: boolean; invoiceId: string; number: string; onClose(): void; onDone?(message: string): void }) {
  const form = useForm({ reason: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [voidInvoice, voiding] = useMutation(VoidInvoiceDocument);
  const { setValues, setErrors } = form;

  useEffect(() => {
    if (!props.open) return;
    setValues({ reason: '' });
    setErrors({});
    setFailure(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await voidInvoice({ variables: { id: props.invoiceId, reason: form.values.reason } });
      props.onDone?.(`${props.number} is void.`);
      props.onClose();
    } catch (error) {
      if (!form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>Void {props.number}?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            A void invoice keeps its number but is no longer owed. Only invoices without payments can be voided.
          </DialogContentText>
          {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
          <TextField label="Reason" required autoFocus fullWidth multiline minRows={2} {...form.field('reason')} />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" color="error" disabled={voiding.loading}>Void invoice</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
