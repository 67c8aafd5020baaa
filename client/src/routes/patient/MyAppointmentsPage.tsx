import { useQuery } from '@apollo/client/react';
import { Alert, Button, Stack, Tab, Tabs } from '@mui/material';
import Add from '@mui/icons-material/Add';
import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { AppointmentCard } from '../../components/AppointmentCard';
import { CancelAppointmentDialog } from '../../components/CancelAppointmentDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { RescheduleDialog } from '../../components/RescheduleDialog';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../i18n';

const MyAppointmentsDocument = graphql(`
  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {
    myAppointments(upcoming: $upcoming, after: $after, first: $first) {
      totalCount
      nextCursor
      items {
        id
        startsAt
        status
        doctor { id fullName }
        ...AppointmentCard_appointment
      }
    }
  }
`);

const PAGE_SIZE = 10;

interface Target { id: string; startsAt: string; doctorId: string; doctorName: string }

/** The patient's visits: upcoming (soonest first) and past, paged with "Show more". */
export function MyAppointmentsPage() {
  const { t } = useT();
  const location = useLocation();
  const booked = (location.state as { booked?: { startsAt: string; doctorName: string } } | null)?.booked;
  const [tab, setTab] = useState<'upcoming' | 'past'>('upcoming');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [moving, setMoving] = useState<Target | null>(null);
  const [cancelling, setCancelling] = useState<Target | null>(null);
  const [notice, setNotice] = useState<string | null>(
    booked ? t('Booked: {{doctor}} on {{time}}.', { doctor: booked.doctorName, time: formatDateTime(booked.startsAt) }) : null,
  );
  const [version, setVersion] = useState(0);

  const switchTab = (next: 'upcoming' | 'past') => { setTab(next); setCursors([null]); };
  const reload = () => { setCursors([null]); setVersion((v) => v + 1); };

  return (
    <>
      <PageHeader
        title={t('My appointments')}
        subtitle={t('Your visits. Scheduled ones can be moved or cancelled before they start.')}
        actions={<Button component={RouterLink} to="/patient/book" variant="contained" startIcon={<Add />}>{t('Book a visit')}</Button>}
      />
      {notice && <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>{notice}</Alert>}
      <Tabs value={tab} onChange={(_e, value) => switchTab(value)} sx={{ mb: 2 }}>
        <Tab value="upcoming" label={t('Upcoming')} />
        <Tab value="past" label={t('Past')} />
      </Tabs>
      <Stack spacing={2} key={`${tab}-${version}`}>
        {cursors.map((after, index) => (
          <AppointmentsChunk
            key={after ?? 'first'}
            upcoming={tab === 'upcoming'}
            after={after}
            first={index === 0}
            onMore={index === cursors.length - 1 ? (cursor) => setCursors((list) => [...list, cursor]) : undefined}
            onReschedule={setMoving}
            onCancel={setCancelling}
          />
        ))}
      </Stack>
      <RescheduleDialog
        appointment={moving}
        onClose={() => setMoving(null)}
        onMoved={() => { setNotice(t('Your appointment was moved.')); reload(); }}
      />
      <CancelAppointmentDialog
        appointment={cancelling}
        onClose={() => setCancelling(null)}
        onCancelled={() => { setNotice(t('Your appointment was cancelled.')); reload(); }}
      />
    </>
  );
}

function AppointmentsChunk(props: {
  upcoming: boolean;
  after: string | null;
  first: boolean;
  onMore?: (cursor: string) => void;
  onReschedule(target: Target): void;
  onCancel(target: Target): void;
}) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(MyAppointmentsDocument, {
    variables: { upcoming: props.upcoming, after: props.after, first: PAGE_SIZE },
    fetchPolicy: 'network-only',
  });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const page = data?.myAppointments;
  if (!page) return null;
  if (props.first && page.items.length === 0) {
    return props.upcoming ? (
      <EmptyState title={t('No upcoming visits')} action={<Button component={RouterLink} to="/patient/book" variant="contained">{t('Book a visit')}</Button>}>
        {t('When you book a visit it appears here.')}</EmptyState>
    ) : <EmptyState title={t('No past visits yet')} />;
  }
  const now = Date.now();
  return (
    <>
      {page.items.map((appointment) => {
        const target = { id: appointment.id, startsAt: appointment.startsAt, doctorId: appointment.doctor.id, doctorName: appointment.doctor.fullName };
        const changeable = appointment.status === 'SCHEDULED' && new Date(appointment.startsAt).getTime() > now;
        return (
          <AppointmentCard
            key={appointment.id}
            appointment={appointment}
            onReschedule={changeable ? () => props.onReschedule(target) : undefined}
            onCancel={changeable ? () => props.onCancel(target) : undefined}
          />
        );
      })}
      {props.onMore && page.nextCursor && (
        <Button variant="outlined" onClick={() => props.onMore?.(page.nextCursor!)} sx={{ alignSelf: 'center' }}>{t('Show more')}</Button>
      )}
    </>
  );
}
