// "Cancel this appointment?" on the day view, with an optional reason (loaded on demand, DayPage).
import { TextField } from '@mui/material';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n';

export function DayCancelDialog(props: {
  label: string; busy: boolean; error: string | null; reason: string;
  onReason(reason: string): void; onConfirm(): void; onClose(): void;
}) {
  const { t } = useT();
  return (
    <ConfirmDialog
      open
      title={t('Cancel this appointment?')}
      confirmLabel={t('Cancel appointment')}
      destructive
      busy={props.busy}
      error={props.error}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      {t('{{appointment}}. The patient is notified and the slot becomes free.', { appointment: props.label })}
      <TextField
        id="field-cancelReason"
        label={t('Reason (optional)')}
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
