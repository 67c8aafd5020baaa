import { Chip } from '@mui/material';
import { useT } from '../i18n';

export function ActiveChip({ active }: { active: boolean }) {
  const { t } = useT();
  return active
    ? <Chip label={t('Active')} size="small" color="success" variant="outlined" />
    : <Chip label={t('Inactive')} size="small" variant="outlined" />;
}
