// Shows a just-made one-time invitation link, once, with a copy button. The server keeps only its
// hash, so this is the only time anyone sees it; once e-mail exists the server mails it instead
// (and answers url: null), and this dialog just says so.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';

export interface InvitationLink {
  email: string;
  url: string | null;
  expiresAt: string | null;
}

export function InvitationLinkDialog({ link, onClose }: { link: InvitationLink | null; onClose(): void }) {
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
      <DialogTitle>Invitation link for {link?.email}</DialogTitle>
      <DialogContent>
        {link?.url ? (
          <>
            <DialogContentText sx={{ mb: 2 }}>
              Send this link to {link.email}. With it they choose their own password and sign in. It works once
              {link.expiresAt ? <>, until {formatDateTime(link.expiresAt)}</> : <>, for 72 hours</>}. It is shown only now: copy it before closing.
            </DialogContentText>
            <TextField
              label="One-time link"
              value={link.url}
              fullWidth
              slotProps={{
                htmlInput: { readOnly: true, 'data-testid': 'invitation-url' },
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <Tooltip title={copied ? 'Copied' : 'Copy'}>
                        <IconButton aria-label="Copy link" onClick={() => void copy()} edge="end"><ContentCopy /></IconButton>
                      </Tooltip>
                    </InputAdornment>
                  ),
                },
              }}
              onFocus={(event) => event.target.select()}
            />
            {copied && <Alert severity="success" sx={{ mt: 2 }}>Copied to the clipboard.</Alert>}
          </>
        ) : (
          <DialogContentText>The invitation was sent to {link?.email}.</DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>Done</Button>
      </DialogActions>
    </Dialog>
  );
}
