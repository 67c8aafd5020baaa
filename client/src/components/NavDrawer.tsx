// The navigation drawer of small screens (loaded on first open, AppFrame).
import { Box, Divider, Drawer, List, ListItemButton, ListItemIcon, ListItemText, Toolbar, Typography } from '@mui/material';
import { NavLink } from 'react-router-dom';
import type { navigationFor } from './navigation';
import { useT } from '../i18n';

export function NavDrawer({ items, onClose }: { items: ReturnType<typeof navigationFor>; onClose(): void }) {
  const { t } = useT();
  return (
    <Drawer open onClose={onClose} slotProps={{ paper: { 'aria-label': t('Navigation') } }}>
      <Box sx={{ width: 260 }} role="presentation" onClick={onClose}>
        <Toolbar><Typography variant="h6">{'HMS' /* i18n-ignore: the brand */}</Typography></Toolbar>
        <Divider />
        <List component="nav" aria-label={t('Main')}>
          {items.map((item) => (
            <ListItemButton key={item.to} component={NavLink} to={item.to} end={item.end} sx={{ '&.active': { bgcolor: 'action.selected' } }}>
              <ListItemIcon>{item.icon}</ListItemIcon>
              <ListItemText primary={item.label} />
            </ListItemButton>
          ))}
        </List>
      </Box>
    </Drawer>
  );
}
