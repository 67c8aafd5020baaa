// The navigation drawer of small screens (loaded on first open, AppFrame).
import { Box, Divider, Drawer, List, ListItemButton, ListItemIcon, ListItemText, Toolbar, Typography } from '@mui/material';
import { NavLink } from 'react-router-dom';
import type { navigationFor } from './navigation';

export function NavDrawer({ items, onClose }: { items: ReturnType<typeof navigationFor>; onClose(): void }) {
  return (
    <Drawer open onClose={onClose} slotProps={{ paper: { 'aria-label': 'Navigation' } }}>
      <Box sx={{ width: 260 }} role="presentation" onClick={onClose}>
        <Toolbar><Typography variant="h6">HMS</Typography></Toolbar>
        <Divider />
        <List component="nav" aria-label="Main">
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
