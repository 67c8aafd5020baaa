// The account menu: who is signed in, the look (system, light or dark colours), 12- or 24-hour
// times (lib/preferences.ts), the language (i18n/), change password, sign out.
import { Box, Divider, MenuItem, MenuList, Popover, Typography } from '@mui/material';
import Check from '@mui/icons-material/Check';
import { useNavigate } from 'react-router-dom';
import { LANGUAGES, languageName, setLanguage, useLanguage, useT } from '../i18n';
import {
  colorScheme, hourCycle, setColorScheme, setHourCycle, usePreferencesVersion, type ColorScheme, type HourCycle,
} from '../lib/preferences';


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
  const { t } = useT();
  const language = useLanguage();
  usePreferencesVersion();
  const schemes: Array<[ColorScheme, string]> = [['system', t('Theme: as the system')], ['light', t('Theme: light')], ['dark', t('Theme: dark')]];
  const cycles: Array<[HourCycle, string]> = [
    ['auto', t('Times: as the browser')], ['h12', t('Times: 12-hour (2:30 PM)')], ['h23', t('Times: 24-hour (14:30)')],
  ];
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
      <MenuList aria-label={t('Account')} autoFocusItem>
      {schemes.map(([value, label]) => <Choice key={value} checked={scheme === value} label={label} onSelect={() => setColorScheme(value)} />)}
      {cycles.map(([value, label]) => <Choice key={value} checked={cycle === value} label={label} onSelect={() => setHourCycle(value)} />)}
      <Divider />
      {LANGUAGES.map((code) => (
        // Each language named in itself, so a reader finds theirs whatever is on screen now.
        <Choice key={code} checked={language === code} label={languageName(code)} onSelect={() => void setLanguage(code)} />
      ))}
      <Divider />
      <MenuItem onClick={() => { onClose(); navigate('/change-password'); }}>{t('Change password')}</MenuItem>
      <MenuItem onClick={() => { onClose(); navigate('/sign-out'); }}>{t('Sign out')}</MenuItem>
      </MenuList>
    </Popover>
  );
}
