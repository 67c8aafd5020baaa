import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import Add from '@mui/icons-material/Add';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DepartmentDialog } from '../../components/DepartmentDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { RowActions } from '../../components/RowActions';
import { ActiveChip } from '../../components/StatusChip';
import { graphql } from '../../gql';
import type { AdminDepartmentsQuery } from '../../gql/graphql';
import { useConfirmDelete } from '../../lib/confirm-delete';

const AdminDepartmentsDocument = graphql(`
  query AdminDepartments {
    departments(includeInactive: true) {
      id
      name
      description
      active
      doctors { id }
      ...DepartmentDialog_department
    }
  }
`);

const DeleteDepartmentDocument = graphql(`
  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }
`);

type DepartmentRow = AdminDepartmentsQuery['departments'][number];

export function DepartmentsPage() {
  const { data, loading, error, refetch } = useQuery(AdminDepartmentsDocument);
  const [editing, setEditing] = useState<DepartmentRow | 'new' | null>(null);
  const [deleteDepartment, deletion] = useMutation(DeleteDepartmentDocument);
  const removal = useConfirmDelete<DepartmentRow>((id) => deleteDepartment({ variables: { id } }), refetch);

  const departments = data?.departments ?? [];
  return (
    <>
      <PageHeader
        title="Departments"
        subtitle="The hospital's departments. Inactive ones are hidden from booking."
        actions={<Button variant="contained" startIcon={<Add />} onClick={() => setEditing('new')}>New department</Button>}
      />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !data ? <Loading /> : !error && departments.length === 0 ? (
        <EmptyState
          title="No departments yet"
          action={<Button variant="outlined" onClick={() => setEditing('new')}>Create the first department</Button>}
        >
          Create departments first; doctors belong to one.
        </EmptyState>
      ) : departments.length > 0 && (
        <TableContainer component={Paper} variant="outlined" aria-label="Departments table">
          <Table aria-label="Departments">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Description</TableCell>
                <TableCell align="right">Doctors</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {departments.map((department) => (
                <TableRow key={department.id} hover>
                  <TableCell><Typography sx={{ fontWeight: 600 }}>{department.name}</Typography></TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' }, color: 'text.secondary', maxWidth: 360 }}>
                    {department.description ?? '—'}
                  </TableCell>
                  <TableCell align="right">{department.doctors.length}</TableCell>
                  <TableCell><ActiveChip active={department.active} /></TableCell>
                  <TableCell align="right">
                    <RowActions name={department.name} onEdit={() => setEditing(department)} onDelete={() => removal.ask(department)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <DepartmentDialog
        open={editing !== null}
        department={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => void refetch()}
      />
      <ConfirmDialog {...removal.dialog} title="Delete department?" confirmLabel="Delete" destructive busy={deletion.loading}>
        Delete <strong>{removal.deleting?.name}</strong>? A department with doctors cannot be deleted; deactivate it instead.
      </ConfirmDialog>
    </>
  );
}
