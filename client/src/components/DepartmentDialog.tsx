// Create or edit a department (admin). Owns the fields it edits as a fragment.
import { useMutation } from '@apollo/client/react';
import { FormControlLabel, Stack, Switch, TextField } from '@mui/material';
import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { blankToNull, useForm } from '../lib/form';
import { FormDialog } from './FormDialog';
import { useT } from '../i18n';

export const DepartmentDialogFragment = graphql(`
  fragment DepartmentDialog_department on Department {
    id
    name
    description
    active
  }
`);

const CreateDepartmentDocument = graphql(`
  mutation CreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) { id ...DepartmentDialog_department }
  }
`);

const UpdateDepartmentDocument = graphql(`
  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {
    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }
  }
`);

export function DepartmentDialog(props: {
  open: boolean;
  /** Absent: create a new department. */
  department?: FragmentType<typeof DepartmentDialogFragment> | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useT();
  const department = getFragmentData(DepartmentDialogFragment, props.department ?? null);
  const form = useForm({ name: '', description: '' });
  const [active, setActive] = useState(true);
  const [create, creating] = useMutation(CreateDepartmentDocument);
  const [update, updating] = useMutation(UpdateDepartmentDocument);

  const reset = () => {
    form.setValues({ name: department?.name ?? '', description: department?.description ?? '' });
    setActive(department?.active ?? true);
  };

  const submit = async () => {
    const input = { name: form.values.name, description: blankToNull(form.values.description) };
    if (department) await update({ variables: { id: department.id, input: { ...input, active } } });
    else await create({ variables: { input } });
    props.onSaved();
    props.onClose();
  };

  return (
    <FormDialog
      open={props.open}
      title={department ? t('Edit department') : t('New department')}
      form={form}
      onOpen={reset}
      // Reset only when the dialog opens or switches department, not on every refetch.
      resetKey={department?.id}
      onSubmit={submit}
      onClose={props.onClose}
      submitLabel={department ? t('Save') : t('Create department')}
      busy={creating.loading || updating.loading}
      maxWidth="sm"
      actionsSx={{ px: 3, pb: 2 }}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField label={t('Name')} required autoFocus {...form.field('name')} />
        <TextField label={t('Description')} multiline minRows={3} {...form.field('description')} />
        {department && (
          <FormControlLabel
            control={<Switch checked={active} onChange={(event) => setActive(event.target.checked)} />}
            label={active ? t('Active: open for booking') : t('Inactive: hidden from booking')}
          />
        )}
      </Stack>
    </FormDialog>
  );
}
