// The signed-in frame: top bar with the role's navigation (a drawer on small screens),
// the account menu, and the page below.
import {
  AppBar, Avatar, Box, Button, Chip, Container, IconButton, Toolbar, Typography, useMediaQuery, useTheme,
} from '@mui/material';
import MenuIcon from '@mui/icons-material/Menu';
import LocalHospital from '@mui/icons-material/LocalHospital';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link as RouterLink, NavLink, Outlet } from 'react-router-dom';
import { useCurrentUser } from '../auth/CurrentUser';
import type { Role } from '../gql/graphql';
import { navigationFor } from './navigation';
import { NotificationBell } from './live/NotificationBell';
import { t, useT } from '../i18n';

const roleLabel = (role: Role): string => ({ PATIENT: t('Patient'), DOCTOR: t('Doctor'), ADMIN: t('Admin') })[role];

export function AppFrame({ role }: { role: Role }) {
  const { t } = useT();
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
            <IconButton color="inherit" edge="start" aria-label={t('Open navigation')} onClick={() => setDrawerOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <Brand to={items[0]?.to ?? '/'} />
          <Chip label={roleLabel(role)} size="small" sx={{ bgcolor: 'primary.dark', color: 'primary.contrastText', ml: 1 }} />
          {!compact && (
            // The admin's many items wrap onto a second row of the bar instead of running off it.
            <Box component="nav" aria-label={t('Main')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, ml: 3, py: 0.5, flexShrink: 1, minWidth: 0 }}>
              {items.map((item) => (
                <Button
                  key={item.to}
                  component={NavLink}
                  to={item.to}
                  end={item.end}
                  color="inherit"
                  sx={{ minWidth: 0, px: 1.5, whiteSpace: 'nowrap', '&.active': { bgcolor: 'primary.dark', boxShadow: 'inset 0 -2px 0 currentColor' } }}
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
      {drawerOpen && (
        <Suspense fallback={null}>
          <NavDrawer items={items} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      )}
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
      {/* The brand is not translated. */}
      <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>{'HMS' /* i18n-ignore */}</Typography>
    </Box>
  );
}

// The menu itself (MUI Menu, Popover) loads on the first click: the frame is on every page.
// The drawer of small screens, likewise on first open.
const NavDrawer = lazy(() => import('./NavDrawer').then((m) => ({ default: m.NavDrawer })));
const AccountMenuList = lazy(() => import('./AccountMenuList').then((m) => ({ default: m.AccountMenuList })));

function AccountMenu({ name, email }: { name: string; email: string }) {
  const { t } = useT();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const initials = name.split(/[\s@.]+/).filter(Boolean).slice(0, 2).map((part) => part[0]!.toUpperCase()).join('');
  return (
    <>
      {/* The visible initials are part of the name (axe: label-content-name-mismatch). */}
      <IconButton color="inherit" aria-label={t('Account {{initials}}', { initials }).trim()} aria-haspopup="menu" onClick={(event) => setAnchor(event.currentTarget)}>
        <Avatar sx={{ width: 34, height: 34, bgcolor: 'primary.dark', color: 'primary.contrastText', fontSize: 15 }}>{initials || '?'}</Avatar>
      </IconButton>
      {anchor && (
        <Suspense fallback={null}>
          <AccountMenuList anchor={anchor} name={name} email={email} onClose={() => setAnchor(null)} />
        </Suspense>
      )}
    </>
  );
}
