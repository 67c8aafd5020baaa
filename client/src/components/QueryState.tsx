// The three states every query shows besides its data: loading, error, empty.
import { Alert, Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/errors';
import { t, useT } from '../i18n';

export function Loading({ label = t('Loading…') }: { label?: string }) {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', py: 4, justifyContent: 'center' }} role="status">
      <CircularProgress size={24} />
      <Typography color="text.secondary">{label}</Typography>
    </Stack>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <Alert
      severity="error"
      action={onRetry ? <Button color="inherit" size="small" onClick={onRetry}>{t('Retry')}</Button> : undefined}
      sx={{ my: 2 }}
    >
      {errorMessage(error)}
    </Alert>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ py: 5, px: 3, textAlign: 'center', bgcolor: 'background.default' }}>
      <InboxOutlined sx={{ fontSize: 40, color: 'text.disabled' }} />
      <Typography variant="h6" sx={{ mt: 1 }}>{title}</Typography>
      {children && <Typography color="text.secondary" sx={{ mt: 0.5 }}>{children}</Typography>}
      {action && <Box sx={{ mt: 2 }}>{action}</Box>}
    </Paper>
  );
}
