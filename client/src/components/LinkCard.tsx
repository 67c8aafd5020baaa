import { Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';

/** A tile on a dashboard that leads to a page. */
export function LinkCard({ to, icon, title, children }: { to: string; icon: ReactNode; title: string; children?: ReactNode }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}>
        <CardContent>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', color: 'primary.main' }}>
            {icon}
            <Typography variant="h6" component="h2" color="text.primary">{title}</Typography>
          </Stack>
          {children && <Typography color="text.secondary" sx={{ mt: 1 }}>{children}</Typography>}
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** A number with a label, for dashboards. */
export function StatCard({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">{label}</Typography>
        <Typography variant="h4" component="p" sx={{ mt: 0.5 }}>{value}</Typography>
        {hint && <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{hint}</Typography>}
      </CardContent>
    </Card>
  );
}
