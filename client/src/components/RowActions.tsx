// The icon buttons at the end of an admin table row: any row-specific ones (children), then Edit and Delete.
import { IconButton, Stack, Tooltip } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import type { ReactNode } from 'react';

export function RowActions(props: { name: string; onEdit(): void; onDelete(): void; children?: ReactNode }) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
      {props.children}
      <Tooltip title="Edit">
        <IconButton aria-label={`Edit ${props.name}`} onClick={props.onEdit}><EditOutlined /></IconButton>
      </Tooltip>
      <Tooltip title="Delete">
        <IconButton aria-label={`Delete ${props.name}`} onClick={props.onDelete}>
          <DeleteOutline />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}
