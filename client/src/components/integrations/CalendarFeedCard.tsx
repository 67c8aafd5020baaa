// The signed-in doctor's or patient's secret calendar URL, to subscribe to in any calendar app;
// a new URL stops the old one (for a link that leaked).
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';

const MyCalendarFeedDocument = graphql(`
  query MyCalendarFeed { myCalendarFeed }
`);

const RotateCalendarFeedDocument = graphql(`
  mutation RotateCalendarFeed { rotateCalendarFeed }
`);

export function CalendarFeedCard() {
  const { t } = useT();
  const [load, { data, loading }] = useLazyQuery(MyCalendarFeedDocument, { fetchPolicy: 'network-only' });
  const [rotate, rotating] = useMutation(RotateCalendarFeedDocument);
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const shown = url ?? data?.myCalendarFeed ?? null;
  const run = async (action: () => Promise<string | undefined>) => {
    setFailure(null);
    try {
      const value = await action();
      if (value) setUrl(value);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 3 }}>
      <Typography variant="h6">{t('Calendar feed')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('Subscribe to your appointments in Google, Apple or Outlook calendar. Anyone with the link can read it: keep it private.')}
      </Typography>
      {shown && <TextField fullWidth value={shown} label={t('Calendar feed URL')} slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'calendar-feed-url' } }} sx={{ mb: 2 }} />}
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      <Stack direction="row" spacing={1}>
        {!shown && <Button variant="outlined" disabled={loading} onClick={() => void run(async () => (await load()).data?.myCalendarFeed)}>{t('Show my calendar link')}</Button>}
        {shown && <Button onClick={() => void navigator.clipboard?.writeText(shown)}>{t('Copy')}</Button>}
        {shown && <Button color="warning" disabled={rotating.loading} onClick={() => void run(async () => (await rotate()).data?.rotateCalendarFeed)}>{t('New link (the old one stops)')}</Button>}
      </Stack>
    </Paper>
  );
}
