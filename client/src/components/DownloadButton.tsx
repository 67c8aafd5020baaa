// A button that downloads a server-made file with the session token, showing progress and failures.
import { Button, Snackbar, Alert, type ButtonProps } from '@mui/material';
import Download from '@mui/icons-material/Download';
import { useState } from 'react';
import { downloadFile } from '../lib/download';
import { useT } from '../i18n';

export function DownloadButton({ url, fileName, children, disabled, ...buttonProps }: { url: string; fileName: string } & Omit<ButtonProps, 'onClick'>) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await downloadFile(url, fileName);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('The download failed.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outlined" startIcon={<Download />} {...buttonProps} disabled={busy || disabled} onClick={() => void download()}>
        {children}
      </Button>
      <Snackbar open={failure !== null} autoHideDuration={8000} onClose={() => setFailure(null)}>
        <Alert severity="error" onClose={() => setFailure(null)}>{failure}</Alert>
      </Snackbar>
    </>
  );
}
