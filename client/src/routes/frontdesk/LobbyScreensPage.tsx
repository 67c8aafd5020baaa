// Admin: the lobby screens (/admin/lobby-screens). Each screen gets a display token whose link opens
// /display/queue without signing in; the link is shown once (only a hash is stored). Rotating gives
// a new link and closes screens using the old one; revoking switches a screen off for good.
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer,
  TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { ActiveChip } from '../../components/StatusChip';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useT } from '../../i18n';

const DisplayTokensDocument = graphql(`
  query DisplayTokens {
    displayTokens { id name active createdAt rotatedAt department { id name } }
    departments { id name }
  }
`);

const CreateDisplayTokenDocument = graphql(`
  mutation CreateDisplayToken($input: CreateDisplayTokenInput!) {
    createDisplayToken(input: $input) { secret displayToken { id name } }
  }
`);

const RotateDisplayTokenDocument = graphql(`
  mutation RotateDisplayToken($id: ID!) {
    rotateDisplayToken(id: $id) { secret displayToken { id name } }
  }
`);

const RevokeDisplayTokenDocument = graphql(`
  mutation RevokeDisplayToken($id: ID!) { revokeDisplayToken(id: $id) }
`);

/** The screen's address: the secret in the fragment, which browsers never send to a server. */
export function lobbyLink(secret: string): string {
  return `${window.location.origin}/display/queue#token=${encodeURIComponent(secret)}`;
}

export function LobbyScreensPage() {
  const { t } = useT();
  const { data, error, refetch } = useQuery(DisplayTokensDocument);
  const [create, creating] = useMutation(CreateDisplayTokenDocument);
  const [rotate] = useMutation(RotateDisplayTokenDocument);
  const [revoke] = useMutation(RevokeDisplayTokenDocument);
  const form = useForm({ name: '', departmentId: '' });
  const [adding, setAdding] = useState(false);
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const onRotate = async (id: string) => {
    setFailure(null);
    try {
      const answer = await rotate({ variables: { id } });
      const created = answer.data?.rotateDisplayToken;
      if (created) setLink({ name: created.displayToken.name, url: lobbyLink(created.secret) });
      void refetch();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };
  const onRevoke = async (id: string) => {
    setFailure(null);
    try {
      await revoke({ variables: { id } });
      void refetch();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title={t('Lobby screens')}
        subtitle={t('Screens in waiting areas show the number each doctor is calling. No patient names are shown.')}
        actions={<Button variant="contained" onClick={() => setAdding(true)}>{t('New screen')}</Button>}
      />
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : !data ? <Loading /> : data.displayTokens.length === 0 ? (
        <EmptyState title={t('No lobby screens yet')}>{t("Add one, then open its link on the screen's browser.")}</EmptyState>
      ) : (
        <TableContainer component={Paper} variant="outlined" tabIndex={0} aria-label={t('Lobby screens')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('Screen')}</TableCell>
                <TableCell>{t('Shows')}</TableCell>
                <TableCell>{t('Status')}</TableCell>
                <TableCell>{t('Created')}</TableCell>
                <TableCell align="right">{t('Actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.displayTokens.map((token) => (
                <TableRow key={token.id} data-testid="lobby-screen">
                  <TableCell>{token.name}</TableCell>
                  <TableCell>{token.department?.name ?? t('All departments')}</TableCell>
                  <TableCell><ActiveChip active={token.active} /></TableCell>
                  <TableCell>{formatDateTime(token.createdAt)}</TableCell>
                  <TableCell align="right">
                    {token.active && (
                      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                        <Button size="small" onClick={() => void onRotate(token.id)}>{t('New link')}</Button>
                        <Button size="small" color="error" onClick={() => void onRevoke(token.id)}>{t('Revoke')}</Button>
                      </Stack>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      <FormDialog
        open={adding}
        title={t('New lobby screen')}
        form={form}
        onOpen={() => { form.set('name', ''); form.set('departmentId', ''); }}
        busy={creating.loading}
        submitLabel={t('Create')}
        onClose={() => setAdding(false)}
        onSubmit={async () => {
          const answer = await create({ variables: { input: { name: form.values.name, departmentId: form.values.departmentId || null } } });
          const created = answer.data?.createDisplayToken;
          setAdding(false);
          if (created) setLink({ name: created.displayToken.name, url: lobbyLink(created.secret) });
          void refetch();
        }}
      >
        <TextField {...form.field('name', t('Where the screen hangs, e.g. "Ground floor lobby"'))} label={t('Name')} fullWidth required sx={{ mt: 1 }} />
        <TextField {...form.field('departmentId')} select label={t('Shows')} fullWidth sx={{ mt: 2 }}>
          <MenuItem value="">{t('All departments')}</MenuItem>
          {data?.departments.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
        </TextField>
      </FormDialog>

      <Dialog open={Boolean(link)} onClose={() => setLink(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('Link for {{screen}}', { screen: link?.name })}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 1 }}>{t('Open this address on the screen. It is shown only now; make a new link if it is lost.')}</Typography>
          <TextField value={link?.url ?? ''} fullWidth multiline slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'lobby-link', 'aria-label': t('Screen link') } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void navigator.clipboard?.writeText(link?.url ?? '')}>{t('Copy')}</Button>
          <Button variant="contained" onClick={() => setLink(null)}>{t('Done')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
