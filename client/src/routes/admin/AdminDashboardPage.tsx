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
import { useT } from '../../i18n';

const AdminDashboardDocument = graphql(`
  query AdminDashboard {
    departments(includeInactive: true) { id active }
    doctors(includeInactive: true) { id active }
    patients(first: 1) { totalCount }
  }
`);

export function AdminDashboardPage() {
  const { t } = useT();
  const { data, error, refetch } = useQuery(AdminDashboardDocument);
  const count = (items?: ReadonlyArray<{ active: boolean }>) => (items ? items.filter((item) => item.active).length : '…');
  return (
    <>
      <PageHeader title={t('Hospital administration')} subtitle={t('Departments, doctors and patients at a glance.')} />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      <Grid container spacing={2} sx={{ mb: 3 }}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard label={t('Active departments')} value={count(data?.departments)} hint={data && t('{{total}} in total', { total: data.departments.length })} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard label={t('Active doctors')} value={count(data?.doctors)} hint={data && t('{{total}} in total', { total: data.doctors.length })} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard label={t('Registered patients')} value={data?.patients.totalCount ?? '…'} />
        </Grid>
      </Grid>
      <LazyHospitalReport />
      <SchedulingStatsCard />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/admin/departments" icon={<Apartment />} title={t('Departments')}>{t('Create, rename and deactivate departments.')}</LinkCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/admin/doctors" icon={<MedicalServices />} title={t('Doctors')}>{t('Add doctors with their fees and sign-in accounts.')}</LinkCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/admin/billing" icon={<ReceiptLong />} title={t('Billing')}>{t('Bill visits, take payments, refunds and voids.')}</LinkCard>
        </Grid>
      </Grid>
    </>
  );
}
