// The free slots of one doctor's day, grouped into morning, afternoon and evening.
import { useQuery } from '@apollo/client/react';
import { Box, Button, Stack, Typography } from '@mui/material';
import WbSunnyOutlined from '@mui/icons-material/WbSunnyOutlined';
import WbTwilight from '@mui/icons-material/WbTwilight';
import NightsStayOutlined from '@mui/icons-material/NightsStayOutlined';
import type { ReactNode } from 'react';
import { graphql } from '../../gql';
import type { DayPeriod } from '../../gql/graphql';
import { displayZone, formatTime } from '../../lib/format';
import { useLiveSlots } from '../../live/useLiveSlots';
import { EmptyState, ErrorState, Loading } from '../QueryState';
import { t, useT } from '../../i18n';

export const AvailableSlotsDocument = graphql(`
  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {
    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }
  }
`);

export interface PickedSlot {
  startsAt: string;
  endsAt: string;
}

const periods = (): Array<{ period: DayPeriod; label: string; icon: ReactNode }> => [
  { period: 'MORNING', label: t('Morning'), icon: <WbSunnyOutlined fontSize="small" /> },
  { period: 'AFTERNOON', label: t('Afternoon'), icon: <WbTwilight fontSize="small" /> },
  { period: 'EVENING', label: t('Evening'), icon: <NightsStayOutlined fontSize="small" /> },
];

export function SlotPicker(props: { doctorId: string; date: string; selected: string | null; onSelect(slot: PickedSlot): void }) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(AvailableSlotsDocument, {
    variables: { doctorId: props.doctorId, date: props.date },
    fetchPolicy: 'network-only',
  });
  // Someone else booking a slot greys it out at once; a freed one reloads the list.
  const live = useLiveSlots(props.doctorId, () => void refetch());
  if (loading && !data) return <Loading label={t('Loading free times…')} />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const slots = data?.availableSlots ?? [];
  if (slots.length === 0) return <EmptyState title={t('No free times left on this day')}>{t('Pick another day.')}</EmptyState>;
  return (
    <Stack spacing={2.5}>
      {periods().map(({ period, label, icon }) => {
        const inPeriod = slots.filter((slot) => slot.period === period);
        if (inPeriod.length === 0) return null;
        return (
          <Box key={period} component="section" aria-label={label}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, color: 'text.secondary' }}>
              {icon}
              <Typography variant="subtitle2" component="h3">{label}</Typography>
              <Typography variant="caption">· {t('{{count}} free', { count: inPeriod.length })}</Typography>
            </Stack>
            <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(92px, 1fr))' }}>
              {inPeriod.map((slot) => {
                const selected = props.selected === slot.startsAt;
                const taken = live.isTaken(slot.startsAt);
                return (
                  <Button
                    key={slot.startsAt}
                    variant={selected ? 'contained' : 'outlined'}
                    aria-pressed={selected}
                    data-starts-at={slot.startsAt}
                    disabled={taken}
                    title={taken ? t('Just taken') : undefined}
                    sx={taken ? { '&.Mui-disabled': { textDecoration: 'line-through', color: 'text.disabled', borderColor: 'divider', bgcolor: 'action.disabledBackground' } } : undefined}
                    onClick={() => props.onSelect({ startsAt: slot.startsAt, endsAt: slot.endsAt })}
                  >
                    {formatTime(slot.startsAt)}
                  </Button>
                );
              })}
            </Box>
          </Box>
        );
      })}
      <Typography variant="caption" color="text.secondary">{t('Times are shown in {{zone}}.', { zone: displayZone() })}</Typography>
    </Stack>
  );
}
