// Admin billing: every invoice, filtered and cursor-paged; bill a visit from here.
import { useQuery } from '@apollo/client/react';
import {
  Button, Grid, MenuItem, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import ReceiptLong from '@mui/icons-material/ReceiptLong';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { IssueInvoiceDialog } from '../../components/billing/IssueInvoiceDialog';
import { INVOICE_STATUSES, InvoiceStatusChip, invoiceStatusLabel } from '../../components/billing/InvoiceStatusChip';
import { PatientPicker, type PickedPatient } from '../../components/billing/PatientPicker';
import { DepartmentDoctorFilter } from '../../components/DepartmentDoctorFilter';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { InvoiceStatus } from '../../gql/graphql';
import { useT } from '../../i18n';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useCursorPager } from '../../lib/pager';
import { hideOnPhone, phoneCells } from './table-layout';

const AdminInvoicesDocument = graphql(`
  query AdminInvoices($filter: InvoiceFilter, $after: String, $first: Int!) {
    invoices(filter: $filter, after: $after, first: $first) {
      totalCount
      nextCursor
      items {
        id
        number
        status
        createdAt
        issuedAt
        total { amount currency }
        balance { amount currency }
        patient { id fullName medicalRecordNumber }
        appointment { id startsAt doctor { id fullName department { id name } } }
      }
    }
  }
`);


const PAGE_SIZE = 25;

interface Filters { status: string; from: string; to: string; departmentId: string; doctorId: string }

export function InvoicesPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // ?bill=<appointmentId> (from the appointments list) opens "Bill a visit" with that visit picked.
  const billing = params.get('bill');
  const [issuing, setIssuing] = useState(billing !== null);
  const [filters, setFilters] = useState<Filters>({ status: '', from: '', to: '', departmentId: '', doctorId: '' });
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const pager = useCursorPager();

  const { data, previousData, loading, error, refetch } = useQuery(AdminInvoicesDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pager.after,
      filter: {
        status: (filters.status || null) as InvoiceStatus | null,
        from: filters.from || null,
        to: filters.to || null,
        departmentId: filters.departmentId || null,
        doctorId: filters.doctorId || null,
        patientId: patient?.id ?? null,
      },
    },
    fetchPolicy: 'cache-and-network',
  });

  const setFilter = (name: keyof Filters, value: string) => {
    pager.reset();
    setFilters((f) => ({ ...f, [name]: value }));
  };

  const closeIssuing = () => {
    setIssuing(false);
    if (billing !== null) setParams({}, { replace: true });
  };

  const shown = data ?? previousData;
  const page = shown?.invoices;
  const filtered = Object.values(filters).some(Boolean) || patient !== null;

  return (
    <>
      <PageHeader
        title={t('Billing')}
        subtitle={t('Invoices for visits, newest first. Open one to take a payment.')}
        actions={<Button variant="contained" startIcon={<ReceiptLong />} onClick={() => setIssuing(true)}>{t('Bill a visit')}</Button>}
      />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4, md: 2 }}>
            <TextField select fullWidth label={t('Status')} size="small" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
              <MenuItem value="">{t('Any status')}</MenuItem>
              {INVOICE_STATUSES.map((status) => <MenuItem key={status} value={status}>{invoiceStatusLabel(status)}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, sm: 4, md: 2 }}>
            <TextField fullWidth label={t('Created from')} type="date" size="small" value={filters.from} onChange={(e) => setFilter('from', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
          <Grid size={{ xs: 6, sm: 4, md: 2 }}>
            <TextField fullWidth label={t('Created to')} type="date" size="small" value={filters.to} onChange={(e) => setFilter('to', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
          <DepartmentDoctorFilter size={{ xs: 12, sm: 4, md: 2 }} departmentId={filters.departmentId} doctorId={filters.doctorId}
            onChange={(value) => { pager.reset(); setFilters((f) => ({ ...f, ...value })); }} />
          <Grid size={{ xs: 12, sm: 4, md: 2 }}>
            <PatientPicker size="small" value={patient} onChange={(value) => { pager.reset(); setPatient(value); }} />
          </Grid>
        </Grid>
      </Paper>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !shown ? <Loading /> : page && page.items.length === 0 ? (
        <EmptyState
          title={filtered ? t('No invoices match') : t('No invoices yet')}
          action={!filtered && <Button variant="outlined" onClick={() => setIssuing(true)}>{t('Bill a visit')}</Button>}
        >
          {filtered ? t('Widen the date range or clear a filter.') : t('Bill a checked-in or completed visit to create the first invoice.')}
        </EmptyState>
      ) : page && (
        <>
          <TableContainer component={Paper} variant="outlined" aria-label={t('Invoices table')}>
            <Table aria-label={t('Invoices')} size="small" sx={phoneCells}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('Invoice')}</TableCell>
                  <TableCell>{t('Patient')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t('Visit')}</TableCell>
                  <TableCell>{t('Status')}</TableCell>
                  <TableCell align="right" sx={hideOnPhone}>{t('Total')}</TableCell>
                  <TableCell align="right">{t('Balance')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map((invoice) => (
                  <TableRow key={invoice.id} hover>
                    <TableCell sx={{ whiteSpace: { sm: 'nowrap' } }}>
                      <Typography component={RouterLink} to={`/admin/billing/${invoice.id}`} variant="body2" sx={{ fontWeight: 600, color: 'primary.main' }}>
                        {invoice.number}
                      </Typography>
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{formatDateTime(invoice.issuedAt ?? invoice.createdAt)}</Typography>
                    </TableCell>
                    <TableCell>
                      <Typography variant="body2">{invoice.patient.fullName}</Typography>
                      <Typography variant="caption" color="text.secondary">{invoice.patient.medicalRecordNumber}</Typography>
                    </TableCell>
                    <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>
                      <Typography variant="body2">{invoice.appointment.doctor.fullName}</Typography>
                      <Typography variant="caption" color="text.secondary">
                        {invoice.appointment.doctor.department.name} · {formatDateTime(invoice.appointment.startsAt)}
                      </Typography>
                    </TableCell>
                    <TableCell><InvoiceStatusChip status={invoice.status} total={invoice.total} balance={invoice.balance} /></TableCell>
                    <TableCell align="right" sx={hideOnPhone}>{formatMoney(invoice.total)}</TableCell>
                    <TableCell align="right" sx={{ fontWeight: 600 }}>{formatMoney(invoice.balance)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Pager page={pager.page} totalCount={page.totalCount} nextCursor={page.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
        </>
      )}
      <IssueInvoiceDialog
        open={issuing}
        appointmentId={billing}
        onClose={closeIssuing}
        onIssued={(invoiceId) => { closeIssuing(); void navigate(`/admin/billing/${invoiceId}`); }}
      />
    </>
  );
}
