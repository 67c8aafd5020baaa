// Monthly reports: the doctor's own (figures on screen + PDF) and the hospital's (PDF and Excel, admins).
// Months are hospital calendar months; the picker starts on last month.
import { useQuery } from '@apollo/client/react';
import { Alert, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { graphql } from '../../gql';
import { DownloadButton } from '../DownloadButton';
import { useT } from '../../i18n';
import { toHospitalTime } from '../../lib/hospital-day';
import { hospitalZone } from '../../lib/hospital-zone';

const DoctorMonthlyReportDocument = graphql(`
  query DoctorMonthlyReport($month: String!) {
    doctorMonthlyReport(month: $month) { month visits patientsSeen noShows followUpsDue followUpsDueNextMonth byIcdCode { code visits } }
  }
`);

/** Last month in the hospital's calendar, YYYY-MM. */
function lastMonth(): string {
  return toHospitalTime(DateTime.now().toISO()!).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}

function MonthField({ value, onChange, label }: { value: string; onChange: (value: string) => void; label: string }) {
  return (
    <TextField label={label} type="month" size="small" value={value} onChange={(e) => onChange(e.target.value)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: DateTime.now().setZone(hospitalZone() ?? 'local').toFormat('yyyy-MM') } }} sx={{ minWidth: 170 }} />
  );
}

const valid = (month: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(month);

/** Doctor dashboard: the month's figures and its PDF (also mailed on the 1st). */
export function DoctorMonthlyReportCard() {
  const { t } = useT();
  const [month, setMonth] = useState(lastMonth());
  const { data, error } = useQuery(DoctorMonthlyReportDocument, { variables: { month }, skip: !valid(month) });
  const report = data?.doctorMonthlyReport;
  return (
    <Card component="section" aria-label={t('Monthly report')}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h2">{t('Monthly report')}</Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <MonthField label={t('Month')} value={month} onChange={setMonth} />
            <DownloadButton disabled={!valid(month)} url={`/exports/reports/doctor-monthly.pdf?month=${month}`} fileName={`monthly-report-${month}.pdf`}>
              {t('Download PDF')}
            </DownloadButton>
          </Stack>
        </Stack>
        {error && <Alert severity="error">{error.message}</Alert>}
        {report && (
          <Typography variant="body2" color="text.secondary">
            {t('{{visits}} visits · {{patients}} patients seen · {{noShows}} no-shows · {{due}} follow-ups due · {{next}} due next month', {
              visits: report.visits, patients: report.patientsSeen, noShows: report.noShows, due: report.followUpsDue, next: report.followUpsDueNextMonth,
            })}
            {report.byIcdCode.length > 0 && ` · ${t('top codes: {{codes}}', { codes: report.byIcdCode.slice(0, 3).map((c) => `${c.code} (${c.visits})`).join(', ') })}`}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          {t("Last month's report is also e-mailed to you on the 1st. Counts only: no clinical notes.")}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** Admin reports: the hospital's month as PDF or Excel. */
export function HospitalMonthlyReportDownloads() {
  const { t } = useT();
  const [month, setMonth] = useState(lastMonth());
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }} aria-label={t('Monthly hospital report')}>
      <MonthField label={t('Monthly report')} value={month} onChange={setMonth} />
      <DownloadButton size="small" disabled={!valid(month)} url={`/exports/reports/monthly.pdf?month=${month}`} fileName={`hospital-report-${month}.pdf`}>{t('Monthly PDF')}</DownloadButton>
      <DownloadButton size="small" disabled={!valid(month)} url={`/exports/reports/monthly.xlsx?month=${month}`} fileName={`hospital-report-${month}.xlsx`}>{t('Monthly XLSX')}</DownloadButton>
    </Stack>
  );
}
