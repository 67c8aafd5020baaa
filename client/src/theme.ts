import { createTheme } from '@mui/material/styles';

// A calm clinical palette: teal for actions, soft grey surfaces, rounded cards.
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#0b6e75', light: '#4c9ca2', dark: '#064b50', contrastText: '#ffffff' },
    secondary: { main: '#5b4bb7' },
    background: { default: '#f4f7f8', paper: '#ffffff' },
    text: { primary: '#17262b', secondary: '#54656b' },
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
    MuiAppBar: { defaultProps: { elevation: 0 } },
    MuiCard: { defaultProps: { variant: 'outlined' } },
    MuiPaper: { styleOverrides: { outlined: { borderColor: '#dfe6e8' } } },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { fullWidth: true } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600, color: '#54656b' } } },
  },
});
