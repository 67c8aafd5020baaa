import { Grid } from '@mui/material';
import Schedule from '@mui/icons-material/Schedule';
import { useCurrentUser } from '../../auth/CurrentUser';
import { LinkCard } from '../../components/LinkCard';
import { PageHeader } from '../../components/PageHeader';

export function DoctorDashboardPage() {
  const { user } = useCurrentUser();
  return (
    <>
      <PageHeader title={user?.doctor ? `Dr. ${user.doctor.fullName}` : 'Doctor'} subtitle="Your schedule and patients." />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/doctor/hours" icon={<Schedule />} title="Weekly hours">Set the hours patients can book, and block time off.</LinkCard>
        </Grid>
      </Grid>
    </>
  );
}
