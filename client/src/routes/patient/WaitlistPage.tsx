// The patient's waitlist: join for a doctor or a department, see the entries, and take or
// pass on a slot held for them (the hold ends at its expiry time; then the next waiter gets it).
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Button, Card, CardActions, CardContent, Checkbox, Chip, FormControlLabel, FormGroup, Grid, MenuItem, Paper, Stack, TextField, Typography,
} from '@mui/material';
import { DateTime } from 'luxon';
import '../../lib/luxon-locale';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { DayPeriod } from '../../gql/graphql';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { formatDateTime, formatLocalDate, formatTime } from '../../lib/format';
import { hospitalZone } from '../../lib/hospital-zone';
import { t, useT } from '../../i18n';

const WaitlistChoicesDocument = graphql(`
  query WaitlistChoices {
    departments { id name doctors { id fullName } }
  }
`);

const MyWaitlistDocument = graphql(`
  query MyWaitlist {
    myWaitlist {
      id status from to periods doctorName departmentName createdAt
      offer { id startsAt endsAt expiresAt doctorName }
    }
  }
`);

const JoinWaitlistDocument = graphql(`
  mutation JoinWaitlist($input: JoinWaitlistInput!) {
    joinWaitlist(input: $input) { id status }
  }
`);

const AcceptOfferDocument = graphql(`
  mutation AcceptWaitlistOffer($offerId: ID!) {
    acceptWaitlistOffer(offerId: $offerId) { id startsAt status doctor { id fullName } }
  }
`);

const DeclineOfferDocument = graphql(`
  mutation DeclineWaitlistOffer($offerId: ID!) {
    declineWaitlistOffer(offerId: $offerId) { id status offer { id } }
  }
`);

const LeaveWaitlistDocument = graphql(`
  mutation LeaveWaitlist($entryId: ID!) {
    leaveWaitlist(entryId: $entryId) { id status }
  }
`);

const dayPeriods = (): Array<{ value: DayPeriod; label: string }> => [
  { value: 'MORNING', label: t('Morning') },
  { value: 'AFTERNOON', label: t('Afternoon') },
  { value: 'EVENING', label: t('Evening') },
];

export function WaitlistPage() {
  const { t } = useT();
  const mine = useQuery(MyWaitlistDocument, { fetchPolicy: 'cache-and-network', pollInterval: 30_000 });
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refetch = () => void mine.refetch();
  const [accept, accepting] = useMutation(AcceptOfferDocument, { onCompleted: refetch });
  const [decline, declining] = useMutation(DeclineOfferDocument, { onCompleted: refetch });
  const [leave] = useMutation(LeaveWaitlistDocument, { onCompleted: refetch });
  const act = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try { await work(); } catch (error) { setFailure(errorMessage(error)); refetch(); }
  };
  const entries = mine.data?.myWaitlist ?? [];
  return (
    <>
      <PageHeader title={t('Waitlist')} subtitle={t('No free time that suits you? Wait for one: when a visit is cancelled, the slot is held for the first in line.')} />
      {notice && <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>{notice}</Alert>}
      {failure && <Alert severity="error" sx={{ mb: 2 }} onClose={() => setFailure(null)}>{failure}</Alert>}
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 5 }}>
          <JoinForm onJoined={() => { setNotice(t('You are on the waitlist. We will tell you when a slot is held for you.')); refetch(); }} />
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('My entries')}</Typography>
          {mine.loading && !mine.data && <Loading />}
          {mine.error && <ErrorState error={mine.error} onRetry={refetch} />}
          {mine.data && !entries.length && <EmptyState title={t('You are not waiting for anything')}>{t('Join on the left.')}</EmptyState>}
          <Stack spacing={2}>
            {entries.map((entry) => (
              <Card key={entry.id} data-testid="waitlist-entry" data-status={entry.status}>
                <CardContent>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography variant="subtitle1" component="h3">{entry.doctorName ?? t('Any doctor of {{department}}', { department: entry.departmentName })}</Typography>
                    <Chip size="small" label={entry.status === 'OFFERED' ? t('Slot held for you') : entry.status === 'BOOKED' ? t('Booked') : t('Waiting')}
                      color={entry.status === 'OFFERED' ? 'warning' : entry.status === 'BOOKED' ? 'success' : 'default'} />
                  </Stack>
                  <Typography color="text.secondary">
                    {entry.from === entry.to ? formatLocalDate(entry.from) : `${formatLocalDate(entry.from)} – ${formatLocalDate(entry.to)}`}
                    {' · '}{entry.periods.length ? entry.periods.map((p) => dayPeriods().find((x) => x.value === p)?.label).join(', ') : t('any time')}
                  </Typography>
                  {entry.offer && (
                    <Alert severity="warning" sx={{ mt: 1 }} data-testid="waitlist-offer">
                      {t('{{doctor}}, {{start}}–{{end}} is held for you until {{until}}.', {
                        doctor: entry.offer.doctorName, start: formatDateTime(entry.offer.startsAt), end: formatTime(entry.offer.endsAt), until: formatTime(entry.offer.expiresAt),
                      })}
                    </Alert>
                  )}
                </CardContent>
                <CardActions>
                  {entry.offer && (
                    <>
                      <Button variant="contained" disabled={accepting.loading}
                        onClick={() => void act(async () => {
                          const { data } = await accept({ variables: { offerId: entry.offer!.id } });
                          if (data) setNotice(t('Booked: {{doctor}}, {{time}}.', { doctor: data.acceptWaitlistOffer.doctor.fullName, time: formatDateTime(data.acceptWaitlistOffer.startsAt) }));
                        })}>{t('Book this slot')}</Button>
                      <Button disabled={declining.loading} onClick={() => void act(() => decline({ variables: { offerId: entry.offer!.id } }))}>{t('Not this one')}</Button>
                    </>
                  )}
                  {entry.status !== 'BOOKED' && <Button color="inherit" onClick={() => void act(() => leave({ variables: { entryId: entry.id } }))}>{t('Leave the waitlist')}</Button>}
                </CardActions>
              </Card>
            ))}
          </Stack>
        </Grid>
      </Grid>
    </>
  );
}

function JoinForm({ onJoined }: { onJoined(): void }) {
  const { t } = useT();
  const choices = useQuery(WaitlistChoicesDocument);
  const today = DateTime.now().setZone(hospitalZone() ?? 'local').toISODate()!;
  const [departmentId, setDepartmentId] = useState('');
  const [doctorId, setDoctorId] = useState('');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(DateTime.fromISO(today).plus({ days: 14 }).toISODate()!);
  const [periods, setPeriods] = useState<DayPeriod[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [join, { loading }] = useMutation(JoinWaitlistDocument);
  const department = choices.data?.departments.find((d) => d.id === departmentId);
  const submit = async () => {
    setFields({});
    setFailure(null);
    try {
      await join({ variables: { input: { doctorId: doctorId || null, departmentId: doctorId ? null : departmentId || null, from, to, periods } } });
      onJoined();
    } catch (error) {
      const f = fieldErrors(error);
      setFields(f);
      setFailure(Object.keys(f).length ? null : errorMessage(error));
    }
  };
  if (choices.error) return <ErrorState error={choices.error} onRetry={() => void choices.refetch()} />;
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>{t('Join the waitlist')}</Typography>
      <Stack spacing={2}>
        {failure && <Alert severity="error">{failure}</Alert>}
        <TextField select id="field-departmentId" label={t('Department')} value={departmentId} onChange={(e) => { setDepartmentId(e.target.value); setDoctorId(''); }}
          error={Boolean(fields.doctorId || fields.departmentId)} helperText={fields.doctorId || fields.departmentId}>
          {(choices.data?.departments ?? []).map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
        </TextField>
        <TextField select id="field-doctorId" label={t('Doctor')} value={doctorId} onChange={(e) => setDoctorId(e.target.value)} disabled={!department}>
          <MenuItem value=""><em>{t('Any doctor of the department')}</em></MenuItem>
          {(department?.doctors ?? []).map((d) => <MenuItem key={d.id} value={d.id}>{d.fullName}</MenuItem>)}
        </TextField>
        <Stack direction="row" spacing={2}>
          <TextField id="field-from" label={t('From')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={Boolean(fields.from)} helperText={fields.from} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField id="field-to" label={t('To')} type="date" value={to} onChange={(e) => setTo(e.target.value)} error={Boolean(fields.to)} helperText={fields.to} slotProps={{ inputLabel: { shrink: true } }} />
        </Stack>
        <FormGroup row>
          {dayPeriods().map((p) => (
            <FormControlLabel key={p.value} label={p.label} control={
              <Checkbox checked={periods.includes(p.value)} onChange={(e) => setPeriods((list) => e.target.checked ? [...list, p.value] : list.filter((x) => x !== p.value))} />
            } />
          ))}
        </FormGroup>
        <Typography variant="caption" color="text.secondary">{t('No part of the day ticked: any time suits.')}</Typography>
        <Button variant="contained" disabled={loading || !departmentId} onClick={() => void submit()}>{t('Join the waitlist')}</Button>
      </Stack>
    </Paper>
  );
}
