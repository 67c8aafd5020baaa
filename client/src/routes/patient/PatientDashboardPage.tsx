import { useQuery } from '@apollo/client/react';
import { Box, Button, Grid, Stack, Typography } from '@mui/material';
import EventAvailable from '@mui/icons-material/EventAvailable';
import EventNote from '@mui/icons-material/EventNote';
import Description from '@mui/icons-material/Description';
import ReceiptLong from '@mui/icons-material/ReceiptLong';
import { Link as RouterLink } from 'react-router-dom';
import { useCurrentUser } from '../../auth/CurrentUser';
import { AppointmentCard } from '../../components/AppointmentCard';
import { LinkCard, StatCard } from '../../components/LinkCard';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useT } from '../../i18n';

const PatientDashboardDocument = graphql(`
  query PatientDashboard {
    upcoming: myAppointments(upcoming: true, first: 3) {
      totalCount
      items { id ...AppointmentCard_appointment }
    }
    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }
    records: myRecordSummary { treatmentCount latest { id diagnosis appointment { id startsAt } doctor { id fullName } } }
    bills: myBillingSummary { outstanding { amount currency } unpaidCount }
  }
`);

export function PatientDashboardPage() {
  const { t } = useT();
  const { user } = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(PatientDashboardDocument, { fetchPolicy: 'network-only' });
  const firstName = user?.patient?.fullName.split(' ')[0];
  return (
    <>
      <PageHeader
        title={firstName ? t('Hello, {{name}}', { name: firstName }) : t('Welcome')}
        subtitle={t('Your visits at the hospital.')}
        actions={<Button component={RouterLink} to="/patient/book" variant="contained" startIcon={<EventAvailable />}>{t('Book a visit')}</Button>}
      />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      <Grid container spacing={2} sx={{ mb: 3 }}>
        <Grid size={{ xs: 6, md: 3 }}>
          <StatCard label={t('Upcoming visits')} value={data?.upcoming.totalCount ?? '…'} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <StatCard label={t('Completed visits')} value={data?.completed.totalCount ?? '…'} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/patient/appointments" icon={<EventNote />} title={t('My appointments')}>{t('See, move or cancel your visits.')}</LinkCard>
        </Grid>
      </Grid>
      <Grid container spacing={2} sx={{ mb: 3 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/patient/history" icon={<Description />} title={t('Medical records: {{number}}', { number: data?.records.treatmentCount ?? '…' })}>
            {data?.records.latest
              ? t('Latest: {{diagnosis}} ({{doctor}}, {{time}})', { diagnosis: data.records.latest.diagnosis, doctor: data.records.latest.doctor.fullName, time: formatDateTime(data.records.latest.appointment.startsAt) })
              : t('Your doctors\' notes after each visit.')}
          </LinkCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/patient/bills" icon={<ReceiptLong />} title={t('Outstanding: {{amount}}', { amount: data ? formatMoney(data.bills.outstanding) : '…' })}>
            {data && data.bills.unpaidCount > 0 ? t('{{count}} unpaid invoices.', { count: data.bills.unpaidCount }) : t('Nothing to pay.')}
          </LinkCard>
        </Grid>
      </Grid>
      <Box component="section" aria-label={t('Next visits')}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1.5 }}>
          <Typography variant="h6" component="h2">{t('Next visits')}</Typography>
          {data && data.upcoming.totalCount > data.upcoming.items.length && (
            <Button component={RouterLink} to="/patient/appointments">{t('See all {{count}}', { count: data.upcoming.totalCount })}</Button>
          )}
        </Stack>
        {loading && !data ? <Loading /> : data && data.upcoming.items.length === 0 ? (
          <EmptyState title={t('No upcoming visits')} action={<Button component={RouterLink} to="/patient/book" variant="outlined">{t('Book your first visit')}</Button>}>
            {t('Book a visit with one of our doctors in a few steps.')}</EmptyState>
        ) : (
          <Stack spacing={2}>
            {data?.upcoming.items.map((appointment) => <AppointmentCard key={appointment.id} appointment={appointment} />)}
          </Stack>
        )}
      </Box>
    </>
  );
}
