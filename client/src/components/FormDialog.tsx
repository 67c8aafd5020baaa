// The skeleton shared by the admin's form dialogs: a Dialog around a form, a general error alert, the fields
// (the caller's children), and Cancel + submit buttons. It clears the errors each time it opens, and on submit
// shows the server's extensions.fields under the fields, or anything else in the alert.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, type ButtonProps, type DialogProps } from '@mui/material';
import type { SxProps, Theme } from '@mui/material/styles';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage, type FieldErrors } from '../lib/errors';
import { useT } from '../i18n';

export function FormDialog(props: {
  open: boolean;
  title: ReactNode;
  /** The form's field errors: cleared on open, filled from the server's extensions.fields on failure. */
  form: { setErrors(errors: FieldErrors): void; showServerErrors(error: unknown): boolean };
  /** Refill the form's values; called when the dialog opens (and when resetKey changes while open). */
  onOpen?(): void;
  /** E.g. the id of the record edited: a different one resets the form as opening does. */
  resetKey?: unknown;
  /** Does the work (a mutation, then onDone/onClose); a throw shows as field errors or in the alert. */
  onSubmit(): Promise<void>;
  onClose(): void;
  submitLabel: ReactNode;
  submitColor?: ButtonProps['color'];
  busy: boolean;
  /** Text above the error alert and the fields. */
  intro?: ReactNode;
  maxWidth?: DialogProps['maxWidth'];
  actionsSx?: SxProps<Theme>;
  children: ReactNode;
}) {
  const { t } = useT();
  const [failure, setFailure] = useState<string | null>(null);
  const { setErrors } = props.form;

  useEffect(() => {
    if (!props.open) return;
    props.onOpen?.();
    setErrors({});
    setFailure(null);
    // Reset only when the dialog opens or switches record, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open, props.resetKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await props.onSubmit();
    } catch (error) {
      if (!props.form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth={props.maxWidth ?? 'xs'} fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent>
          {props.intro && <DialogContentText sx={{ mb: 2 }}>{props.intro}</DialogContentText>}
          {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
          {props.children}
        </DialogContent>
        <DialogActions sx={props.actionsSx}>
          <Button onClick={props.onClose}>{t('Cancel')}</Button>
          <Button type="submit" variant="contained" color={props.submitColor} disabled={props.busy}>{props.submitLabel}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
