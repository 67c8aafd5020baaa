// Live / reconnecting / paused: whether the page is still receiving changes as they happen.
import { Alert, Button, Chip, Stack } from '@mui/material';
import { Hint } from '../Hint';
import FiberManualRecord from '@mui/icons-material/FiberManualRecord';
import Sync from '@mui/icons-material/Sync';
import PauseCircle from '@mui/icons-material/PauseCircle';
import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useLiveConnection } from '../../live/connection';
import { useT } from '../../i18n';

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
  const { t } = useT();
  if (status === 'live' && delayed) {
    return (
      <Hint title={t("The hospital's live update service is down. Changes are kept and appear here as soon as it is back.")}>
        <Chip data-testid="live-status" data-status="delayed" icon={<PauseCircle />} label={t('Updates delayed')} color="warning" size="small" />
      </Hint>
    );
  }
  if (status === 'live') {
    return (
      <Hint title={t('Changes appear here as they happen')}>
        <Chip data-testid="live-status" data-status="live" icon={<FiberManualRecord sx={{ fontSize: 12 }} />} label={t('Live')} color="success" variant="outlined" size="small" />
      </Hint>
    );
  }
  if (status === 'paused') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Hint title={t('Live updates are paused: the connection to the hospital server was lost. Changes made meanwhile load when it is back.')}>
          <Chip data-testid="live-status" data-status="paused" icon={<PauseCircle />} label={t('Updates paused')} color="error" size="small" />
        </Hint>
        {onReconnect && <Button size="small" onClick={onReconnect}>{t('Reconnect')}</Button>}
      </Stack>
    );
  }
  const reconnecting = status === 'reconnecting';
  return (
    <Hint title={reconnecting ? t('Connection lost; reconnecting. Missed changes load when it is back.') : t('Connecting for live updates')}>
      <Chip
        data-testid="live-status"
        data-status={status}
        icon={<Sync sx={{ animation: 'spin 1.2s linear infinite', '@keyframes spin': { to: { transform: 'rotate(360deg)' } } }} />}
        label={reconnecting ? t('Reconnecting…') : t('Connecting…')}
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
  const { t } = useT();
  if (status === 'live' && delayed) {
    return (
      <Alert severity="warning" sx={{ mb: 2 }} role="status">
        {t("Live updates are delayed: the hospital's live update service is down. Changes are kept and appear here as soon as it is back.")}
      </Alert>
    );
  }
  if (status !== 'reconnecting' && status !== 'paused') return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      role="status"
      action={status === 'paused' && onReconnect ? <Button color="inherit" size="small" onClick={onReconnect}>{t('Reconnect')}</Button> : undefined}
    >
      {status === 'paused'
        ? t('Live updates are paused: the connection to the hospital server was lost. Changes made meanwhile load as soon as it is back.')
        : t('Live updates are paused while reconnecting. Changes made meanwhile load as soon as the connection is back.')}
    </Alert>
  );
}
