// A doctor's weekly hours: several ranges per weekday, each with its slot length.
// Saving replaces all rules at once (setWeeklyAvailability).
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Box, Button, Divider, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import Close from '@mui/icons-material/Close';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { ErrorState, Loading } from '../QueryState';
import { t, useT } from '../../i18n';

const WeeklyAvailabilityDocument = graphql(`
  query WeeklyAvailability($doctorId: ID!) {
    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }
  }
`);

const SetWeeklyAvailabilityDocument = graphql(`
  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {
    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }
  }
`);

/** ISO weekday 1-7 (Monday first) by name, in the interface's language. */
function weekdayName(weekday: number): string {
  return [t('Monday'), t('Tuesday'), t('Wednesday'), t('Thursday'), t('Friday'), t('Saturday'), t('Sunday')][weekday - 1] ?? String(weekday);
}
const WEEKDAY_NUMBERS = [1, 2, 3, 4, 5, 6, 7];
const SLOT_LENGTHS = [10, 15, 20, 30, 45, 60, 90, 120];

interface Range {
  key: number;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
}

type RangeErrors = Partial<Record<'startTime' | 'endTime' | 'slotMinutes' | 'weekday', string>>;

let nextKey = 1;

export function WeeklyHoursEditor({ doctorId }: { doctorId: string }) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(WeeklyAvailabilityDocument, { variables: { doctorId }, fetchPolicy: 'network-only' });
  const [ranges, setRanges] = useState<Range[]>([]);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<number, RangeErrors>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, saving] = useMutation(SetWeeklyAvailabilityDocument);

  useEffect(() => {
    if (!data || dirty) return;
    setRanges(data.weeklyAvailability.map((rule) => ({ key: nextKey++, weekday: rule.weekday, startTime: rule.startTime, endTime: rule.endTime, slotMinutes: rule.slotMinutes })));
  }, [data, dirty]);

  if (loading && !data) return <Loading label={t('Loading weekly hours…')} />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;

  const change = (key: number, patch: Partial<Range>) => {
    setDirty(true);
    setSaved(false);
    setRanges((list) => list.map((range) => (range.key === key ? { ...range, ...patch } : range)));
    setErrors((all) => { const { [key]: _gone, ...rest } = all; return rest; });
  };
  const add = (weekday: number) => {
    setDirty(true);
    setSaved(false);
    const sameDay = ranges.filter((range) => range.weekday === weekday);
    const last = sameDay[sameDay.length - 1];
    const fresh = last
      ? { startTime: last.endTime < '14:00' ? '14:00' : last.endTime, endTime: last.endTime < '14:00' ? '17:00' : '20:00' }
      : { startTime: '09:00', endTime: '12:00' };
    setRanges((list) => [...list, { key: nextKey++, weekday, ...fresh, slotMinutes: last?.slotMinutes ?? 30 }]);
  };
  const remove = (key: number) => {
    setDirty(true);
    setSaved(false);
    setRanges((list) => list.filter((range) => range.key !== key));
  };

  const submit = async () => {
    setFailure(null);
    setSaved(false);
    const ordered = [...ranges].sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));
    try {
      await save({
        variables: {
          doctorId,
          rules: ordered.map(({ weekday, startTime, endTime, slotMinutes }) => ({ weekday, startTime, endTime, slotMinutes })),
        },
      });
      setErrors({});
      setDirty(false);
      setSaved(true);
      await refetch();
    } catch (e) {
      // Fields come back as "rules.<index>.<field>": put each next to its range.
      const byRange: Record<number, RangeErrors> = {};
      const other: string[] = [];
      for (const [path, message] of Object.entries(fieldErrors(e))) {
        const match = /^rules\.(\d+)\.?(\w+)?$/.exec(path);
        const range = match ? ordered[Number(match[1])] : undefined;
        if (range) {
          const field = (match?.[2] ?? 'startTime') as keyof RangeErrors;
          byRange[range.key] = { ...byRange[range.key], [field]: message };
        } else {
          other.push(message);
        }
      }
      setErrors(byRange);
      setFailure(other.length ? other.join(' ') : Object.keys(byRange).length ? t('Please fix the highlighted hours.') : errorMessage(e));
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
        <Box>
          <Typography variant="h6" component="h2">{t('Weekly hours')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('Hospital time. Patients can book these hours, cut into slots. Booked appointments are kept when hours change.')}
          </Typography>
        </Box>
        <Button variant="contained" onClick={() => void submit()} disabled={saving.loading || !dirty}>
          {saving.loading ? t('Saving…') : t('Save weekly hours')}
        </Button>
      </Stack>
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      {saved && <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(false)}>{t('Weekly hours saved.')}</Alert>}
      <Stack divider={<Divider flexItem />} spacing={1.5}>
        {WEEKDAY_NUMBERS.map((weekday) => {
          const name = weekdayName(weekday);
          const dayRanges = ranges.filter((range) => range.weekday === weekday);
          return (
            <Stack key={weekday} direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }} aria-label={name} role="group">
              <Typography sx={{ width: 120, fontWeight: 600, pt: { md: 1 } }}>{name}</Typography>
              <Stack spacing={1.5} sx={{ flexGrow: 1 }}>
                {dayRanges.length === 0 && <Typography color="text.secondary" sx={{ pt: { md: 1 } }}>{t('Not working')}</Typography>}
                {dayRanges.map((range) => {
                  const rangeErrors = errors[range.key] ?? {};
                  return (
                    // On a phone From and To share the first line, slot and remove the second: four fields in
                    // one 390 px row cut the times to "09:(".
                    <Box
                      key={range.key}
                      sx={{
                        display: 'grid',
                        gap: 1,
                        alignItems: 'start',
                        gridTemplateColumns: { xs: 'minmax(0, 1fr) minmax(0, 1fr)', sm: '150px 150px 130px auto' },
                        gridTemplateAreas: { xs: '"from to" "slot remove"', sm: '"from to slot remove"' },
                      }}
                    >
                      <TextField
                        label={t('From')}
                        type="time"
                        size="small"
                        value={range.startTime}
                        onChange={(event) => change(range.key, { startTime: event.target.value })}
                        error={Boolean(rangeErrors.startTime)}
                        helperText={rangeErrors.startTime}
                        slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 300, 'aria-label': t('{{day}} from', { day: name }) } }}
                        sx={{ gridArea: 'from' }}
                      />
                      <TextField
                        label={t('To')}
                        type="time"
                        size="small"
                        value={range.endTime === '24:00' ? '23:59' : range.endTime}
                        onChange={(event) => change(range.key, { endTime: event.target.value })}
                        error={Boolean(rangeErrors.endTime)}
                        helperText={rangeErrors.endTime}
                        slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 300, 'aria-label': t('{{day}} to', { day: name }) } }}
                        sx={{ gridArea: 'to' }}
                      />
                      <TextField
                        select
                        label={t('Slot')}
                        size="small"
                        value={range.slotMinutes}
                        onChange={(event) => change(range.key, { slotMinutes: Number(event.target.value) })}
                        error={Boolean(rangeErrors.slotMinutes)}
                        helperText={rangeErrors.slotMinutes}
                        sx={{ gridArea: 'slot' }}
                      >
                        {(SLOT_LENGTHS.includes(range.slotMinutes) ? SLOT_LENGTHS : [...SLOT_LENGTHS, range.slotMinutes].sort((a, b) => a - b)).map((minutes) => (
                          <MenuItem key={minutes} value={minutes}>{t('{{number}} min', { number: minutes })}</MenuItem>
                        ))}
                      </TextField>
                      <Tooltip title={t('Remove these hours')}>
                        <IconButton
                          aria-label={t('Remove {{day}} {{time}}', { day: name, time: range.startTime })}
                          onClick={() => remove(range.key)}
                          sx={{ gridArea: 'remove', justifySelf: 'start' }}
                        >
                          <Close />
                        </IconButton>
                      </Tooltip>
                    </Box>
                  );
                })}
                <Box>
                  <Button size="small" startIcon={<Add />} onClick={() => add(weekday)} aria-label={t('Add hours on {{day}}', { day: name })}>
                    {t('Add hours')}
                  </Button>
                </Box>
              </Stack>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
