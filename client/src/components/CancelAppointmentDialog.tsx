// Cancel one appointment, keeping the reason.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import { errorMessage, fieldErrors } from '../lib/errors';
import { formatDateTime } from '../lib/format';

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
      <DialogTitle>Cancel appointment?</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {props.appointment && (
            <>
              {props.appointment.patientName ? `${props.appointment.patientName} with ` : 'Your visit with '}
              <strong>{props.appointment.doctorName}</strong> on <strong>{formatDateTime(props.appointment.startsAt)}</strong> will be cancelled
              and the time offered to others.
            </>
          )}
        </DialogContentText>
        {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
        <TextField
          id="field-cancelReason"
          label="Reason"
          multiline
          minRows={2}
          value={reason}
          onChange={(event) => { setReason(event.target.value); setReasonError(undefined); }}
          error={Boolean(reasonError)}
          helperText={reasonError ?? 'Optional, kept with the appointment'}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={props.onClose}>Keep it</Button>
        <Button variant="contained" color="error" disabled={loading} onClick={() => void submit()}>
          {loading ? 'Cancelling…' : 'Cancel appointment'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
