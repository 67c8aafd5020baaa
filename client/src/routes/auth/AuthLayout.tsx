// The frame of the signed-out pages: a centred card under the hospital's name.
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import LocalHospital from '@mui/icons-material/LocalHospital';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { LanguagePicker } from './PublicLayout';

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useT();
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        px: 2,
        py: 6,
        // The same backdrop as the plain signed-out pages (public.css), light or dark.
        background: (theme) => theme.palette.mode === 'dark'
          ? 'linear-gradient(160deg, #0f1a1d 0%, #121b1e 55%, #17152a 100%)'
          : 'linear-gradient(160deg, #e3f1f2 0%, #f4f7f8 55%, #ece9f7 100%)',
      }}
    >
      <Stack spacing={3} sx={{ width: '100%', maxWidth: 460 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'center', color: 'primary.main' }}>
          <LocalHospital fontSize="large" />
          <Typography variant="h5" component="div">{t('HMS Hospital')}</Typography>
        </Stack>
        <Card sx={{ borderRadius: 3, boxShadow: '0 8px 30px rgba(11, 110, 117, 0.08)' }}>
          <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
            <Typography variant="h5" component="h1">{title}</Typography>
            {subtitle && <Typography color="text.secondary" sx={{ mt: 0.5, mb: 1 }}>{subtitle}</Typography>}
            <Box sx={{ mt: 2 }}>{children}</Box>
          </CardContent>
        </Card>
        <LanguagePicker className="hms-language" />
      </Stack>
    </Box>
  );
}
