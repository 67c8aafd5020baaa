import { useQuery } from '@apollo/client/react';
import { Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import People from '@mui/icons-material/People';
import Schedule from '@mui/icons-material/Schedule';
import Today from '@mui/icons-material/Today';
import { Link as RouterLink } from 'react-router-dom';
import { useCurrentUser } from '../../auth/CurrentUser';
import { LinkCard } from '../../components/LinkCard';
import { ExportJobList, StartExportButton } from '../../components/reports/ExportJobs';
import { DoctorMonthlyReportCard } from '../../components/reports/MonthlyReports';
import { DateTime } from 'luxon';
import { PageHeader } from '../../components/PageHeader';
import { CalendarFeedCard } from '../../components/integrations/CalendarFeedCard';
import { graphql } from '../../gql';
import { doctorTitle, formatTime } from '../../lib/format';
import { useT } from '../../i18n';

const DoctorTodayDocument = graphql(`
  query DoctorToday($doctorId: ID!) {
    availableDays(doctorId: $doctorId, days: 1) { date }
  }
`);

const DoctorTodayAppointmentsDocument = graphql(`
  query DoctorTodayAppointments($doctorId: ID!, $date: LocalDate!) {
    doctorDay(doctorId: $doctorId, date: $date) { id startsAt endsAt status patient { id fullName } }
  }
`);

export function DoctorDashboardPage() {
  const { t } = useT();
  const { user } = useCurrentUser();
  const doctorId = user?.doctor?.id ?? '';
  return (
    <>
      <PageHeader title={user?.doctor ? doctorTitle(user.doctor.fullName) : t('Doctor')} subtitle={t('Your schedule and patients.')} />
      <Grid container spacing={2}>
        <Grid size={12}>
          {doctorId && <TodayCard doctorId={doctorId} />}
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <LinkCard to="/doctor/day" icon={<Today />} title={t('Day view')}>{t('Your appointments as they happen: check-ins, visits, changes live.')}</LinkCard>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <LinkCard to="/doctor/patients" icon={<People />} title={t('Patients')}>{t('Find your patients by name, record number or phone; read their history.')}</LinkCard>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <LinkCard to="/doctor/hours" icon={<Schedule />} title={t('Weekly hours')}>{t('Set the hours patients can book, and block time off.')}</LinkCard>
        </Grid>
        <Grid size={12}>
          <DoctorMonthlyReportCard />
        </Grid>
        <Grid size={12}>
          <Stack spacing={2}>
            <div>
              <StartExportButton input={{ kind: 'DASHBOARD', format: 'XLSX', from: DateTime.now().minus({ days: 364 }).toISODate()!, to: DateTime.now().toISODate()! }}>
                {t('Export my last 12 months (Excel)')}
              </StartExportButton>
            </div>
            <ExportJobList />
          </Stack>
        </Grid>
      </Grid>
      <CalendarFeedCard />
    </>
  );
}

/** Today at a glance: how many visits, who is next. */
function TodayCard({ doctorId }: { doctorId: string }) {
  const { t } = useT();
  const today = useQuery(DoctorTodayDocument, { variables: { doctorId }, fetchPolicy: 'cache-first' });
  const date = today.data?.availableDays[0]?.date;
  const day = useQuery(DoctorTodayAppointmentsDocument, { variables: { doctorId, date: date ?? '' }, skip: !date });
  const appointments = day.data?.doctorDay ?? [];
  const now = Date.now();
  const waiting = appointments.filter((a) => a.status === 'CHECKED_IN');
  const next = appointments.find((a) => a.status === 'SCHEDULED' && Date.parse(a.endsAt) > now);
  const summary = day.error
    ? t('Today’s schedule could not be loaded.')
    : !day.data
      ? t('Loading today’s schedule…')
      : appointments.length === 0
        ? t('No appointments today yet.')
        : [
            t('{{count}} appointments today', { count: appointments.length }),
            waiting.length ? t('{{number}} waiting', { number: waiting.length }) : null,
            next ? t('next: {{patient}} at {{time}}', { patient: next.patient.fullName, time: formatTime(next.startsAt) }) : t('no one else scheduled'),
          ].filter(Boolean).join(' · ');
  return (
    <Card sx={{ bgcolor: 'primary.main', color: 'primary.contrastText' }}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
          <div>
            <Typography variant="h6" component="h2">{t('Today')}</Typography>
            <Typography sx={{ opacity: 0.9 }}>{summary}</Typography>
          </div>
          <Button component={RouterLink} to="/doctor/day" variant="contained" color="inherit" sx={{ color: 'primary.main', flexShrink: 0 }}>
            {t('Open day view')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
