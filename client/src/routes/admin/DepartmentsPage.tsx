import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import Add from '@mui/icons-material/Add';
import { useState } from 'react';
import { Trans } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DepartmentDialog } from '../../components/DepartmentDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { RowActions } from '../../components/RowActions';
import { ActiveChip } from '../../components/StatusChip';
import { graphql } from '../../gql';
import type { AdminDepartmentsQuery } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useConfirmDelete } from '../../lib/confirm-delete';
import { phoneCells } from './table-layout';

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
  const { t } = useT();
  const { data, loading, error, refetch } = useQuery(AdminDepartmentsDocument);
  const [editing, setEditing] = useState<DepartmentRow | 'new' | null>(null);
  const [deleteDepartment, deletion] = useMutation(DeleteDepartmentDocument);
  const removal = useConfirmDelete<DepartmentRow>((id) => deleteDepartment({ variables: { id } }), refetch);

  const departments = data?.departments ?? [];
  return (
    <>
      <PageHeader
        title={t('Departments')}
        subtitle={t("The hospital's departments. Inactive ones are hidden from booking.")}
        actions={<Button variant="contained" startIcon={<Add />} onClick={() => setEditing('new')}>{t('New department')}</Button>}
      />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !data ? <Loading /> : !error && departments.length === 0 ? (
        <EmptyState
          title={t('No departments yet')}
          action={<Button variant="outlined" onClick={() => setEditing('new')}>{t('Create the first department')}</Button>}
        >
          {t('Create departments first; doctors belong to one.')}
        </EmptyState>
      ) : departments.length > 0 && (
        <TableContainer component={Paper} variant="outlined" aria-label={t('Departments table')}>
          <Table aria-label={t('Departments')} sx={phoneCells}>
            <TableHead>
              <TableRow>
                <TableCell>{t('Name')}</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t('Description')}</TableCell>
                <TableCell align="right">{t('Doctors')}</TableCell>
                <TableCell>{t('Status')}</TableCell>
                <TableCell align="right">{t('Actions')}</TableCell>
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
      <ConfirmDialog {...removal.dialog} title={t('Delete department?')} confirmLabel={t('Delete')} destructive busy={deletion.loading}>
        <Trans i18nKey="Delete <strong>{{name}}</strong>? A department with doctors cannot be deleted; deactivate it instead."
          values={{ name: removal.deleting?.name ?? '' }} components={{ strong: <strong /> }} />
      </ConfirmDialog>
    </>
  );
}
