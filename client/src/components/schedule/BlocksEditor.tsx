// Time a doctor cannot be booked although inside their weekly hours: leave, surgery, single slots.
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Box, Button, Checkbox, Chip, FormControlLabel, Grid, IconButton, List, ListItem, ListItemText, MenuItem, Paper, Stack,
  TextField, Tooltip, Typography,
} from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { BlockReason } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { blankToNull, useForm } from '../../lib/form';
import { displayZone, formatDateTime } from '../../lib/format';
import { hospitalZone } from '../../lib/hospital-zone';
import { DateTime } from 'luxon';
import { EmptyState, ErrorState, Loading } from '../QueryState';
import { t, useT } from '../../i18n';

const AvailabilityBlocksDocument = graphql(`
  query AvailabilityBlocks($doctorId: ID!) {
    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }
  }
`);

const AddAvailabilityBlockDocument = graphql(`
  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {
    addAvailabilityBlock(input: $input) { id }
  }
`);

const RemoveAvailabilityBlockDocument = graphql(`
  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }
`);

const REASONS: BlockReason[] = ['LEAVE', 'SURGERY', 'BLOCKED_SLOT'];

function reasonLabel(reason: BlockReason): string {
  switch (reason) {
    case 'LEAVE': return t('Leave');
    case 'SURGERY': return t('Surgery');
    case 'BLOCKED_SLOT': return t('Blocked time');
  }
  return reason;
}

/**
 * <input type="datetime-local"> gives a wall time with no zone: read it in the hospital's zone (like
 * the weekly hours), not the browser's, and send the UTC instant the API wants.
 */
function toInstant(local: string): string | null {
  if (!local) return null;
  const time = DateTime.fromISO(local, { zone: hospitalZone() ?? 'local' });
  return time.isValid ? time.toUTC().toISO() : null;
}

export function BlocksEditor({ doctorId, canCancelAppointments = false }: { doctorId: string; canCancelAppointments?: boolean }) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(AvailabilityBlocksDocument, { variables: { doctorId }, fetchPolicy: 'network-only' });
  const form = useForm({ startsAt: '', endsAt: '', reason: 'LEAVE', note: '' });
  const [cancelAppointments, setCancelAppointments] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [add, adding] = useMutation(AddAvailabilityBlockDocument);
  const [remove] = useMutation(RemoveAvailabilityBlockDocument);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const startsAt = toInstant(form.values.startsAt);
    const endsAt = toInstant(form.values.endsAt);
    if (!startsAt || !endsAt) {
      form.setErrors({ ...(startsAt ? {} : { startsAt: t('Pick a start') }), ...(endsAt ? {} : { endsAt: t('Pick an end') }) });
      return;
    }
    try {
      await add({
        variables: {
          input: { doctorId, startsAt, endsAt, reason: form.values.reason as BlockReason, note: blankToNull(form.values.note), cancelAppointments },
        },
      });
      form.reset();
      setCancelAppointments(false);
      await refetch();
    } catch (e) {
      if (!form.showServerErrors(e)) setFailure(errorMessage(e));
    }
  };

  const removeBlock = async (id: string) => {
    setRemoveError(null);
    try {
      await remove({ variables: { id } });
      await refetch();
    } catch (e) {
      setRemoveError(errorMessage(e));
    }
  };

  const blocks = data?.availabilityBlocks ?? [];
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
      <Typography variant="h6" component="h2">{t('Time off and blocked slots')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {canCancelAppointments
          ? t('Patients cannot book inside a block. A block over booked appointments is refused unless you cancel them.')
          : t('Patients cannot book inside a block. A block over booked appointments is refused.')}
        {' '}{t("Times are in the hospital's time zone, {{zone}}.", { zone: displayZone() })}
      </Typography>
      <Box component="form" onSubmit={submit} noValidate sx={{ mb: 3 }}>
        {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField label={t('From')} type="datetime-local" size="small" slotProps={{ inputLabel: { shrink: true } }} {...form.field('startsAt')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField label={t('Until')} type="datetime-local" size="small" slotProps={{ inputLabel: { shrink: true } }} {...form.field('endsAt')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 2 }}>
            <TextField select label={t('Reason')} size="small" {...form.field('reason')}>
              {REASONS.map((reason) => <MenuItem key={reason} value={reason}>{reasonLabel(reason)}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 2 }}>
            <TextField label={t('Note')} size="small" {...form.field('note')} />
          </Grid>
          <Grid size={{ xs: 12, md: 2 }}>
            <Button type="submit" variant="outlined" fullWidth disabled={adding.loading} sx={{ height: 40 }}>{t('Add block')}</Button>
          </Grid>
        </Grid>
        {canCancelAppointments && (
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={cancelAppointments} onChange={(event) => setCancelAppointments(event.target.checked)} />}
            label={t('Cancel appointments already booked inside this time')}
          />
        )}
      </Box>
      {removeError && <Alert severity="error" sx={{ mb: 2 }}>{removeError}</Alert>}
      {loading && !data ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : blocks.length === 0 ? (
        <EmptyState title={t('No upcoming blocks')}>{t('All weekly hours are open for booking.')}</EmptyState>
      ) : (
        <List disablePadding aria-label={t('Blocks')}>
          {blocks.map((block) => (
            <ListItem
              key={block.id}
              divider
              secondaryAction={
                <Tooltip title={t('Remove block')}>
                  <IconButton edge="end" aria-label={t('Remove block')} onClick={() => void removeBlock(block.id)}><DeleteOutline /></IconButton>
                </Tooltip>
              }
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Chip size="small" label={reasonLabel(block.reason)} color={block.reason === 'SURGERY' ? 'secondary' : 'default'} />
                    <span>{formatDateTime(block.startsAt)} – {formatDateTime(block.endsAt)}</span>
                  </Stack>
                }
                secondary={block.note}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
