// The signed-in frame: top bar with the role's navigation (a drawer on small screens),
// the account menu, and the page below.
import {
  AppBar, Avatar, Box, Button, Chip, Container, Divider, Drawer, IconButton, List, ListItemButton, ListItemIcon,
  ListItemText, Menu, MenuItem, Toolbar, Typography, useMediaQuery, useTheme,
} from '@mui/material';
import MenuIcon from '@mui/icons-material/Menu';
import LocalHospital from '@mui/icons-material/LocalHospital';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../auth/CurrentUser';
import type { Role } from '../gql/graphql';
import { navigationFor } from './navigation';
import { NotificationBell } from './live/NotificationBell';

const ROLE_LABEL: Record<Role, string> = { PATIENT: 'Patient', DOCTOR: 'Doctor', ADMIN: 'Admin' };

export function AppFrame({ role }: { role: Role }) {
  const { user } = useCurrentUser();
  const theme = useTheme();
  // Up to seven links per role: below 1200px they move into a drawer.
  const compact = useMediaQuery(theme.breakpoints.down('lg'));
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = navigationFor(role);
  const name = user?.patient?.fullName ?? user?.doctor?.fullName ?? user?.email ?? '';

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="sticky" color="primary">
        <Toolbar sx={{ gap: 1 }}>
          {compact && (
            <IconButton color="inherit" edge="start" aria-label="Open navigation" onClick={() => setDrawerOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <Brand to={items[0]?.to ?? '/'} />
          <Chip label={ROLE_LABEL[role]} size="small" sx={{ bgcolor: 'rgba(255,255,255,0.18)', color: 'inherit', ml: 1 }} />
          {!compact && (
            <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 0.5, ml: 3 }}>
              {items.map((item) => (
                <Button
                  key={item.to}
                  component={NavLink}
                  to={item.to}
                  end={item.end}
                  color="inherit"
                  sx={{ minWidth: 0, px: 1.5, whiteSpace: 'nowrap', opacity: 0.85, '&.active': { opacity: 1, bgcolor: 'rgba(255,255,255,0.16)' } }}
                >
                  {item.label}
                </Button>
              ))}
            </Box>
          )}
          <Box sx={{ flexGrow: 1 }} />
          <NotificationBell role={role} />
          <AccountMenu name={name} email={user?.email ?? ''} />
        </Toolbar>
      </AppBar>
      <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)}>
        <Box sx={{ width: 260 }} role="presentation" onClick={() => setDrawerOpen(false)}>
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
      <Container maxWidth="lg" component="main" sx={{ py: { xs: 3, md: 4 } }}>
        <Outlet />
      </Container>
    </Box>
  );
}

export function Brand({ to = '/' }: { to?: string }): ReactNode {
  return (
    <Box component={RouterLink} to={to} sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'inherit', textDecoration: 'none' }}>
      <LocalHospital />
      <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>HMS</Typography>
    </Box>
  );
}

function AccountMenu({ name, email }: { name: string; email: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const navigate = useNavigate();
  const initials = name.split(/[\s@.]+/).filter(Boolean).slice(0, 2).map((part) => part[0]!.toUpperCase()).join('');
  return (
    <>
      <IconButton color="inherit" aria-label="Account" onClick={(event) => setAnchor(event.currentTarget)}>
        <Avatar sx={{ width: 34, height: 34, bgcolor: 'primary.dark', fontSize: 15 }}>{initials || '?'}</Avatar>
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <Box sx={{ px: 2, py: 1 }}>
          <Typography sx={{ fontWeight: 600 }}>{name}</Typography>
          <Typography variant="body2" color="text.secondary">{email}</Typography>
        </Box>
        <Divider />
        <MenuItem onClick={() => { setAnchor(null); navigate('/change-password'); }}>Change password</MenuItem>
        <MenuItem onClick={() => { setAnchor(null); navigate('/sign-out'); }}>Sign out</MenuItem>
      </Menu>
    </>
  );
}
