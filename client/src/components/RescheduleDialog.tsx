// Move an appointment to another free slot of the same doctor (atomic on the server).
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography, useMediaQuery, useTheme } from '@mui/material';
import { useEffect, useState } from 'react';
import { Trans } from 'react-i18next';
import { graphql } from '../gql';
import { errorCode, errorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { DayPicker } from './booking/DayPicker';
import { SlotPicker, type PickedSlot } from './booking/SlotPicker';
import { useT } from '../i18n';

const RescheduleAppointmentDocument = graphql(`
  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {
    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }
  }
`);

export function RescheduleDialog(props: {
  appointment: { id: string; startsAt: string; doctorId: string; doctorName: string } | null;
  onClose(): void;
  onMoved(): void;
}) {
  const { t } = useT();
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [slotsVersion, setSlotsVersion] = useState(0);
  const [reschedule, { loading }] = useMutation(RescheduleAppointmentDocument);
  const open = props.appointment !== null;

  useEffect(() => {
    if (open) { setDate(null); setSlot(null); setFailure(null); }
  }, [open]);

  const submit = async () => {
    if (!props.appointment || !slot) return;
    setFailure(null);
    try {
      await reschedule({ variables: { id: props.appointment.id, startsAt: slot.startsAt } });
      props.onMoved();
      props.onClose();
    } catch (error) {
      if (errorCode(error) === 'SLOT_UNAVAILABLE') {
        setSlot(null);
        setSlotsVersion((v) => v + 1);
        setFailure(t('That time was just taken or is no longer available. Please pick another.'));
      } else {
        setFailure(errorMessage(error));
      }
    }
  };

  return (
    <Dialog open={open} onClose={props.onClose} maxWidth="md" fullWidth fullScreen={fullScreen}>
      <DialogTitle>{t('Reschedule appointment')}</DialogTitle>
      <DialogContent>
        {props.appointment && (
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            <Trans
              i18nKey="With <b>{{doctor}}</b>, now on <b>{{time}}</b>. Pick a new day and time."
              values={{ doctor: props.appointment.doctorName, time: formatDateTime(props.appointment.startsAt) }}
              components={{ b: <strong /> }}
            />
          </Typography>
        )}
        {failure && <Alert severity="warning" sx={{ mb: 2 }}>{failure}</Alert>}
        {props.appointment && (
          <Stack spacing={3}>
            <DayPicker doctorId={props.appointment.doctorId} selected={date} onSelect={(d) => { setDate(d); setSlot(null); }} />
            {date && (
              <SlotPicker
                key={`${date}-${slotsVersion}`}
                doctorId={props.appointment.doctorId}
                date={date}
                selected={slot?.startsAt ?? null}
                onSelect={setSlot}
              />
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={props.onClose}>{t('Close')}</Button>
        <Button variant="contained" disabled={!slot || loading} onClick={() => void submit()}>
          {slot ? t('Move to {{time}}', { time: formatDateTime(slot.startsAt) }) : t('Move')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
