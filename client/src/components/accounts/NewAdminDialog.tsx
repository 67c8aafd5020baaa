// Admin: add another administrator, by invitation link (default: they choose their password) or
// with a temporary password they must replace at first sign-in.
import { useMutation } from '@apollo/client/react';
import { FormControlLabel, Stack, Switch, TextField } from '@mui/material';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { FormDialog } from '../FormDialog';
import type { InvitationLink } from './InvitationLinkDialog';

const CreateAdminDocument = graphql(`
  mutation CreateAdmin($input: CreateAdminInput!) {
    createAdmin(input: $input) { user { id email } invitationUrl invitationExpiresAt }
  }
`);

export function NewAdminDialog(props: { open: boolean; onClose(): void; onCreated(link: InvitationLink): void }) {
  const { t } = useT();
  const form = useForm({ email: '', password: '' });
  const [invite, setInvite] = useState(true);
  const [create, creating] = useMutation(CreateAdminDocument);

  const submit = async () => {
    const { data } = await create({ variables: { input: { email: form.values.email, password: invite ? null : form.values.password } } });
    if (!data) return;
    props.onCreated({ email: data.createAdmin.user.email, url: data.createAdmin.invitationUrl ?? null, expiresAt: data.createAdmin.invitationExpiresAt ?? null });
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={t('New admin')}
      form={form}
      onOpen={() => { form.setValues({ email: '', password: '' }); setInvite(true); }}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel={t('Create admin')}
      busy={creating.loading}
      intro={t('Admins run the hospital: directory, accounts, appointments, billing and the audit log. They never see clinical notes.')}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField label={t('Sign-in email')} type="email" required autoFocus {...form.field('email')} />
        <FormControlLabel
          control={<Switch checked={invite} onChange={(event) => setInvite(event.target.checked)} />}
          label={invite ? t('Invitation link: they choose their password') : t('Temporary password, set by you')}
        />
        {!invite && <TextField label={t('Temporary password')} required autoComplete="off" {...form.field('password', t('Replaced at first sign-in'))} />}
      </Stack>
    </FormDialog>
  );
}
