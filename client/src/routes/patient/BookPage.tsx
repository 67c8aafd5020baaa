import { useNavigate } from 'react-router-dom';
import { BookingWizard } from '../../components/booking/BookingWizard';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

export function BookPage() {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('Book a visit')} subtitle={t('Choose a department, a doctor, a day and a free time.')} />
      <BookingWizard
        onBooked={(appointment) =>
          navigate('/patient/appointments', {
            state: { booked: { startsAt: appointment.startsAt, doctorName: appointment.doctor.fullName } },
          })}
      />
    </>
  );
}
