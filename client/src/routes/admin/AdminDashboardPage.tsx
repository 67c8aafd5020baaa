import { useQuery } from '@apollo/client/react';
import { Grid } from '@mui/material';
import Apartment from '@mui/icons-material/Apartment';
import MedicalServices from '@mui/icons-material/MedicalServices';
import ReceiptLong from '@mui/icons-material/ReceiptLong';
import { LinkCard, StatCard } from '../../components/LinkCard';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/QueryState';
import { LazyHospitalReport } from '../../components/reports/LazyHospitalReport';
import { SchedulingStatsCard } from '../../components/reports/SchedulingStatsCard';
import { graphql } from '../../gql';

const AdminDashboardDocument = graphql(`
  query AdminDashboard {
    departments(includeInactive: true) { id active }
    doctors(includeInactive: true) { id active }
    patients(first: 1) { totalCount }
  }
`);

export function AdminDashboardPage() {
  const { data, error, refetch } = useQuery(AdminDashboardDocument);
  const count = (items?: ReadonlyArray<{ active: boolean }>) => (items ? items.filter((item) => item.active).length : '…');
  return (
    <>
      <PageHeader title="Hospital administration" subtitle="Departments, doctors and patients at a glance." />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      <Grid container spacing={2} sx={{ mb: 3 }}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard label="Active departments" value={count(data?.departments)} hint={data && `${data.departments.length} in total`} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard label="Active doctors" value={count(data?.doctors)} hint={data && `${data.doctors.length} in total`} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard label="Registered patients" value={data?.patients.totalCount ?? '…'} />
        </Grid>
      </Grid>
      <LazyHospitalReport />
      <SchedulingStatsCard />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/admin/departments" icon={<Apartment />} title="Departments">Create, rename and deactivate departments.</LinkCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/admin/doctors" icon={<MedicalServices />} title="Doctors">Add doctors with their fees and sign-in accounts.</LinkCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/admin/billing" icon={<ReceiptLong />} title="Billing">Bill visits, take payments, refunds and voids.</LinkCard>
        </Grid>
      </Grid>
    </>
  );
}
