import { useNavigate } from 'react-router-dom';
import { BookingWizard } from '../../components/booking/BookingWizard';
import { PageHeader } from '../../components/PageHeader';

export function BookPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="Book a visit" subtitle="Choose a department, a doctor, a day and a free time." />
      <BookingWizard
        onBooked={(appointment) =>
          navigate('/patient/appointments', {
            state: { booked: { startsAt: appointment.startsAt, doctorName: appointment.doctor.fullName } },
          })}
      />
    </>
  );
}
