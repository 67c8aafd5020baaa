// Add a charge (lab test, medicine, procedure) to an invoice that may still change (admin).
import { useMutation } from '@apollo/client/react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { graphql } from '../../gql';
import type { InvoiceLineKind } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { FormDialog } from '../FormDialog';
import { LINE_KINDS } from './InvoiceDetails';

const AddInvoiceLineDocument = graphql(`
  mutation AddInvoiceLine($invoiceId: ID!, $input: InvoiceLineInput!) {
    addInvoiceLine(invoiceId: $invoiceId, input: $input) {
      id
      ...InvoiceDetails_invoice
    }
  }
`);

export function AddInvoiceLineDialog(props: { open: boolean; invoiceId: string; currency: string; onClose(): void; onDone?(message: string): void }) {
  const { t } = useT();
  const form = useForm({ kind: 'LAB_TEST', description: '', quantity: '1', unitPrice: '' });
  const [addLine, adding] = useMutation(AddInvoiceLineDocument);

  const submit = async () => {
    const quantity = Number(form.values.quantity);
    if (!Number.isInteger(quantity) || quantity < 1) {
      form.setErrors({ quantity: t('A whole number, 1 or more') });
      return;
    }
    await addLine({
      variables: {
        invoiceId: props.invoiceId,
        input: {
          kind: form.values.kind as InvoiceLineKind,
          description: form.values.description,
          quantity,
          unitPrice: form.values.unitPrice.trim(),
        },
      },
    });
    props.onDone?.(t('Added {{description}}.', { description: form.values.description.trim() }));
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={t('Add a line')}
      form={form}
      onOpen={() => form.setValues({ kind: 'LAB_TEST', description: '', quantity: '1', unitPrice: '' })}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel={t('Add line')}
      busy={adding.loading}
      maxWidth="sm"
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField select label={t('Kind')} {...form.field('kind')}>
          {Object.entries(LINE_KINDS).map(([value, label]) => <MenuItem key={value} value={value}>{label()}</MenuItem>)}
        </TextField>
        <TextField label={t('Description')} required autoFocus {...form.field('description', t('e.g. Complete blood count'))} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField label={t('Quantity')} required slotProps={{ htmlInput: { inputMode: 'numeric' } }} {...form.field('quantity')} />
          <TextField
            label={t('Unit price ({{currency}})', { currency: props.currency })}
            required
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            {...form.field('unitPrice', t('e.g. 33.33'))}
          />
        </Stack>
      </Stack>
    </FormDialog>
  );
}
