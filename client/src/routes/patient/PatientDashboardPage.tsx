import { Grid } from '@mui/material';
import EventAvailable from '@mui/icons-material/EventAvailable';
import EventNote from '@mui/icons-material/EventNote';
import { useCurrentUser } from '../../auth/CurrentUser';
import { LinkCard } from '../../components/LinkCard';
import { PageHeader } from '../../components/PageHeader';

export function PatientDashboardPage() {
  const { user } = useCurrentUser();
  const firstName = user?.patient?.fullName.split(' ')[0];
  return (
    <>
      <PageHeader title={firstName ? `Hello, ${firstName}` : 'Welcome'} subtitle="Your visits at the hospital." />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/patient/book" icon={<EventAvailable />} title="Book a visit">Choose a department, a doctor and a free time.</LinkCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LinkCard to="/patient/appointments" icon={<EventNote />} title="My appointments">See, move or cancel your visits.</LinkCard>
        </Grid>
      </Grid>
    </>
  );
}
