// The department + doctor pair of filter fields used by admin lists and reports.
// Picking a department narrows the doctors and clears a doctor from another department.
import { useQuery } from '@apollo/client/react';
import { Grid, MenuItem, TextField, type GridSize } from '@mui/material';
import { graphql } from '../gql';
import { useT } from '../i18n';

const DepartmentDoctorOptionsDocument = graphql(`
  query DepartmentDoctorOptions {
    departments(includeInactive: true) { id name }
    doctors(includeInactive: true) { id fullName department { id } }
  }
`);

export interface DepartmentDoctorValue {
  departmentId: string;
  doctorId: string;
}

interface Props extends DepartmentDoctorValue {
  onChange(value: DepartmentDoctorValue): void;
  /** Grid sizes of each of the two fields. */
  size: { xs?: GridSize; sm?: GridSize; md?: GridSize };
}

export function DepartmentDoctorFilter({ departmentId, doctorId, onChange, size }: Props) {
  const { t } = useT();
  const { data } = useQuery(DepartmentDoctorOptionsDocument);
  const doctors = (data?.doctors ?? []).filter((d) => !departmentId || d.department.id === departmentId);
  const selectProps = { inputLabel: { shrink: true }, select: { displayEmpty: true } };
  return (
    <>
      <Grid size={size}>
        <TextField select fullWidth label={t('Department')} size="small" value={departmentId}
          onChange={(e) => onChange({ departmentId: e.target.value, doctorId: '' })} slotProps={selectProps}>
          <MenuItem value="">{t('All departments')}</MenuItem>
          {data?.departments.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
        </TextField>
      </Grid>
      <Grid size={size}>
        <TextField select fullWidth label={t('Doctor')} size="small" value={doctorId}
          onChange={(e) => onChange({ departmentId, doctorId: e.target.value })} slotProps={selectProps}>
          <MenuItem value="">{t('All doctors')}</MenuItem>
          {doctors.map((d) => <MenuItem key={d.id} value={d.id}>{d.fullName}</MenuItem>)}
        </TextField>
      </Grid>
    </>
  );
}
