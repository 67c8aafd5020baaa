import { useMutation, useQuery } from '@apollo/client/react';
import {
  Button, IconButton, InputAdornment, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow,
  TextField, Tooltip, Typography,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import Schedule from '@mui/icons-material/Schedule';
import Search from '@mui/icons-material/Search';
import Today from '@mui/icons-material/Today';
import { useDeferredValue, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DoctorDialog } from '../../components/DoctorDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryState';
import { RowActions } from '../../components/RowActions';
import { ActiveChip } from '../../components/StatusChip';
import { graphql } from '../../gql';
import type { AdminDoctorsQuery } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useConfirmDelete } from '../../lib/confirm-delete';
import { formatMoney } from '../../lib/format';
import { hideOnPhone, phoneCells, phoneOnly } from './table-layout';

const AdminDoctorsDocument = graphql(`
  query AdminDoctors($search: String, $departmentId: ID) {
    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {
      id
      fullName
      specialization
      email
      active
      department { id name }
      consultationFee { amount currency }
      ...DoctorDialog_doctor
    }
    departments(includeInactive: true) { id name active }
  }
`);

const DeleteDoctorDocument = graphql(`
  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }
`);

type DoctorRow = AdminDoctorsQuery['doctors'][number];

export function DoctorsPage() {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const { data, previousData, loading, error, refetch } = useQuery(AdminDoctorsDocument, {
    variables: { search: deferredSearch || null, departmentId: departmentId || null },
  });
  const [editing, setEditing] = useState<DoctorRow | 'new' | null>(null);
  const [deleteDoctor, deletion] = useMutation(DeleteDoctorDocument);
  const removal = useConfirmDelete<DoctorRow>((id) => deleteDoctor({ variables: { id } }), refetch);

  const shown = data ?? previousData;
  const doctors = shown?.doctors ?? [];
  const departments = shown?.departments ?? [];
  const currency = doctors[0]?.consultationFee.currency ?? '';
  const filtered = Boolean(deferredSearch || departmentId);

  return (
    <>
      <PageHeader
        title={t('Doctors')}
        subtitle={t('Doctors, their departments and fees. New doctors get a one-time invitation link to choose their own password.')}
        actions={
          <Button variant="contained" startIcon={<Add />} onClick={() => setEditing('new')} disabled={departments.length === 0}>
            {t('New doctor')}
          </Button>
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          label={t('Search name or specialization')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> } }}
        />
        <TextField
          select
          label={t('Department')}
          value={departmentId}
          onChange={(event) => setDepartmentId(event.target.value)}
          sx={{ minWidth: 220 }}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        >
          <MenuItem value="">{t('All departments')}</MenuItem>
          {departments.map((department) => <MenuItem key={department.id} value={department.id}>{department.name}</MenuItem>)}
        </TextField>
      </Stack>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !shown ? <Loading /> : !error && doctors.length === 0 ? (
        filtered ? <EmptyState title={t('No doctors match')}>{t('Try another name or department.')}</EmptyState> : (
          <EmptyState
            title={t('No doctors yet')}
            action={departments.length > 0 && <Button variant="outlined" onClick={() => setEditing('new')}>{t('Add the first doctor')}</Button>}
          >
            {departments.length === 0 ? t('Create a department first: every doctor belongs to one.') : t('Add doctors so patients can book them.')}
          </EmptyState>
        )
      ) : doctors.length > 0 && (
        <TableContainer component={Paper} variant="outlined" aria-label={t('Doctors table')}>
          <Table aria-label={t('Doctors')} sx={phoneCells}>
            <TableHead>
              <TableRow>
                <TableCell>{t('Doctor')}</TableCell>
                <TableCell sx={hideOnPhone}>{t('Department')}</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t('Sign-in email')}</TableCell>
                <TableCell align="right" sx={hideOnPhone}>{t('Fee')}</TableCell>
                <TableCell>{t('Status')}</TableCell>
                <TableCell align="right">{t('Actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {doctors.map((doctor) => (
                <TableRow key={doctor.id} hover>
                  <TableCell>
                    <Typography sx={{ fontWeight: 600 }}>{doctor.fullName}</Typography>
                    <Typography variant="body2" color="text.secondary">{doctor.specialization}</Typography>
                    <Typography variant="body2" color="text.secondary" sx={phoneOnly}>{doctor.department.name} · {formatMoney(doctor.consultationFee)}</Typography>
                  </TableCell>
                  <TableCell sx={hideOnPhone}>{doctor.department.name}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{doctor.email ?? '—'}</TableCell>
                  <TableCell align="right" sx={hideOnPhone}>{formatMoney(doctor.consultationFee)}</TableCell>
                  <TableCell><ActiveChip active={doctor.active} /></TableCell>
                  {/* Four buttons: two rows of two on a phone. */}
                  <TableCell align="right" sx={{ '& > .MuiStack-root': { flexWrap: { xs: 'wrap', sm: 'nowrap' }, width: { xs: 88, sm: 'auto' }, ml: 'auto' } }}>
                    <RowActions name={doctor.fullName} onEdit={() => setEditing(doctor)} onDelete={() => removal.ask(doctor)}>
                      <Tooltip title={t("Today's appointments, live (check-in)")}>
                        <IconButton component={RouterLink} to={`/admin/doctors/${doctor.id}/day`} aria-label={t('Day of {{name}}', { name: doctor.fullName })}>
                          <Today />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title={t('Weekly hours and blocks')}>
                        <IconButton component={RouterLink} to={`/admin/doctors/${doctor.id}/hours`} aria-label={t('Hours of {{name}}', { name: doctor.fullName })}>
                          <Schedule />
                        </IconButton>
                      </Tooltip>
                    </RowActions>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <DoctorDialog
        open={editing !== null}
        doctor={editing === 'new' ? null : editing}
        departments={departments}
        currency={currency}
        onClose={() => setEditing(null)}
        onSaved={() => void refetch()}
      />
      <ConfirmDialog {...removal.dialog} title={t('Delete doctor?')} confirmLabel={t('Delete')} destructive busy={deletion.loading}>
        <Trans i18nKey="Delete <strong>{{name}}</strong> and their sign-in account? A doctor with appointments cannot be deleted; deactivate them instead."
          values={{ name: removal.deleting?.fullName ?? '' }} components={{ strong: <strong /> }} />
      </ConfirmDialog>
    </>
  );
}
