// Void an invoice (admin): only without payments; the reason is kept and the number stays used.
import { useMutation } from '@apollo/client/react';
import { TextField } from '@mui/material';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { FormDialog } from '../FormDialog';

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
  const { t } = useT();
  const form = useForm({ reason: '' });
  const [voidInvoice, voiding] = useMutation(VoidInvoiceDocument);

  const submit = async () => {
    await voidInvoice({ variables: { id: props.invoiceId, reason: form.values.reason } });
    props.onDone?.(t('{{number}} is void.', { number: props.number }));
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={t('Void {{number}}?', { number: props.number })}
      intro={t('A void invoice keeps its number but is no longer owed. Only invoices without payments can be voided.')}
      form={form}
      onOpen={() => form.setValues({ reason: '' })}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel={t('Void invoice')}
      submitColor="error"
      busy={voiding.loading}
    >
      <TextField label={t('Reason')} required autoFocus fullWidth multiline minRows={2} {...form.field('reason')} />
    </FormDialog>
  );
}
