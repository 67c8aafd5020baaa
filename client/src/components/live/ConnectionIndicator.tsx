// Live / reconnecting / paused: whether the page is still receiving changes as they happen.
import { Alert, Button, Chip, Stack } from '@mui/material';
import { Hint } from '../Hint';
import FiberManualRecord from '@mui/icons-material/FiberManualRecord';
import Sync from '@mui/icons-material/Sync';
import PauseCircle from '@mui/icons-material/PauseCircle';
import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useLiveConnection } from '../../live/connection';

const LiveStatusDocument = graphql(`
  subscription LiveStatus {
    liveStatus { live }
  }
`);

/** True while the server says its fan-out (Redis) is down: the socket is fine, changes arrive late. */
function useDelayed(): boolean {
  const { data } = useSubscription(LiveStatusDocument);
  return data?.liveStatus.live === false;
}

export function ConnectionIndicator({ onReconnect }: { onReconnect?: () => void }) {
  const { status } = useLiveConnection();
  const delayed = useDelayed();
  if (status === 'live' && delayed) {
    return (
      <Hint title="The hospital's live update service is down. Changes are kept and appear here as soon as it is back.">
        <Chip data-testid="live-status" data-status="delayed" icon={<PauseCircle />} label="Updates delayed" color="warning" size="small" />
      </Hint>
    );
  }
  if (status === 'live') {
    return (
      <Hint title="Changes appear here as they happen">
        <Chip data-testid="live-status" data-status="live" icon={<FiberManualRecord sx={{ fontSize: 12 }} />} label="Live" color="success" variant="outlined" size="small" />
      </Hint>
    );
  }
  if (status === 'paused') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Hint title="Live updates are paused: the connection to the hospital server was lost. Changes made meanwhile load when it is back.">
          <Chip data-testid="live-status" data-status="paused" icon={<PauseCircle />} label="Updates paused" color="error" size="small" />
        </Hint>
        {onReconnect && <Button size="small" onClick={onReconnect}>Reconnect</Button>}
      </Stack>
    );
  }
  const reconnecting = status === 'reconnecting';
  return (
    <Hint title={reconnecting ? 'Connection lost; reconnecting. Missed changes load when it is back.' : 'Connecting for live updates'}>
      <Chip
        data-testid="live-status"
        data-status={status}
        icon={<Sync sx={{ animation: 'spin 1.2s linear infinite', '@keyframes spin': { to: { transform: 'rotate(360deg)' } } }} />}
        label={reconnecting ? 'Reconnecting…' : 'Connecting…'}
        color={reconnecting ? 'warning' : 'default'}
        variant="outlined"
        size="small"
      />
    </Hint>
  );
}

/** A banner over a live list while updates are not arriving, so nobody trusts a stale screen. */
export function LiveBanner({ onReconnect }: { onReconnect?: () => void }) {
  const { status } = useLiveConnection();
  const delayed = useDelayed();
  if (status === 'live' && delayed) {
    return (
      <Alert severity="warning" sx={{ mb: 2 }} role="status">
        Live updates are delayed: the hospital&apos;s live update service is down. Changes are kept and appear here as soon as it is back.
      </Alert>
    );
  }
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
