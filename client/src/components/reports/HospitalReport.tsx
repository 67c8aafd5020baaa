// The hospital's numbers for a date range (admin dashboard): counters, daily charts, per-doctor and
// per-department tables, CSV/Excel downloads. It owns its query because it owns its filters.
import { useQuery } from '@apollo/client/react';
import {
  Box, Grid, Paper, Stack, Tab, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tabs, TextField,
  ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { DownloadButton } from '../DownloadButton';
import { ExportJobList, StartExportButton } from './ExportJobs';
import { HospitalMonthlyReportDownloads } from './MonthlyReports';
import { StatCard } from '../LinkCard';
import { EmptyState, ErrorState, Loading } from '../QueryState';
import { statusLabel } from '../AppointmentStatusChip';
import { graphql } from '../../gql';
import { DepartmentDoctorFilter } from '../DepartmentDoctorFilter';
import { useT } from '../../i18n';
import { formatLocalDate, formatMoney } from '../../lib/format';
import { hospitalZone } from '../../lib/hospital-zone';

const HospitalReportDocument = graphql(`
  query HospitalReport($from: LocalDate!, $to: LocalDate!, $departmentId: ID, $doctorId: ID) {
    dashboard(from: $from, to: $to, departmentId: $departmentId, doctorId: $doctorId) {
      from
      to
      timezone
      currency
      totals {
        appointments completed cancelled noShow patients newPatients doctors invoiceCount
        invoiced { amount currency }
        collected { amount currency }
        outstanding { amount currency }
        appointmentsByStatus { status count }
      }
      daily {
        date appointments completed cancelled noShow
        invoiced { amount currency }
        collected { amount currency }
      }
      byDoctor {
        doctorId doctorName departmentName appointments completed cancelled noShow patients invoiceCount
        invoiced { amount currency }
        collected { amount currency }
        outstanding { amount currency }
      }
      byDepartment {
        departmentId departmentName appointments completed cancelled noShow patients invoiceCount
        invoiced { amount currency }
        collected { amount currency }
        outstanding { amount currency }
      }
    }
  }
`);


const PRESETS = [7, 30, 90] as const;

/** The last `days` hospital days up to today: "today" is the hospital's date, whatever the browser's zone. */
export function lastDays(days: number): { from: string; to: string } {
  const today = DateTime.now().setZone(hospitalZone() ?? 'local');
  return { from: today.minus({ days: days - 1 }).toISODate()!, to: today.toISODate()! };
}

export function HospitalReport() {
  const { t } = useT();
  const [range, setRange] = useState(lastDays(30));
  const [departmentId, setDepartmentId] = useState('');
  const [doctorId, setDoctorId] = useState('');
  const [table, setTable] = useState<'doctors' | 'departments'>('doctors');
  const validRange = Boolean(range.from && range.to && range.from <= range.to);
  const variables = { ...range, departmentId: departmentId || null, doctorId: doctorId || null };
  const { data, previousData, loading, error, refetch } = useQuery(HospitalReportDocument, {
    variables,
    skip: !validRange,
    fetchPolicy: 'cache-and-network',
  });
  const report = (data ?? previousData)?.dashboard;
  const preset = PRESETS.find((days) => {
    const r = lastDays(days);
    return r.from === range.from && r.to === range.to;
  });

  const query = new URLSearchParams({ from: range.from, to: range.to, ...(departmentId ? { departmentId } : {}), ...(doctorId ? { doctorId } : {}) });
  const money = (m: { amount: string }) => Number(m.amount);
  const days = report?.daily.map((d) => formatLocalDate(d.date, { day: 'numeric', month: 'short' })) ?? [];

  return (
    <Box component="section" aria-label={t('Hospital figures')} sx={{ mb: 3 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' }, mb: 2 }}>
        <Typography variant="h5" component="h2">{t('Hospital figures')}</Typography>
        <Stack direction="row" spacing={1}>
          <DownloadButton size="small" disabled={!validRange} url={`/exports/reports/dashboard.csv?${query}`} fileName="hms-dashboard.csv">{t('CSV')}</DownloadButton>
          <DownloadButton size="small" disabled={!validRange} url={`/exports/reports/dashboard.xlsx?${query}`} fileName="hms-dashboard.xlsx">{t('Excel')}</DownloadButton>
          <StartExportButton size="small" disabled={!validRange}
            input={{ kind: 'DASHBOARD', format: 'XLSX', from: range.from, to: range.to, departmentId: departmentId || null, doctorId: doctorId || null }}>
            {t('Export as a job')}
          </StartExportButton>
        </Stack>
      </Stack>
      <Stack spacing={2} sx={{ mb: 2 }}>
        <HospitalMonthlyReportDownloads />
        <ExportJobList />
      </Stack>
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Grid container spacing={2} sx={{ alignItems: 'center' }}>
          <Grid size={{ xs: 12, md: 'auto' }}>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={preset ?? null}
              onChange={(_, days: number | null) => days && setRange(lastDays(days))}
              aria-label={t('Quick range')}
            >
              {PRESETS.map((days) => <ToggleButton key={days} value={days}>{t('{{days}} days', { days })}</ToggleButton>)}
            </ToggleButtonGroup>
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField fullWidth label={t('From')} type="date" size="small" value={range.from}
              onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} slotProps={{ inputLabel: { shrink: true } }}
              error={!validRange} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField fullWidth label={t('To')} type="date" size="small" value={range.to}
              onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} slotProps={{ inputLabel: { shrink: true } }}
              error={!validRange} helperText={validRange ? undefined : t('From must not be after To')} />
          </Grid>
          <DepartmentDoctorFilter size={{ xs: 12, sm: 6, md: 2.5 }} departmentId={departmentId} doctorId={doctorId}
            onChange={(value) => { setDepartmentId(value.departmentId); setDoctorId(value.doctorId); }} />
        </Grid>
      </Paper>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !report ? <Loading label={t('Counting…')} /> : report && (
        <>
          <Grid container spacing={2} sx={{ mb: 2 }}>
            <Grid size={{ xs: 6, md: 3 }}>
              <StatCard label={t('Appointments')} value={report.totals.appointments}
                hint={t('{{completed}} completed · {{cancelled}} cancelled · {{noShow}} no-show', { completed: report.totals.completed, cancelled: report.totals.cancelled, noShow: report.totals.noShow })} />
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <StatCard label={t('Patients seen')} value={report.totals.patients} hint={t('New sign-ups: {{newPatients}} · Doctors: {{doctors}}', { newPatients: report.totals.newPatients, doctors: report.totals.doctors })} />
            </Grid>
            {/* Money takes a whole row on a phone: a hospital's year does not fit half of 390 px. */}
            <Grid size={{ xs: 12, sm: 6, md: 2 }}>
              <StatCard label={t('Invoiced')} value={formatMoney(report.totals.invoiced)} hint={t('Invoices: {{invoices}}', { invoices: report.totals.invoiceCount })} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 2 }}>
              <StatCard label={t('Collected')} value={formatMoney(report.totals.collected)} />
            </Grid>
            <Grid size={{ xs: 12, md: 2 }}>
              <StatCard label={t('Outstanding')} value={formatMoney(report.totals.outstanding)} />
            </Grid>
          </Grid>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>{t('Appointments by status')}</Typography>
            <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
              {report.totals.appointmentsByStatus.map((s) => (
                <Box key={s.status}>
                  <Typography variant="caption" color="text.secondary">{statusLabel(s.status)}</Typography>
                  <Typography variant="h6" component="p">{s.count}</Typography>
                </Box>
              ))}
            </Stack>
          </Paper>
          <Grid container spacing={2} sx={{ mb: 2 }}>
            <Grid size={{ xs: 12, lg: 6 }}>
              <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="subtitle1" component="h3">{t('Appointments per day')}</Typography>
                <BarChart
                  height={280}
                  skipAnimation
                  xAxis={[{ scaleType: 'band', data: days }]}
                  yAxis={[{ min: 0, tickMinStep: 1 }]}
                  series={[
                    { data: report.daily.map((d) => d.completed), label: t('Completed'), stack: 'all', color: '#2e7d32' },
                    // "Open" as in still to come, not the verb (Hindi: Open_appointments).
                    { data: report.daily.map((d) => d.appointments - d.completed - d.cancelled - d.noShow), label: t('Open', { context: 'appointments' }), stack: 'all', color: '#1976d2' },
                    { data: report.daily.map((d) => d.cancelled), label: t('Cancelled'), stack: 'all', color: '#9e9e9e' },
                    { data: report.daily.map((d) => d.noShow), label: t('No-show'), stack: 'all', color: '#ed6c02' },
                  ]}
                />
              </Paper>
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="subtitle1" component="h3">{t('Revenue per day ({{currency}})', { currency: report.currency })}</Typography>
                <LineChart
                  height={280}
                  skipAnimation
                  xAxis={[{ scaleType: 'point', data: days }]}
                  yAxis={[{ min: 0 }]}
                  series={[
                    { data: report.daily.map((d) => money(d.invoiced)), label: t('Invoiced'), color: '#1976d2' },
                    { data: report.daily.map((d) => money(d.collected)), label: t('Collected'), color: '#2e7d32' },
                  ]}
                />
              </Paper>
            </Grid>
          </Grid>
          <Paper variant="outlined">
            <Tabs value={table} onChange={(_, value: 'doctors' | 'departments') => setTable(value)} sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
              <Tab value="doctors" label={t('By doctor ({{count}})', { count: report.byDoctor.length })} />
              <Tab value="departments" label={t('By department ({{count}})', { count: report.byDepartment.length })} />
            </Tabs>
            {(table === 'doctors' ? report.byDoctor.length : report.byDepartment.length) === 0 ? (
              <Box sx={{ p: 2 }}><EmptyState title={t('Nothing in this range')}>{t('No appointments, invoices or payments between these days.')}</EmptyState></Box>
            ) : (
              <TableContainer aria-label={t('Report table')}>
                <Table size="small" aria-label={table === 'doctors' ? t('Figures by doctor') : t('Figures by department')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{table === 'doctors' ? t('Doctor') : t('Department')}</TableCell>
                      <TableCell align="right">{t('Appointments')}</TableCell>
                      <TableCell align="right">{t('Completed')}</TableCell>
                      <TableCell align="right">{t('Cancelled')}</TableCell>
                      <TableCell align="right">{t('No-show')}</TableCell>
                      <TableCell align="right">{t('Patients')}</TableCell>
                      <TableCell align="right">{t('Invoiced')}</TableCell>
                      <TableCell align="right">{t('Collected')}</TableCell>
                      <TableCell align="right">{t('Outstanding')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {(table === 'doctors'
                      ? report.byDoctor.map((r) => ({ key: r.doctorId, name: r.doctorName, sub: r.departmentName, row: r }))
                      : report.byDepartment.map((r) => ({ key: r.departmentId, name: r.departmentName, sub: null, row: r }))
                    ).map(({ key, name, sub, row }) => (
                      <TableRow key={key} hover>
                        <TableCell>
                          <Typography variant="body2" sx={{ fontWeight: 600 }}>{name}</Typography>
                          {sub && <Typography variant="caption" color="text.secondary">{sub}</Typography>}
                        </TableCell>
                        <TableCell align="right">{row.appointments}</TableCell>
                        <TableCell align="right">{row.completed}</TableCell>
                        <TableCell align="right">{row.cancelled}</TableCell>
                        <TableCell align="right">{row.noShow}</TableCell>
                        <TableCell align="right">{row.patients}</TableCell>
                        <TableCell align="right">{formatMoney(row.invoiced)}</TableCell>
                        <TableCell align="right">{formatMoney(row.collected)}</TableCell>
                        <TableCell align="right">{formatMoney(row.outstanding)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </Paper>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {t('Hospital days {{from}} to {{to}} ({{zone}}).', {
              from: formatLocalDate(report.from, { day: 'numeric', month: 'short', year: 'numeric' }),
              to: formatLocalDate(report.to, { day: 'numeric', month: 'short', year: 'numeric' }),
              zone: report.timezone,
            })}
          </Typography>
        </>
      )}
    </Box>
  );
}
