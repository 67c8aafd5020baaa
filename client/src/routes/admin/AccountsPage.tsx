// Admin: everyone who can sign in. Switch accounts off and on (a switched-off account cannot sign
// in and its open sessions end at once), add admins, and issue a new invitation link to someone
// who has not chosen their own password yet.
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Chip, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import PersonAdd from '@mui/icons-material/PersonAdd';
import { useState } from 'react';
import { InvitationLinkDialog, type InvitationLink } from '../../components/accounts/InvitationLinkDialog';
import { NewAdminDialog } from '../../components/accounts/NewAdminDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { ActiveChip } from '../../components/StatusChip';
import { useCurrentUser } from '../../auth/CurrentUser';
import { graphql } from '../../gql';
import type { AdminAccountsQuery, Role } from '../../gql/graphql';
import { Trans } from 'react-i18next';
import { t, useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pager';
import { hideOnPhone, phoneCells, phoneOnly } from './table-layout';

const AdminAccountsDocument = graphql(`
  query AdminAccounts($role: Role, $search: String, $after: String) {
    accounts(role: $role, search: $search, first: 25, after: $after) {
      items { id email role fullName active mustChangePassword awaitingInvitation createdAt }
      nextCursor
      totalCount
    }
  }
`);

const SetAccountActiveDocument = graphql(`
  mutation SetAccountActive($userId: ID!, $active: Boolean!) {
    setAccountActive(userId: $userId, active: $active) { id active }
  }
`);

const IssueInvitationDocument = graphql(`
  mutation IssueInvitation($userId: ID!) {
    issueInvitation(userId: $userId) { url expiresAt }
  }
`);

type AccountRow = AdminAccountsQuery['accounts']['items'][number];
const ROLE_LABEL: Record<Role, () => string> = { PATIENT: () => t('Patient'), DOCTOR: () => t('Doctor'), ADMIN: () => t('Admin') };

export function AccountsPage() {
  const { t } = useT();
  const { user: me } = useCurrentUser();
  const [role, setRole] = useState<Role | ''>('');
  const [search, setSearch] = useState('');
  const pager = useCursorPager();
  const { data, loading, error, refetch } = useQuery(AdminAccountsDocument, {
    variables: { role: role || null, search: search.trim() || null, after: pager.after },
  });
  const [setActive, switching] = useMutation(SetAccountActiveDocument);
  const [issueInvitation] = useMutation(IssueInvitationDocument);
  const [switchingOff, setSwitchingOff] = useState<AccountRow | null>(null);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const [link, setLink] = useState<InvitationLink | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [addingAdmin, setAddingAdmin] = useState(false);

  const toggle = async (account: AccountRow, active: boolean) => {
    setSwitchError(null);
    setActionError(null);
    try {
      await setActive({ variables: { userId: account.id, active } });
      setSwitchingOff(null);
      void refetch();
    } catch (failure) {
      if (active) setActionError(errorMessage(failure));
      else setSwitchError(errorMessage(failure));
    }
  };

  const reinvite = async (account: AccountRow) => {
    setActionError(null);
    try {
      const { data: answer } = await issueInvitation({ variables: { userId: account.id } });
      if (answer) setLink({ email: account.email, url: answer.issueInvitation.url ?? null, expiresAt: answer.issueInvitation.expiresAt });
    } catch (failure) {
      setActionError(errorMessage(failure));
    }
  };

  const accounts = data?.accounts.items ?? [];
  return (
    <>
      <PageHeader
        title={t('Accounts')}
        subtitle={t('Everyone who can sign in. A switched-off account cannot sign in, and its open sessions end at once.')}
        actions={<Button variant="contained" startIcon={<PersonAdd />} onClick={() => setAddingAdmin(true)}>{t('New admin')}</Button>}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField select label={t('Role')} value={role} onChange={(event) => { setRole(event.target.value as Role | ''); pager.reset(); }} sx={{ minWidth: 160 }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value="">{t('All roles')}</MenuItem>
          {(['ADMIN', 'DOCTOR', 'PATIENT'] as Role[]).map((r) => <MenuItem key={r} value={r}>{ROLE_LABEL[r]()}</MenuItem>)}
        </TextField>
        <TextField label={t('Search email')} value={search} onChange={(event) => { setSearch(event.target.value); pager.reset(); }} sx={{ minWidth: 260 }} />
      </Stack>
      {actionError && <ErrorState error={new Error(actionError)} />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !data ? <Loading /> : !error && accounts.length === 0 ? (
        <EmptyState title={t('No accounts match')}>{t('Try another role or search.')}</EmptyState>
      ) : accounts.length > 0 && (
        <>
          <TableContainer component={Paper} variant="outlined" aria-label={t('Accounts table')}>
            <Table aria-label={t('Accounts')} sx={phoneCells}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('Email')}</TableCell>
                  <TableCell sx={hideOnPhone}>{t('Name')}</TableCell>
                  <TableCell sx={hideOnPhone}>{t('Role')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t('Created')}</TableCell>
                  <TableCell>{t('Status')}</TableCell>
                  <TableCell align="right">{t('Actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {accounts.map((account) => (
                  <TableRow key={account.id} hover data-testid={`account-${account.email}`}>
                    <TableCell>
                      <Typography sx={{ fontWeight: 600, wordBreak: { xs: 'break-all', sm: 'normal' } }}>{account.email}</Typography>
                      <Typography variant="body2" color="text.secondary" sx={phoneOnly}>{[account.fullName, ROLE_LABEL[account.role]()].filter(Boolean).join(' · ')}</Typography>
                    </TableCell>
                    <TableCell sx={hideOnPhone}>{account.fullName ?? '—'}</TableCell>
                    <TableCell sx={hideOnPhone}>{ROLE_LABEL[account.role]()}</TableCell>
                    <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{formatDateTime(account.createdAt)}</TableCell>
                    <TableCell>
                      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
                        <ActiveChip active={account.active} />
                        {account.awaitingInvitation && <Chip size="small" label={t('Invited')} color="info" variant="outlined" />}
                        {account.mustChangePassword && <Chip size="small" label={t('Temporary password')} variant="outlined" />}
                      </Stack>
                    </TableCell>
                    <TableCell align="right">
                      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'flex-end', alignItems: 'flex-end' }}>
                        {(account.awaitingInvitation || account.mustChangePassword) && account.active && (
                          <Button size="small" onClick={() => void reinvite(account)}>{t('New invitation link')}</Button>
                        )}
                        {account.active ? (
                          <Button size="small" color="error" onClick={() => { setSwitchError(null); setSwitchingOff(account); }}>
                            {t('Deactivate')}
                          </Button>
                        ) : (
                          <Button size="small" onClick={() => void toggle(account, true)}>{t('Reactivate')}</Button>
                        )}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Pager page={pager.page} totalCount={data?.accounts.totalCount ?? 0} nextCursor={data?.accounts.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
        </>
      )}
      <ConfirmDialog
        open={switchingOff !== null}
        title={t('Deactivate account?')}
        confirmLabel={t('Deactivate')}
        destructive
        busy={switching.loading}
        error={switchError}
        onConfirm={() => switchingOff && void toggle(switchingOff, false)}
        onClose={() => setSwitchingOff(null)}
      >
        <Trans i18nKey="<strong>{{email}}</strong> will be signed out everywhere at once and cannot sign in until reactivated."
          values={{ email: switchingOff?.email ?? '' }} components={{ strong: <strong /> }} />
        {switchingOff?.role === 'DOCTOR' && ` ${t('The doctor is also hidden from booking.')}`}
        {switchingOff?.id === me?.id && ` ${t('This is your own account.')}`}
      </ConfirmDialog>
      <NewAdminDialog
        open={addingAdmin}
        onClose={() => setAddingAdmin(false)}
        onCreated={(created) => { void refetch(); if (created.url) setLink(created); }}
      />
      <InvitationLinkDialog link={link} onClose={() => setLink(null)} />
    </>
  );
}
