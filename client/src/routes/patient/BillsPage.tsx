// The patient's bills: what is owed in total, each invoice with its lines and payments, PDF copies.
import { useQuery } from '@apollo/client/react';
import {
  Accordion, AccordionDetails, AccordionSummary, Box, Grid, Stack, Typography,
} from '@mui/material';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { InvoiceDetails } from '../../components/billing/InvoiceDetails';
import { InvoiceStatusChip } from '../../components/billing/InvoiceStatusChip';
import { DownloadButton } from '../../components/DownloadButton';
import { StatCard } from '../../components/LinkCard';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useCursorPager } from '../../lib/pager';
import { useT } from '../../i18n';

const MyBillsDocument = graphql(`
  query MyBills($after: String, $first: Int!) {
    myBillingSummary { outstanding { amount currency } invoiceCount unpaidCount }
    myInvoices(after: $after, first: $first) {
      totalCount
      nextCursor
      items {
        id
        number
        status
        issuedAt
        createdAt
        total { amount currency }
        balance { amount currency }
        appointment { id startsAt doctor { id fullName department { id name } } }
        ...InvoiceDetails_invoice
      }
    }
  }
`);

const PAGE_SIZE = 10;

export function BillsPage() {
  const { t } = useT();
  const pager = useCursorPager();
  const { data, previousData, loading, error, refetch } = useQuery(MyBillsDocument, {
    variables: { first: PAGE_SIZE, after: pager.after },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const summary = shown?.myBillingSummary;
  const page = shown?.myInvoices;

  return (
    <>
      <PageHeader title={t('My bills')} subtitle={t('Invoices for your visits, with what you have paid and what is still owed. Pay at the front desk.')} />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      <Grid container spacing={2} sx={{ mb: 3 }}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard
            label={t('Outstanding')}
            value={<Box component="span" data-testid="outstanding-total">{summary ? formatMoney(summary.outstanding) : '…'}</Box>}
          />
        </Grid>
        <Grid size={{ xs: 6, sm: 4 }}>
          <StatCard label={t('Unpaid invoices')} value={summary?.unpaidCount ?? '…'} />
        </Grid>
        <Grid size={{ xs: 6, sm: 4 }}>
          <StatCard label={t('All invoices')} value={summary?.invoiceCount ?? '…'} />
        </Grid>
      </Grid>
      {loading && !shown ? <Loading /> : page && page.items.length === 0 ? (
        <EmptyState title={t('No bills yet')}>{t('Invoices appear here after a visit is billed.')}</EmptyState>
      ) : page && (
        <>
          <Stack spacing={1}>
            {page.items.map((invoice) => (
              <Accordion key={invoice.id} disableGutters variant="outlined" defaultExpanded={invoice.status === 'ISSUED'}>
                <AccordionSummary expandIcon={<ExpandMore />}>
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 2 }} sx={{ width: '100%', alignItems: { sm: 'center' }, pr: 1 }}>
                    <Box sx={{ flexGrow: 1 }}>
                      <Typography sx={{ fontWeight: 600 }}>{invoice.number}</Typography>
                      <Typography variant="body2" color="text.secondary">
                        {formatDateTime(invoice.appointment.startsAt)} · {invoice.appointment.doctor.fullName}, {invoice.appointment.doctor.department.name}
                      </Typography>
                    </Box>
                    <InvoiceStatusChip status={invoice.status} total={invoice.total} balance={invoice.balance} />
                    <Box sx={{ textAlign: { sm: 'right' }, minWidth: 120 }}>
                      <Typography variant="body2" color="text.secondary">{t('Balance')}</Typography>
                      <Typography sx={{ fontWeight: 600 }}>{formatMoney(invoice.balance)}</Typography>
                    </Box>
                  </Stack>
                </AccordionSummary>
                <AccordionDetails>
                  <InvoiceDetails invoice={invoice} />
                  <Box sx={{ mt: 2 }}>
                    <DownloadButton size="small" url={`/exports/invoices/${invoice.id}.pdf`} fileName={`${invoice.number}.pdf`}>{t('Download PDF')}</DownloadButton>
                  </Box>
                </AccordionDetails>
              </Accordion>
            ))}
          </Stack>
          <Pager page={pager.page} totalCount={page.totalCount} nextCursor={page.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
        </>
      )}
    </>
  );
}
