// One invoice for the front desk: lines (add/remove while allowed), payments, take a payment, refund, void, PDF.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Box, Breadcrumbs, Button, Grid, Link, Paper, Stack, Typography } from '@mui/material';
import Add from '@mui/icons-material/Add';
import Block from '@mui/icons-material/Block';
import Payments from '@mui/icons-material/Payments';
import Replay from '@mui/icons-material/Replay';
import Send from '@mui/icons-material/Send';
import { useState } from 'react';
import { Trans } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { AddInvoiceLineDialog } from '../../components/billing/AddInvoiceLineDialog';
import { InvoiceDetails } from '../../components/billing/InvoiceDetails';
import { InvoiceStatusChip } from '../../components/billing/InvoiceStatusChip';
import { PaymentDialog } from '../../components/billing/PaymentDialog';
import { RefundDialog } from '../../components/billing/RefundDialog';
import { VoidInvoiceDialog } from '../../components/billing/VoidInvoiceDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

const AdminInvoiceDocument = graphql(`
  query AdminInvoice($id: ID!) {
    invoice(id: $id) {
      id
      number
      status
      currency
      createdAt
      issuedAt
      paidAt
      voidedAt
      voidReason
      total { amount currency }
      paid { amount currency }
      balance { amount currency }
      payments { id }
      patient { id fullName medicalRecordNumber phone }
      appointment { id startsAt status doctor { id fullName department { id name } } }
      ...InvoiceDetails_invoice
    }
  }
`);

const RemoveInvoiceLineDocument = graphql(`
  mutation RemoveInvoiceLine($lineId: ID!) {
    removeInvoiceLine(lineId: $lineId) { id ...InvoiceDetails_invoice }
  }
`);

const FinalizeInvoiceDocument = graphql(`
  mutation FinalizeInvoice($id: ID!) {
    finalizeInvoice(id: $id) { id status issuedAt ...InvoiceDetails_invoice }
  }
`);

type Dialog = 'payment' | 'refund' | 'void' | 'line' | null;

export function InvoicePage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminInvoiceDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [dialog, setDialogState] = useState<Dialog>(null);
  const [removing, setRemoving] = useState<{ id: string; description: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removeLine, removal] = useMutation(RemoveInvoiceLineDocument);
  const [finalize, finalizing] = useMutation(FinalizeInvoiceDocument);

  const setDialog = (next: Dialog) => { if (next) setNotice(null); setDialogState(next); };
  const invoice = data?.invoice;
  if (loading && !data) return <Loading />;
  if (error && !invoice) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!invoice) {
    return (
      <EmptyState title={t('No such invoice')} action={<Button component={RouterLink} to="/admin/billing" variant="outlined">{t('Back to billing')}</Button>}>
        {t('It may have been removed, or the link is wrong.')}
      </EmptyState>
    );
  }

  const hasPayments = invoice.payments.length > 0;
  const paidSomething = Number(invoice.paid.amount) > 0;
  // The server's rule: lines change on a DRAFT, or an ISSUED invoice before any payment.
  const linesEditable = invoice.status === 'DRAFT' || (invoice.status === 'ISSUED' && !hasPayments);
  const canPay = invoice.status === 'ISSUED' && Number(invoice.balance.amount) > 0;
  const canRefund = (invoice.status === 'ISSUED' || invoice.status === 'PAID') && paidSomething;
  const canVoid = (invoice.status === 'DRAFT' || invoice.status === 'ISSUED') && !paidSomething;

  const confirmRemove = async () => {
    if (!removing) return;
    setFailure(null);
    try {
      await removeLine({ variables: { lineId: removing.id } });
      setRemoving(null);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  const issueDraft = async () => {
    setFailure(null);
    try {
      await finalize({ variables: { id: invoice.id } });
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  const visit = invoice.appointment;
  return (
    <>
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link component={RouterLink} to="/admin/billing" underline="hover" color="inherit">{t('Billing')}</Link>
        <Typography color="text.primary">{invoice.number}</Typography>
      </Breadcrumbs>
      <PageHeader
        title={t('Invoice {{number}}', { number: invoice.number })}
        subtitle={<Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}><InvoiceStatusChip status={invoice.status} total={invoice.total} balance={invoice.balance} /><span>{invoice.patient.fullName}</span></Stack>}
        actions={
          <>
            {invoice.status === 'DRAFT' && (
              <Button variant="contained" startIcon={<Send />} disabled={finalizing.loading} onClick={() => void issueDraft()}>{t('Issue to patient')}</Button>
            )}
            {canPay && <Button variant="contained" startIcon={<Payments />} onClick={() => setDialog('payment')}>{t('Take payment')}</Button>}
            <DownloadButton url={`/exports/invoices/${invoice.id}.pdf`} fileName={`${invoice.number}.pdf`}>{t('PDF')}</DownloadButton>
          </>
        }
      />
      {failure && <Alert severity="error" sx={{ mb: 2 }} onClose={() => setFailure(null)}>{failure}</Alert>}
      {notice && <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>{notice}</Alert>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {invoice.status === 'VOID' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('Voided {{time}}: {{reason}}', { time: invoice.voidedAt ? formatDateTime(invoice.voidedAt) : '', reason: invoice.voidReason ?? '' })}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
              <Typography variant="h6" component="h2">{t('Charges')}</Typography>
              {linesEditable && <Button size="small" startIcon={<Add />} onClick={() => setDialog('line')}>{t('Add line')}</Button>}
            </Stack>
            <InvoiceDetails
              invoice={invoice}
              onRemoveLine={linesEditable ? (lineId, description) => { setFailure(null); setRemoving({ id: lineId, description }); } : undefined}
            />
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Stack spacing={2}>
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('Visit')}</Typography>
              <Fact label={t('Patient')} value={`${invoice.patient.fullName} · ${invoice.patient.medicalRecordNumber}`} />
              {invoice.patient.phone && <Fact label={t('Phone')} value={invoice.patient.phone} />}
              <Fact label={t('Doctor')} value={`${visit.doctor.fullName}, ${visit.doctor.department.name}`} />
              <Fact label={t('When')} value={formatDateTime(visit.startsAt)} />
              <Fact label={t('Created')} value={formatDateTime(invoice.createdAt)} />
              {invoice.issuedAt && <Fact label={t('Issued')} value={formatDateTime(invoice.issuedAt)} />}
              {invoice.paidAt && invoice.status === 'PAID' && <Fact label={t('Paid')} value={formatDateTime(invoice.paidAt)} />}
            </Paper>
            {(canRefund || canVoid) && (
              <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('Corrections')}</Typography>
                <Stack direction="row" spacing={1}>
                  {canRefund && <Button variant="outlined" color="warning" startIcon={<Replay />} onClick={() => setDialog('refund')}>{t('Refund')}</Button>}
                  {canVoid && <Button variant="outlined" color="error" startIcon={<Block />} onClick={() => setDialog('void')}>{t('Void')}</Button>}
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid>
      </Grid>
      <PaymentDialog
        open={dialog === 'payment'}
        invoiceId={invoice.id}
        number={invoice.number}
        balance={invoice.balance.amount}
        currency={invoice.currency}
        onClose={() => setDialog(null)}
        onDone={setNotice}
      />
      <RefundDialog
        open={dialog === 'refund'}
        invoiceId={invoice.id}
        number={invoice.number}
        paid={invoice.paid.amount}
        currency={invoice.currency}
        onClose={() => setDialog(null)}
        onDone={setNotice}
      />
      <VoidInvoiceDialog open={dialog === 'void'} invoiceId={invoice.id} number={invoice.number} onClose={() => setDialog(null)} onDone={setNotice} />
      <AddInvoiceLineDialog open={dialog === 'line'} invoiceId={invoice.id} currency={invoice.currency} onClose={() => setDialog(null)} onDone={setNotice} />
      <ConfirmDialog
        open={removing !== null}
        title={t('Remove line?')}
        confirmLabel={t('Remove')}
        destructive
        busy={removal.loading}
        error={failure}
        onConfirm={() => void confirmRemove()}
        onClose={() => setRemoving(null)}
      >
        <Trans i18nKey="Remove <strong>{{description}}</strong> from {{number}}?"
          values={{ description: removing?.description ?? '', number: invoice.number }} components={{ strong: <strong /> }} />
      </ConfirmDialog>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary">{label}</Typography>
      <Typography variant="body2">{value}</Typography>
    </Box>
  );
}
