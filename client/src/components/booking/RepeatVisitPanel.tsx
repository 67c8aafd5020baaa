// Book the chosen slot as a recurring series: every N weeks or monthly on the same weekday,
// a count, and what to do with clashes. Each clash is listed with its date and reason.
import { useMutation } from '@apollo/client/react';
import { Alert, Box, Button, Collapse, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import Repeat from '@mui/icons-material/Repeat';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { BookAppointmentSeriesMutation, SeriesMode, SeriesRepeat } from '../../gql/graphql';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { t, useT } from '../../i18n';

const BookAppointmentSeriesDocument = graphql(`
  mutation BookAppointmentSeries($input: BookAppointmentSeriesInput!) {
    bookAppointmentSeries(input: $input) {
      seriesId
      booked { id startsAt endsAt status seriesId doctor { id fullName } }
      skipped { startsAt code message }
    }
  }
`);

export type SeriesBooking = BookAppointmentSeriesMutation['bookAppointmentSeries'];

const rules = (): Array<{ value: string; label: string; repeat: SeriesRepeat; everyWeeks: number | null }> => [
  { value: 'w1', label: t('Every week'), repeat: 'WEEKLY', everyWeeks: 1 },
  { value: 'w2', label: t('Every 2 weeks'), repeat: 'WEEKLY', everyWeeks: 2 },
  { value: 'w4', label: t('Every 4 weeks'), repeat: 'WEEKLY', everyWeeks: 4 },
  { value: 'm', label: t('Monthly, same weekday of the month'), repeat: 'MONTHLY_WEEKDAY', everyWeeks: null },
];

export function RepeatVisitPanel(props: { doctorId: string; startsAt: string; patientId?: string; reason: string; onBooked(result: SeriesBooking): void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [rule, setRule] = useState('w1');
  const [count, setCount] = useState('6');
  const [mode, setMode] = useState<SeriesMode>('BOOK_WHAT_FITS');
  const [result, setResult] = useState<SeriesBooking | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [book, { loading }] = useMutation(BookAppointmentSeriesDocument);
  const chosen = rules().find((r) => r.value === rule)!;

  const submit = async () => {
    setFailure(null);
    setFields({});
    setResult(null);
    try {
      const { data } = await book({
        variables: {
          input: {
            doctorId: props.doctorId, startsAt: props.startsAt, repeat: chosen.repeat, everyWeeks: chosen.everyWeeks,
            count: Number(count), mode, patientId: props.patientId ?? null, reason: props.reason.trim() || null,
          },
        },
      });
      if (!data) return;
      setResult(data.bookAppointmentSeries);
      if (data.bookAppointmentSeries.booked.length) props.onBooked(data.bookAppointmentSeries);
    } catch (error) {
      const f = fieldErrors(error);
      setFields(f);
      if (!Object.keys(f).length) setFailure(errorMessage(error));
      else setFailure(Object.values(f).join(' '));
    }
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Button startIcon={<Repeat />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>{t('Make it a recurring visit')}</Button>
      <Collapse in={open}>
        <Stack spacing={2} sx={{ mt: 1 }} data-testid="series-form">
          <TextField select id="field-seriesRule" label={t('Repeat')} value={rule} onChange={(e) => setRule(e.target.value)}>
            {rules().map((r) => <MenuItem key={r.value} value={r.value}>{r.label}</MenuItem>)}
          </TextField>
          <TextField id="field-seriesCount" label={t('Number of visits (2 to 12)')} type="number" value={count} onChange={(e) => setCount(e.target.value)}
            error={Boolean(fields.count)} helperText={fields.count} slotProps={{ htmlInput: { min: 2, max: 12 } }} />
          <TextField select id="field-seriesMode" label={t('If some dates are taken')} value={mode} onChange={(e) => setMode(e.target.value as SeriesMode)}>
            <MenuItem value="BOOK_WHAT_FITS">{t('Book the dates that are free')}</MenuItem>
            <MenuItem value="ALL_OR_NOTHING">{t('Book nothing unless every date is free')}</MenuItem>
          </TextField>
          {failure && <Alert severity="error">{failure}</Alert>}
          <Button variant="outlined" disabled={loading} onClick={() => void submit()}>{loading ? t('Booking…') : t('Book the series')}</Button>
          {result && (
            <Box data-testid="series-result">
              <Alert severity={result.skipped.length ? 'warning' : 'success'}>
                {result.booked.length ? t('Booked {{count}} visits.', { count: result.booked.length }) : t('Nothing was booked.')}
                {result.skipped.length ? ` ${t('{{count}} dates could not be booked:', { count: result.skipped.length })}` : ''}
              </Alert>
              <List dense>
                {result.booked.map((a) => <ListItem key={a.id}><ListItemText primary={formatDateTime(a.startsAt)} secondary={t('Booked')} /></ListItem>)}
                {result.skipped.map((c) => (
                  <ListItem key={c.startsAt} data-testid="series-clash">
                    <ListItemText primary={formatDateTime(c.startsAt)} secondary={<Typography component="span" variant="body2" color="warning.main">{c.message}</Typography>} />
                  </ListItem>
                ))}
              </List>
            </Box>
          )}
        </Stack>
      </Collapse>
    </Box>
  );
}
