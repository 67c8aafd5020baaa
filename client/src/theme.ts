import { createTheme, type Theme } from '@mui/material/styles';

// A calm clinical palette: teal for actions, soft grey surfaces, rounded cards; a dark
// variant with the same hues lifted for contrast (routes/auth/public.css mirrors both).
export function makeTheme(mode: 'light' | 'dark'): Theme {
  const dark = mode === 'dark';
  return createTheme({
    palette: dark
      ? {
          mode,
          primary: { main: '#5fc4cb', light: '#8fd9de', dark: '#7fd3d9', contrastText: '#06272a' },
          error: { main: '#ff8a80', contrastText: '#2b0604' },
          secondary: { main: '#b3a8f0' },
          background: { default: '#0f1719', paper: '#172124' },
          text: { primary: '#e6eef0', secondary: '#b3c2c6' },
        }
      : {
          mode,
          primary: { main: '#0b6e75', light: '#1f6f75', dark: '#064b50', contrastText: '#ffffff' }, // light: dark enough for white text (axe)
          secondary: { main: '#5b4bb7' },
          background: { default: '#f4f7f8', paper: '#ffffff' },
          text: { primary: '#17262b', secondary: '#4a5a60' },
          // MUI's defaults put white text on 3.1:1 (warning, the "Unpaid" chip) and 4.1:1 (info) fills.
          warning: { main: '#b45309', contrastText: '#ffffff' },
          info: { main: '#01579b', contrastText: '#ffffff' },
          success: { main: '#2e7d32', contrastText: '#ffffff' },
          error: { main: '#b71c1c', contrastText: '#ffffff' },
        },
    shape: { borderRadius: 10 },
    typography: {
      fontFamily: '"Inter", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      h4: { fontWeight: 700, letterSpacing: '-0.01em' },
      h5: { fontWeight: 700 },
      h6: { fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiAppBar: { defaultProps: { elevation: 0 }, styleOverrides: dark ? { root: { backgroundColor: '#123a3e', color: '#e6eef0' } } : {} },
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiPaper: { styleOverrides: { outlined: { borderColor: dark ? '#2c3b40' : '#dfe6e8' } } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTextField: { defaultProps: { fullWidth: true } },
      // A table that scrolls sideways (phones) must be reachable by keyboard (axe: scrollable-region-focusable);
      // pages name theirs with aria-label.
      // A spinner says what it is (axe: aria-progressbar-name).
      MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
      MuiTableContainer: { defaultProps: { tabIndex: 0, role: 'region' } },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 600, color: dark ? '#b3c2c6' : '#4a5a60' } } },
    },
  });
}

export const theme = makeTheme('light');
