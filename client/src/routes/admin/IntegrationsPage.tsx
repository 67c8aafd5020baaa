// Admin: API keys (service accounts) and webhook endpoints for integrators. Secrets are shown once,
// right after creation; lists show last use, status and each endpoint's deliveries (with replay).
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, Paper, Stack,
  Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { AdminIntegrationsQuery } from '../../gql/graphql';
import { Trans } from 'react-i18next';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { hideOnPhone, phoneCells, phoneOnly } from './table-layout';

const AdminIntegrationsDocument = graphql(`
  query AdminIntegrations {
    apiKeys { id name prefix scopes expiresAt lastUsedAt revokedAt createdAt createdBy }
    webhooks { id url events active failingSince disabledAt createdAt }
  }
`);

const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { id secret }
  }
`);

const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) }
`);

const CreateWebhookDocument = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) { id secret }
  }
`);

const SetWebhookActiveDocument = graphql(`
  mutation SetWebhookActive($id: ID!, $active: Boolean!) { setWebhookActive(id: $id, active: $active) { id active } }
`);

const WebhookDeliveriesDocument = graphql(`
  query WebhookDeliveries($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 20) { id type status attempts lastStatusCode lastError nextAttemptAt createdAt }
  }
`);

const ReplayWebhookDeliveryDocument = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }
`);

const SCOPES = ['schedule:read', 'appointments:read', 'appointments:write', 'patients:read', 'billing:read'];
const EVENTS = ['appointment.booked', 'appointment.rescheduled', 'appointment.cancelled', 'appointment.status_changed'];

type ApiKeyRow = AdminIntegrationsQuery['apiKeys'][number];

/** The one time a secret is visible. */
function SecretDialog(props: { secret: { title: string; value: string } | null; onClose(): void }) {
  const { t } = useT();
  return (
    <Dialog open={props.secret !== null} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{props.secret?.title}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>{t('Copy it now: it is shown only this once and stored only as a hash or sealed.')}</Alert>
        <TextField fullWidth value={props.secret?.value ?? ''} label={t('Secret (shown once)')} slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'created-secret' } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void navigator.clipboard?.writeText(props.secret?.value ?? '')}>{t('Copy')}</Button>
        <Button variant="contained" onClick={props.onClose}>{t('Done')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function Choices(props: { label: string; options: string[]; value: string[]; onChange(value: string[]): void }) {
  return (
    <FormGroup aria-label={props.label}>
      <Typography variant="subtitle2">{props.label}</Typography>
      {props.options.map((option) => (
        <FormControlLabel key={option} label={option} control={
          <Checkbox checked={props.value.includes(option)} onChange={(event) => props.onChange(event.target.checked ? [...props.value, option] : props.value.filter((v) => v !== option))} />
        } />
      ))}
    </FormGroup>
  );
}

function NewKeyDialog(props: { open: boolean; onClose(): void; onCreated(secret: string): void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['schedule:read']);
  const [create, { loading }] = useMutation(CreateApiKeyDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    setFailure(null);
    try {
      const { data } = await create({ variables: { input: { name, scopes } } });
      if (data) { props.onCreated(data.createApiKey.secret); setName(''); }
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('New API key')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField id="field-keyName" label={t('What it is for')} value={name} onChange={(event) => setName(event.target.value)} />
          <Choices label={t('Scopes')} options={SCOPES} value={scopes} onChange={setScopes} />
          <Typography variant="body2" color="text.secondary">{t('Keys never read clinical content, whatever their scopes.')}</Typography>
          {failure && <Alert severity="error">{failure}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('Cancel')}</Button>
        <Button variant="contained" disabled={loading} onClick={() => void submit()}>{t('Create key')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function NewWebhookDialog(props: { open: boolean; onClose(): void; onCreated(secret: string): void }) {
  const { t } = useT();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['appointment.booked']);
  const [create, { loading }] = useMutation(CreateWebhookDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    setFailure(null);
    try {
      const { data } = await create({ variables: { input: { url, events } } });
      if (data) { props.onCreated(data.createWebhook.secret); setUrl(''); }
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('New webhook')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField id="field-webhookUrl" label={t('Receiver URL')} value={url} onChange={(event) => setUrl(event.target.value)}
            // i18n-ignore (an address, not words)
            placeholder="https://…" />
          <Choices label={t('Events')} options={EVENTS} value={events} onChange={setEvents} />
          {failure && <Alert severity="error">{failure}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('Cancel')}</Button>
        <Button variant="contained" disabled={loading} onClick={() => void submit()}>{t('Create webhook')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function Deliveries(props: { endpointId: string }) {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(WebhookDeliveriesDocument, { variables: { endpointId: props.endpointId } });
  const [replay] = useMutation(ReplayWebhookDeliveryDocument);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const rows = data?.webhookDeliveries ?? [];
  if (rows.length === 0) return <Typography variant="body2" color="text.secondary">{t('No deliveries yet.')}</Typography>;
  return (
    <Table size="small" aria-label={t('Deliveries')}>
      <TableHead><TableRow><TableCell>{t('Event')}</TableCell><TableCell>{t('Status')}</TableCell><TableCell>{t('Attempts')}</TableCell><TableCell>{t('Last answer')}</TableCell><TableCell>{t('Queued')}</TableCell><TableCell align="right">{t('Actions')}</TableCell></TableRow></TableHead>
      <TableBody>
        {rows.map((d) => (
          <TableRow key={d.id}>
            <TableCell>{d.type}</TableCell>
            <TableCell><Chip size="small" label={d.status} color={d.status === 'SUCCEEDED' ? 'success' : d.status === 'FAILED' ? 'error' : 'default'} /></TableCell>
            <TableCell>{d.attempts}</TableCell>
            <TableCell>{d.lastStatusCode ?? d.lastError ?? '—'}</TableCell>
            <TableCell>{formatDateTime(d.createdAt)}</TableCell>
            <TableCell align="right"><Button size="small" onClick={() => void replay({ variables: { id: d.id } }).then(() => refetch())}>{t('Replay')}</Button></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function IntegrationsPage() {
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(AdminIntegrationsDocument);
  const [revoke, revoking] = useMutation(RevokeApiKeyDocument);
  const [setWebhookActive] = useMutation(SetWebhookActiveDocument);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [addingKey, setAddingKey] = useState(false);
  const [addingHook, setAddingHook] = useState(false);
  const [revokingKey, setRevokingKey] = useState<ApiKeyRow | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [openEndpoint, setOpenEndpoint] = useState<string | null>(null);

  const confirmRevoke = async () => {
    if (!revokingKey) return;
    setRevokeError(null);
    try {
      await revoke({ variables: { id: revokingKey.id } });
      setRevokingKey(null);
      void refetch();
    } catch (failure) {
      setRevokeError(errorMessage(failure));
    }
  };

  if (loading && !data) return <Loading />;
  const keys = data?.apiKeys ?? [];
  const hooks = data?.webhooks ?? [];
  return (
    <>
      <PageHeader title={t('Integrations')} subtitle={t('API keys for other systems, and webhooks that tell them of changes. See docs/integrators.md.')} />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6">{t('API keys')}</Typography>
        <Button variant="contained" startIcon={<Add />} onClick={() => setAddingKey(true)}>{t('New API key')}</Button>
      </Stack>
      {keys.length === 0 ? <EmptyState title={t('No API keys')}>{t('Create one for each system that reads or books through HMS.')}</EmptyState> : (
        <TableContainer component={Paper} variant="outlined" sx={{ mb: 4 }} aria-label={t('API keys table')}>
          <Table aria-label={t('API keys')} sx={phoneCells}>
            <TableHead><TableRow><TableCell>{t('Name')}</TableCell><TableCell sx={hideOnPhone}>{t('Key')}</TableCell><TableCell sx={hideOnPhone}>{t('Scopes')}</TableCell><TableCell sx={hideOnPhone}>{t('Last used')}</TableCell><TableCell>{t('Status')}</TableCell><TableCell align="right">{t('Actions')}</TableCell></TableRow></TableHead>
            <TableBody>
              {keys.map((key) => (
                <TableRow key={key.id} data-testid={`api-key-${key.name}`}>
                  <TableCell>
                    <Typography sx={{ fontWeight: 600 }}>{key.name}</Typography>
                    <Typography variant="caption" color="text.secondary" sx={phoneOnly}><code>{key.prefix}…</code> · {key.scopes.join(', ')}</Typography>
                  </TableCell>
                  <TableCell sx={hideOnPhone}><code>{key.prefix}…</code></TableCell>
                  <TableCell sx={hideOnPhone}>{key.scopes.join(', ')}</TableCell>
                  <TableCell sx={hideOnPhone}>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('Never')}</TableCell>
                  <TableCell>{key.revokedAt ? <Chip size="small" label={t('Revoked')} color="error" variant="outlined" /> : <Chip size="small" label={t('Active')} color="success" variant="outlined" />}</TableCell>
                  <TableCell align="right">{!key.revokedAt && <Button size="small" color="error" onClick={() => setRevokingKey(key)}>{t('Revoke')}</Button>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6">{t('Webhooks')}</Typography>
        <Button variant="contained" startIcon={<Add />} onClick={() => setAddingHook(true)}>{t('New webhook')}</Button>
      </Stack>
      {hooks.length === 0 ? <EmptyState title={t('No webhooks')}>{t('Register a receiver to be told of bookings, moves and cancellations.')}</EmptyState> : (
        <Stack spacing={2}>
          {hooks.map((hook) => (
            <Paper key={hook.id} variant="outlined" sx={{ p: 2 }}>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
                <div>
                  <Typography sx={{ fontWeight: 600, wordBreak: 'break-all' }}>{hook.url}</Typography>
                  <Typography variant="body2" color="text.secondary">{hook.events.join(', ')}</Typography>
                  {hook.failingSince && hook.active && <Typography variant="body2" color="error">{t('Failing since {{time}}', { time: formatDateTime(hook.failingSince) })}</Typography>}
                  {!hook.active && <Typography variant="body2" color="error">{hook.disabledAt ? t('Off since {{time}}', { time: formatDateTime(hook.disabledAt) }) : t('Off')}</Typography>}
                </div>
                <Stack direction="row" spacing={1}>
                  <Button size="small" onClick={() => setOpenEndpoint(openEndpoint === hook.id ? null : hook.id)}>{openEndpoint === hook.id ? t('Hide deliveries') : t('Deliveries')}</Button>
                  <Button size="small" color={hook.active ? 'error' : 'primary'} onClick={() => void setWebhookActive({ variables: { id: hook.id, active: !hook.active } }).then(() => refetch())}>
                    {hook.active ? t('Switch off') : t('Switch on')}
                  </Button>
                </Stack>
              </Stack>
              {openEndpoint === hook.id && <Deliveries endpointId={hook.id} />}
            </Paper>
          ))}
        </Stack>
      )}
      <NewKeyDialog open={addingKey} onClose={() => setAddingKey(false)} onCreated={(value) => { setAddingKey(false); setSecret({ title: t('API key created'), value }); void refetch(); }} />
      <NewWebhookDialog open={addingHook} onClose={() => setAddingHook(false)} onCreated={(value) => { setAddingHook(false); setSecret({ title: t('Webhook signing secret'), value }); void refetch(); }} />
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
      <ConfirmDialog
        open={revokingKey !== null}
        title={t('Revoke API key?')}
        confirmLabel={t('Revoke')}
        destructive
        busy={revoking.loading}
        error={revokeError}
        onConfirm={() => void confirmRevoke()}
        onClose={() => setRevokingKey(null)}
      >
        <Trans i18nKey="<strong>{{name}}</strong> stops working at once, on every server, and cannot be switched back on."
          values={{ name: revokingKey?.name ?? '' }} components={{ strong: <strong /> }} />
      </ConfirmDialog>
    </>
  );
}
