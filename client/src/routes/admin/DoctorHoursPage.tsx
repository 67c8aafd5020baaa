import { useQuery } from '@apollo/client/react';
import { Button, Stack } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/QueryState';
import { BlocksEditor } from '../../components/schedule/BlocksEditor';
import { WeeklyHoursEditor } from '../../components/schedule/WeeklyHoursEditor';
import { graphql } from '../../gql';
import { useT } from '../../i18n';

const DoctorHoursHeaderDocument = graphql(`
  query DoctorHoursHeader($id: ID!) {
    doctor(id: $id) { id fullName specialization department { id name } }
  }
`);

/** An admin editing one doctor's weekly hours and blocks. */
export function DoctorHoursPage() {
  const { t } = useT();
  const { doctorId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(DoctorHoursHeaderDocument, { variables: { id: doctorId } });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const doctor = data?.doctor;
  return (
    <>
      <PageHeader
        title={doctor ? t('{{name}}: hours', { name: doctor.fullName }) : t('Doctor hours')}
        subtitle={doctor && `${doctor.specialization} · ${doctor.department.name}`}
        actions={<Button component={RouterLink} to="/admin/doctors" startIcon={<ArrowBack />}>{t('All doctors')}</Button>}
      />
      <Stack spacing={3}>
        <WeeklyHoursEditor doctorId={doctorId} />
        <BlocksEditor doctorId={doctorId} canCancelAppointments />
      </Stack>
    </>
  );
}
