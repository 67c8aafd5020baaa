// Shows a just-made one-time invitation link, once, with a copy button. The server keeps only its
// hash, so this is the only time anyone sees it; once e-mail exists the server mails it instead
// (and answers url: null), and this dialog just says so.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { useState } from 'react';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';

export interface InvitationLink {
  email: string;
  url: string | null;
  expiresAt: string | null;
}

export function InvitationLinkDialog({ link, onClose }: { link: InvitationLink | null; onClose(): void }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!link?.url) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure origin): the field is selectable.
      setCopied(false);
    }
  };
  return (
    <Dialog open={link !== null} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('Invitation link for {{email}}', { email: link?.email ?? '' })}</DialogTitle>
      <DialogContent>
        {link?.url ? (
          <>
            <DialogContentText sx={{ mb: 2 }}>
              {link.expiresAt
                ? t('Send this link to {{email}}. With it they choose their own password and sign in. It works once, until {{time}}. It is shown only now: copy it before closing.', { email: link.email, time: formatDateTime(link.expiresAt) })
                : t('Send this link to {{email}}. With it they choose their own password and sign in. It works once, for 72 hours. It is shown only now: copy it before closing.', { email: link.email })}
            </DialogContentText>
            <TextField
              label={t('One-time link')}
              value={link.url}
              fullWidth
              slotProps={{
                htmlInput: { readOnly: true, 'data-testid': 'invitation-url' },
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <Tooltip title={copied ? t('Copied') : t('Copy')}>
                        <IconButton aria-label={t('Copy link')} onClick={() => void copy()} edge="end"><ContentCopy /></IconButton>
                      </Tooltip>
                    </InputAdornment>
                  ),
                },
              }}
              onFocus={(event) => event.target.select()}
            />
            {copied && <Alert severity="success" sx={{ mt: 2 }}>{t('Copied to the clipboard.')}</Alert>}
          </>
        ) : (
          <DialogContentText>{t('The invitation was sent to {{email}}.', { email: link?.email ?? '' })}</DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>{t('Done')}</Button>
      </DialogActions>
    </Dialog>
  );
}
