// Create or edit a department (admin). Owns the fields it edits as a fragment.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, Switch, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { errorMessage } from '../lib/errors';
import { blankToNull, useForm } from '../lib/form';

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
  const department = getFragmentData(DepartmentDialogFragment, props.department ?? null);
  const form = useForm({ name: '', description: '' });
  const [active, setActive] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [create, creating] = useMutation(CreateDepartmentDocument);
  const [update, updating] = useMutation(UpdateDepartmentDocument);
  const { setValues, setErrors } = form;

  useEffect(() => {
    if (!props.open) return;
    setValues({ name: department?.name ?? '', description: department?.description ?? '' });
    setActive(department?.active ?? true);
    setErrors({});
    setFailure(null);
    // Reset only when the dialog opens or switches department, not on every refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open, department?.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = { name: form.values.name, description: blankToNull(form.values.description) };
    try {
      if (department) await update({ variables: { id: department.id, input: { ...input, active } } });
      else await create({ variables: { input } });
      props.onSaved();
      props.onClose();
    } catch (error) {
      if (!form.showServerErrors(error)) setFailure(errorMessage(error));
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{department ? 'Edit department' : 'New department'}</DialogTitle>
        <DialogContent>
          {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Name" required autoFocus {...form.field('name')} />
            <TextField label="Description" multiline minRows={3} {...form.field('description')} />
            {department && (
              <FormControlLabel
                control={<Switch checked={active} onChange={(event) => setActive(event.target.checked)} />}
                label={active ? 'Active: open for booking' : 'Inactive: hidden from booking'}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={creating.loading || updating.loading}>
            {department ? 'Save' : 'Create department'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
