import { useQuery } from '@apollo/client/react';
import {
  Alert, Button, Grid, IconButton, MenuItem, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField,
  Tooltip, Typography,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import EventBusy from '@mui/icons-material/EventBusy';
import Update from '@mui/icons-material/Update';
import ReceiptLong from '@mui/icons-material/ReceiptLong';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { APPOINTMENT_STATUSES, AppointmentStatusChip, statusLabel, UrgentChip } from '../../components/AppointmentStatusChip';
import { CancelAppointmentDialog } from '../../components/CancelAppointmentDialog';
import { DepartmentDoctorFilter } from '../../components/DepartmentDoctorFilter';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { RescheduleDialog } from '../../components/RescheduleDialog';
import { graphql } from '../../gql';
import type { AppointmentStatus } from '../../gql/graphql';
import { useT } from '../../i18n';
import { formatDateTime, formatTime } from '../../lib/format';
import { hospitalDayStart } from '../../lib/hospital-day';
import { hospitalZone } from '../../lib/hospital-zone';
import { useCursorPager } from '../../lib/pager';
import { hideOnPhone, phoneCells, phoneOnly } from './table-layout';

const AdminAppointmentsDocument = graphql(`
  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {
    appointments(filter: $filter, after: $after, first: $first) {
      totalCount
      nextCursor
      items {
        id
        startsAt
        endsAt
        status
        reason
        cancelReason
        urgent
        urgentReason
        patient { id fullName medicalRecordNumber }
        doctor { id fullName department { id name } }
      }
    }
  }
`);


const PAGE_SIZE = 25;

interface Filters { from: string; to: string; status: string; departmentId: string; doctorId: string }

/** A hospital day (YYYY-MM-DD) as the instant it starts, in the hospital's zone (not the browser's). */
function dayStart(date: string, plusDays = 0): string | null {
  if (!date) return null;
  const day = hospitalDayStart(date);
  return day.isValid ? day.plus({ days: plusDays }).toUTC().toISO() : null;
}

interface Target { id: string; startsAt: string; doctorId: string; doctorName: string; patientName?: string }

export function AppointmentsPage() {
  const { t } = useT();
  const location = useLocation();
  const booked = (location.state as { booked?: string } | null)?.booked;
  const [filters, setFilters] = useState<Filters>({ from: DateTime.now().setZone(hospitalZone() ?? 'local').toISODate()!, to: '', status: '', departmentId: '', doctorId: '' });
  const pager = useCursorPager();
  const [moving, setMoving] = useState<Target | null>(null);
  const [cancelling, setCancelling] = useState<Target | null>(null);
  const [notice, setNotice] = useState<string | null>(booked ?? null);

  const { data, previousData, loading, error, refetch } = useQuery(AdminAppointmentsDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pager.after,
      filter: {
        from: dayStart(filters.from),
        to: dayStart(filters.to, 1),
        status: (filters.status || null) as AppointmentStatus | null,
        departmentId: filters.departmentId || null,
        doctorId: filters.doctorId || null,
      },
    },
    fetchPolicy: 'cache-and-network',
  });

  const setFilter = (name: keyof Filters, value: string) => {
    pager.reset();
    setFilters((f) => ({ ...f, [name]: value }));
  };

  const shown = data ?? previousData;
  const page = shown?.appointments;

  return (
    <>
      <PageHeader
        title={t('Appointments')}
        subtitle={t('Every appointment in the hospital, soonest first.')}
        actions={<Button component={RouterLink} to="/admin/book" variant="contained" startIcon={<Add />}>{t('Book for a patient')}</Button>}
      />
      {notice && <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>{notice}</Alert>}
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField label={t('From day')} type="date" size="small" value={filters.from} onChange={(e) => setFilter('from', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField label={t('To day')} type="date" size="small" value={filters.to} onChange={(e) => setFilter('to', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Grid>
          <Grid size={{ xs: 12, sm: 4, md: 2 }}>
            <TextField select label={t('Status')} size="small" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
              <MenuItem value="">{t('Any status')}</MenuItem>
              {APPOINTMENT_STATUSES.map((status) => <MenuItem key={status} value={status}>{statusLabel(status)}</MenuItem>)}
            </TextField>
          </Grid>
          <DepartmentDoctorFilter size={{ xs: 12, sm: 4, md: 3 }} departmentId={filters.departmentId} doctorId={filters.doctorId}
            onChange={(value) => { pager.reset(); setFilters((f) => ({ ...f, ...value })); }} />
        </Grid>
      </Paper>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !shown ? <Loading /> : page && page.items.length === 0 ? (
        <EmptyState title={t('No appointments match')}>{t('Widen the date range or clear a filter.')}</EmptyState>
      ) : page && (
        <>
          <TableContainer component={Paper} variant="outlined" aria-label={t('Appointments table')}>
            <Table aria-label={t('Appointments')} size="small" sx={phoneCells}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('When')}</TableCell>
                  <TableCell>{t('Patient')}</TableCell>
                  <TableCell sx={hideOnPhone}>{t('Doctor')}</TableCell>
                  <TableCell>{t('Status')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>{t('Reason')}</TableCell>
                  <TableCell align="right">{t('Actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map((a) => {
                  const target = { id: a.id, startsAt: a.startsAt, doctorId: a.doctor.id, doctorName: a.doctor.fullName, patientName: a.patient.fullName };
                  const future = new Date(a.startsAt).getTime() > Date.now();
                  return (
                    <TableRow key={a.id} hover>
                      <TableCell sx={{ whiteSpace: { sm: 'nowrap' } }}>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>{formatDateTime(a.startsAt)}</Typography>
                        <Typography variant="caption" color="text.secondary">{t('until {{time}}', { time: formatTime(a.endsAt) })}</Typography>
                      </TableCell>
                      <TableCell>
                        <Typography variant="body2">{a.patient.fullName}</Typography>
                        <Typography variant="caption" color="text.secondary">{a.patient.medicalRecordNumber}</Typography>
                        <Typography variant="caption" color="text.secondary" sx={phoneOnly}>{a.doctor.fullName}</Typography>
                      </TableCell>
                      <TableCell sx={hideOnPhone}>
                        <Typography variant="body2">{a.doctor.fullName}</Typography>
                        <Typography variant="caption" color="text.secondary">{a.doctor.department.name}</Typography>
                      </TableCell>
                      <TableCell><AppointmentStatusChip status={a.status} /> <UrgentChip urgent={a.urgent} reason={a.urgentReason} /></TableCell>
                      <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' }, maxWidth: 240, color: 'text.secondary' }}>
                        {a.status === 'CANCELLED' ? a.cancelReason ?? '' : a.reason ?? ''}
                      </TableCell>
                      <TableCell align="right" sx={{ whiteSpace: { sm: 'nowrap' } }}>
                        {a.status === 'SCHEDULED' && future && (
                          <Tooltip title={t('Reschedule')}>
                            <IconButton aria-label={t('Reschedule')} onClick={() => setMoving(target)}><Update /></IconButton>
                          </Tooltip>
                        )}
                        {(a.status === 'SCHEDULED' || a.status === 'CHECKED_IN') && (
                          <Tooltip title={t('Cancel')}>
                            <IconButton aria-label={t('Cancel appointment')} onClick={() => setCancelling(target)}><EventBusy /></IconButton>
                          </Tooltip>
                        )}
                        {(a.status === 'CHECKED_IN' || a.status === 'COMPLETED') && (
                          <Tooltip title={t('Bill this visit')}>
                            <IconButton aria-label={t('Bill this visit')} component={RouterLink} to={`/admin/billing?bill=${a.id}`}><ReceiptLong /></IconButton>
                          </Tooltip>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
          <Pager page={pager.page} totalCount={page.totalCount} nextCursor={page.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
        </>
      )}
      <RescheduleDialog appointment={moving} onClose={() => setMoving(null)} onMoved={() => { setNotice(t('Appointment moved.')); void refetch(); }} />
      <CancelAppointmentDialog appointment={cancelling} onClose={() => setCancelling(null)} onCancelled={() => { setNotice(t('Appointment cancelled.')); void refetch(); }} />
    </>
  );
}
