// The icon buttons at the end of an admin table row: any row-specific ones (children), then Edit and Delete.
import { IconButton, Stack, Tooltip } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

export function RowActions(props: { name: string; onEdit(): void; onDelete(): void; children?: ReactNode }) {
  const { t } = useT();
  return (
    <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
      {props.children}
      <Tooltip title={t('Edit')}>
        <IconButton aria-label={t('Edit {{name}}', { name: props.name })} onClick={props.onEdit}><EditOutlined /></IconButton>
      </Tooltip>
      <Tooltip title={t('Delete')}>
        <IconButton aria-label={t('Delete {{name}}', { name: props.name })} onClick={props.onDelete}>
          <DeleteOutline />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}
