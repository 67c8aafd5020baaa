// The next days of one doctor with their free-slot counts; full days cannot be picked.
import { useQuery } from '@apollo/client/react';
import { Box, ButtonBase, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { useRef, type KeyboardEvent } from 'react';
import { graphql } from '../../gql';
import { luxonLocale } from '../../lib/luxon-locale';
import { EmptyState, ErrorState, Loading } from '../QueryState';
import { useT } from '../../i18n';

const AvailableDaysDocument = graphql(`
  query AvailableDays($doctorId: ID!, $days: Int) {
    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }
  }
`);

export function DayPicker(props: { doctorId: string; days?: number; selected: string | null; onSelect(date: string): void }) {
  const { t } = useT();
  const list = useRef<HTMLDivElement>(null);
  const { data, loading, error, refetch } = useQuery(AvailableDaysDocument, {
    variables: { doctorId: props.doctorId, days: props.days ?? null },
    fetchPolicy: 'network-only',
  });
  if (loading && !data) return <Loading label={t('Finding free days…')} />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const days = data?.availableDays ?? [];
  if (!days.some((day) => day.freeSlots > 0)) {
    return <EmptyState title={t('No free times')}>{t('This doctor has no free slots in the booking window. Try another doctor.')}</EmptyState>;
  }
  // One tab stop for the whole list (the chosen day, else the first free one); arrow keys,
  // Home and End move between free days, Enter or Space picks (roving tabindex).
  const focusable = days.find((day) => day.date === props.selected && day.freeSlots > 0)?.date ?? days.find((day) => day.freeSlots > 0)?.date;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const options = Array.from(list.current?.querySelectorAll<HTMLElement>('[role=option]:not([disabled])') ?? []);
    const at = options.indexOf(document.activeElement as HTMLElement);
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let next = -1;
    if (event.key in step) next = Math.min(options.length - 1, Math.max(0, (at < 0 ? 0 : at) + step[event.key]!));
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = options.length - 1;
    if (next < 0) return;
    event.preventDefault();
    options.forEach((option, i) => { option.tabIndex = i === next ? 0 : -1; });
    options[next]?.focus();
  };
  return (
    <Box
      ref={list}
      role="listbox"
      aria-label={t('Days')}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(112px, 1fr))' }}
    >
      {days.map((day) => {
        const date = DateTime.fromISO(day.date).setLocale(luxonLocale());
        const full = day.freeSlots === 0;
        const selected = props.selected === day.date;
        return (
          <ButtonBase
            key={day.date}
            role="option"
            aria-selected={selected}
            // The visible text ("Mon 7 Dec 5 free") is the name (axe: label-content-name-mismatch).
            tabIndex={day.date === focusable ? 0 : -1}
            disabled={full}
            aria-disabled={full || undefined}
            onClick={() => props.onSelect(day.date)}
            sx={{
              flexDirection: 'column',
              py: 1.5,
              borderRadius: 2,
              border: 1,
              borderColor: selected ? 'primary.main' : 'divider',
              bgcolor: selected ? 'primary.main' : full ? 'action.hover' : 'background.paper',
              color: selected ? 'primary.contrastText' : full ? 'text.disabled' : 'text.primary',
              transition: 'all 120ms',
              '&:hover': { borderColor: 'primary.main' },
            }}
          >
            <Typography variant="body2" sx={{ opacity: 0.8 }}>{date.toLocaleString({ weekday: 'short' })}</Typography>
            <Typography variant="h6" component="span">{date.toLocaleString({ day: 'numeric', month: 'short' })}</Typography>
            <Typography variant="caption" sx={{ fontWeight: 600, color: selected ? 'inherit' : full ? 'text.disabled' : 'success.main' }}>
              {full ? t('Full') : t('{{count}} free', { count: day.freeSlots })}
            </Typography>
          </ButtonBase>
        );
      })}
    </Box>
  );
}
