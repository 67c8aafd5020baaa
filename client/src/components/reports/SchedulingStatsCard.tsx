// The dashboard's scheduling numbers for the last 30 days: urgent visits, no-shows (per
// doctor and department) and how the waitlist refills freed slots.
import { useQuery } from '@apollo/client/react';
import { Grid, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { StatCard } from '../LinkCard';
import { ErrorState } from '../QueryState';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { hospitalZone } from '../../lib/hospital-zone';

const SchedulingStatsDocument = graphql(`
  query SchedulingStats($from: LocalDate!, $to: LocalDate!) {
    schedulingStats(from: $from, to: $to) {
      urgentVisits noShows freedSlots refilledSlots fillRate medianMinutesToRefill
      noShowsByDoctor { id name noShows visits }
      noShowsByDepartment { id name noShows visits }
    }
  }
`);

export function SchedulingStatsCard() {
  const { t } = useT();
  const today = DateTime.now().setZone(hospitalZone() ?? 'local');
  const { data, error, refetch } = useQuery(SchedulingStatsDocument, {
    variables: { from: today.minus({ days: 29 }).toISODate()!, to: today.toISODate()! },
  });
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const s = data?.schedulingStats;
  const percent = s?.fillRate == null ? '—' : `${Math.round(s.fillRate * 100)}%`;
  const refill = s ? (s.medianMinutesToRefill == null ? '—' : t('{{minutes}} min', { minutes: s.medianMinutesToRefill })) : '…';
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 3 }} data-testid="scheduling-stats">
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>{t('Scheduling, last 30 days')}</Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6, md: 3 }}><StatCard label={t('Urgent visits')} value={s?.urgentVisits ?? '…'} /></Grid>
        <Grid size={{ xs: 6, md: 3 }}><StatCard label={t('No-shows')} value={s?.noShows ?? '…'} /></Grid>
        <Grid size={{ xs: 6, md: 3 }}><StatCard label={t('Waitlist fill rate')} value={s ? percent : '…'} hint={s && t('{{refilled}} of {{freed}} freed slots refilled', { refilled: s.refilledSlots, freed: s.freedSlots })} /></Grid>
        <Grid size={{ xs: 6, md: 3 }}><StatCard label={t('Median time to refill')} value={refill} /></Grid>
        {s && (s.noShowsByDoctor.length > 0) && (
          <>
            <Grid size={{ xs: 12, md: 6 }}>
              <Typography variant="subtitle2">{t('No-shows by doctor')}</Typography>
              <List dense>{s.noShowsByDoctor.slice(0, 5).map((d) => <ListItem key={d.id}><ListItemText primary={d.name} secondary={t('{{noShows}} of {{visits}} ended visits', { noShows: d.noShows, visits: d.visits })} /></ListItem>)}</List>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Typography variant="subtitle2">{t('No-shows by department')}</Typography>
              <List dense>{s.noShowsByDepartment.slice(0, 5).map((d) => <ListItem key={d.id}><ListItemText primary={d.name} secondary={t('{{noShows}} of {{visits}} ended visits', { noShows: d.noShows, visits: d.visits })} /></ListItem>)}</List>
            </Grid>
          </>
        )}
      </Grid>
    </Paper>
  );
}
