// The account menu: who is signed in, the look (system, light or dark colours) and 12- or
// 24-hour times (lib/preferences.ts), change password, sign out.
import { Box, Divider, MenuItem, MenuList, Popover, Typography } from '@mui/material';
import Check from '@mui/icons-material/Check';
import { useNavigate } from 'react-router-dom';
import {
  colorScheme, hourCycle, setColorScheme, setHourCycle, usePreferencesVersion, type ColorScheme, type HourCycle,
} from '../lib/preferences';

const SCHEMES: Array<[ColorScheme, string]> = [['system', 'Theme: as the system'], ['light', 'Theme: light'], ['dark', 'Theme: dark']];
const CYCLES: Array<[HourCycle, string]> = [['auto', 'Times: as the browser'], ['h12', 'Times: 12-hour (2:30 PM)'], ['h23', 'Times: 24-hour (14:30)']];

function Choice({ checked, label, onSelect }: { checked: boolean; label: string; onSelect(): void }) {
  return (
    <MenuItem role="menuitemradio" aria-checked={checked} onClick={onSelect} sx={{ gap: 1 }}>
      <Check fontSize="small" sx={{ visibility: checked ? 'visible' : 'hidden' }} />
      {label}
    </MenuItem>
  );
}

export function AccountMenuList({ anchor, name, email, onClose }: { anchor: HTMLElement; name: string; email: string; onClose(): void }) {
  const navigate = useNavigate();
  usePreferencesVersion();
  const scheme = colorScheme();
  const cycle = hourCycle();
  return (
    // Who is signed in above the menu proper: a role=menu list may hold only menu items (axe).
    <Popover
      anchorEl={anchor}
      open
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
    >
      <Box sx={{ px: 2, py: 1 }}>
        <Typography sx={{ fontWeight: 600 }}>{name}</Typography>
        <Typography variant="body2" color="text.secondary">{email}</Typography>
      </Box>
      <Divider />
      <MenuList aria-label="Account" autoFocusItem>
      {SCHEMES.map(([value, label]) => <Choice key={value} checked={scheme === value} label={label} onSelect={() => setColorScheme(value)} />)}
      {CYCLES.map(([value, label]) => <Choice key={value} checked={cycle === value} label={label} onSelect={() => setHourCycle(value)} />)}
      <Divider />
      <MenuItem onClick={() => { onClose(); navigate('/change-password'); }}>Change password</MenuItem>
      <MenuItem onClick={() => { onClose(); navigate('/sign-out'); }}>Sign out</MenuItem>
      </MenuList>
    </Popover>
  );
}
