// "Cancel this appointment?" on the day view, with an optional reason (loaded on demand, DayPage).
import { TextField } from '@mui/material';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function DayCancelDialog(props: {
  label: string; busy: boolean; error: string | null; reason: string;
  onReason(reason: string): void; onConfirm(): void; onClose(): void;
}) {
  return (
    <ConfirmDialog
      open
      title="Cancel this appointment?"
      confirmLabel="Cancel appointment"
      destructive
      busy={props.busy}
      error={props.error}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      {props.label}. The patient is notified and the slot becomes free.
      <TextField
        id="field-cancelReason"
        label="Reason (optional)"
        fullWidth
        multiline
        minRows={2}
        sx={{ mt: 2 }}
        value={props.reason}
        onChange={(event) => props.onReason(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </ConfirmDialog>
  );
}
