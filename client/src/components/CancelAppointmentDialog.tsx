// Cancel one appointment, keeping the reason.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { Trans } from 'react-i18next';
import { graphql } from '../gql';
import { errorMessage, fieldErrors } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useT } from '../i18n';

const CancelAppointmentDocument = graphql(`
  mutation CancelAppointment($id: ID!, $reason: String) {
    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }
  }
`);

export function CancelAppointmentDialog(props: {
  appointment: { id: string; startsAt: string; doctorName: string; patientName?: string } | null;
  onClose(): void;
  onCancelled(): void;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [cancel, { loading }] = useMutation(CancelAppointmentDocument);
  const open = props.appointment !== null;

  useEffect(() => {
    if (open) { setReason(''); setReasonError(undefined); setFailure(null); }
  }, [open]);

  const submit = async () => {
    if (!props.appointment) return;
    setFailure(null);
    try {
      await cancel({ variables: { id: props.appointment.id, reason: reason.trim() || null } });
      props.onCancelled();
      props.onClose();
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields.reason) setReasonError(fields.reason);
      else setFailure(errorMessage(error));
    }
  };

  return (
    <Dialog open={open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('Cancel appointment?')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {props.appointment && (
            <>
              {props.appointment.patientName ? (
                <Trans
                  i18nKey="{{patient}} with <b>{{doctor}}</b> on <b>{{time}}</b> will be cancelled and the time offered to others."
                  values={{ patient: props.appointment.patientName, doctor: props.appointment.doctorName, time: formatDateTime(props.appointment.startsAt) }}
                  components={{ b: <strong /> }}
                />
              ) : (
                <Trans
                  i18nKey="Your visit with <b>{{doctor}}</b> on <b>{{time}}</b> will be cancelled and the time offered to others."
                  values={{ doctor: props.appointment.doctorName, time: formatDateTime(props.appointment.startsAt) }}
                  components={{ b: <strong /> }}
                />
              )}
            </>
          )}
        </DialogContentText>
        {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
        <TextField
          id="field-cancelReason"
          label={t('Reason')}
          multiline
          minRows={2}
          value={reason}
          onChange={(event) => { setReason(event.target.value); setReasonError(undefined); }}
          error={Boolean(reasonError)}
          helperText={reasonError ?? t('Optional, kept with the appointment')}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={props.onClose}>{t('Keep it')}</Button>
        <Button variant="contained" color="error" disabled={loading} onClick={() => void submit()}>
          {loading ? t('Cancelling…') : t('Cancel appointment')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
