// Live / reconnecting / paused: whether the page is still receiving changes as they happen.
import { Alert, Button, Chip, Stack, Tooltip } from '@mui/material';
import FiberManualRecord from '@mui/icons-material/FiberManualRecord';
import Sync from '@mui/icons-material/Sync';
import PauseCircle from '@mui/icons-material/PauseCircle';
import { useLiveConnection } from '../../live/connection';

export function ConnectionIndicator({ onReconnect }: { onReconnect?: () => void }) {
  const { status } = useLiveConnection();
  if (status === 'live') {
    return (
      <Tooltip title="Changes appear here as they happen">
        <Chip data-testid="live-status" data-status="live" icon={<FiberManualRecord sx={{ fontSize: 12 }} />} label="Live" color="success" variant="outlined" size="small" />
      </Tooltip>
    );
  }
  if (status === 'paused') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Tooltip title="Live updates are paused: the connection to the hospital server was lost. Changes made meanwhile load when it is back.">
          <Chip data-testid="live-status" data-status="paused" icon={<PauseCircle />} label="Updates paused" color="error" size="small" />
        </Tooltip>
        {onReconnect && <Button size="small" onClick={onReconnect}>Reconnect</Button>}
      </Stack>
    );
  }
  const reconnecting = status === 'reconnecting';
  return (
    <Tooltip title={reconnecting ? 'Connection lost; reconnecting. Missed changes load when it is back.' : 'Connecting for live updates'}>
      <Chip
        data-testid="live-status"
        data-status={status}
        icon={<Sync sx={{ animation: 'spin 1.2s linear infinite', '@keyframes spin': { to: { transform: 'rotate(360deg)' } } }} />}
        label={reconnecting ? 'Reconnecting…' : 'Connecting…'}
        color={reconnecting ? 'warning' : 'default'}
        variant="outlined"
        size="small"
      />
    </Tooltip>
  );
}

/** A banner over a live list while updates are not arriving, so nobody trusts a stale screen. */
export function LiveBanner({ onReconnect }: { onReconnect?: () => void }) {
  const { status } = useLiveConnection();
  if (status !== 'reconnecting' && status !== 'paused') return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      role="status"
      action={status === 'paused' && onReconnect ? <Button color="inherit" size="small" onClick={onReconnect}>Reconnect</Button> : undefined}
    >
      {status === 'paused'
        ? 'Live updates are paused: the connection to the hospital server was lost. Changes made meanwhile load as soon as it is back.'
        : 'Live updates are paused while reconnecting. Changes made meanwhile load as soon as the connection is back.'}
    </Alert>
  );
}
