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

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
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

  if (loading && !data) return <Loading label="Loading weekly hours…" />;
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
      setFailure(other.length ? other.join(' ') : Object.keys(byRange).length ? 'Please fix the highlighted hours.' : errorMessage(e));
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
        <Box>
          <Typography variant="h6" component="h2">Weekly hours</Typography>
          <Typography variant="body2" color="text.secondary">
            Hospital time. Patients can book these hours, cut into slots. Booked appointments are kept when hours change.
          </Typography>
        </Box>
        <Button variant="contained" onClick={() => void submit()} disabled={saving.loading || !dirty}>
          {saving.loading ? 'Saving…' : 'Save weekly hours'}
        </Button>
      </Stack>
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      {saved && <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(false)}>Weekly hours saved.</Alert>}
      <Stack divider={<Divider flexItem />} spacing={1.5}>
        {WEEKDAYS.map((name, index) => {
          const weekday = index + 1;
          const dayRanges = ranges.filter((range) => range.weekday === weekday);
          return (
            <Stack key={weekday} direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }} aria-label={name} role="group">
              <Typography sx={{ width: 120, fontWeight: 600, pt: { md: 1 } }}>{name}</Typography>
              <Stack spacing={1.5} sx={{ flexGrow: 1 }}>
                {dayRanges.length === 0 && <Typography color="text.secondary" sx={{ pt: { md: 1 } }}>Not working</Typography>}
                {dayRanges.map((range) => {
                  const rangeErrors = errors[range.key] ?? {};
                  return (
                    <Stack key={range.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                      <TextField
                        label="From"
                        type="time"
                        size="small"
                        value={range.startTime}
                        onChange={(event) => change(range.key, { startTime: event.target.value })}
                        error={Boolean(rangeErrors.startTime)}
                        helperText={rangeErrors.startTime}
                        slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 300, 'aria-label': `${name} from` } }}
                        sx={{ maxWidth: 150 }}
                      />
                      <TextField
                        label="To"
                        type="time"
                        size="small"
                        value={range.endTime === '24:00' ? '23:59' : range.endTime}
                        onChange={(event) => change(range.key, { endTime: event.target.value })}
                        error={Boolean(rangeErrors.endTime)}
                        helperText={rangeErrors.endTime}
                        slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 300, 'aria-label': `${name} to` } }}
                        sx={{ maxWidth: 150 }}
                      />
                      <TextField
                        select
                        label="Slot"
                        size="small"
                        value={range.slotMinutes}
                        onChange={(event) => change(range.key, { slotMinutes: Number(event.target.value) })}
                        error={Boolean(rangeErrors.slotMinutes)}
                        helperText={rangeErrors.slotMinutes}
                        sx={{ maxWidth: 130 }}
                      >
                        {(SLOT_LENGTHS.includes(range.slotMinutes) ? SLOT_LENGTHS : [...SLOT_LENGTHS, range.slotMinutes].sort((a, b) => a - b)).map((minutes) => (
                          <MenuItem key={minutes} value={minutes}>{minutes} min</MenuItem>
                        ))}
                      </TextField>
                      <Tooltip title="Remove these hours">
                        <IconButton aria-label={`Remove ${name} ${range.startTime}`} onClick={() => remove(range.key)}><Close /></IconButton>
                      </Tooltip>
                    </Stack>
                  );
                })}
                <Box>
                  <Button size="small" startIcon={<Add />} onClick={() => add(weekday)} aria-label={`Add hours on ${name}`}>
                    Add hours
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
