import { Stack } from '@mui/material';
import { useCurrentUser } from '../../auth/CurrentUser';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/QueryState';
import { BlocksEditor } from '../../components/schedule/BlocksEditor';
import { WeeklyHoursEditor } from '../../components/schedule/WeeklyHoursEditor';
import { useT } from '../../i18n';

/** The signed-in doctor's own weekly hours and blocks. */
export function HoursPage() {
  const { t } = useT();
  const { user } = useCurrentUser();
  const doctorId = user?.doctor?.id;
  if (!doctorId) return <EmptyState title={t('No doctor profile on this account')} />;
  return (
    <>
      <PageHeader title={t('Weekly hours')} subtitle={t('When patients can book you, and time you are away.')} />
      <Stack spacing={3}>
        <WeeklyHoursEditor doctorId={doctorId} />
        <BlocksEditor doctorId={doctorId} />
      </Stack>
    </>
  );
}
