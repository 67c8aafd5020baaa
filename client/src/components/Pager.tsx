import { Button, Stack, Typography } from '@mui/material';
import { useT } from '../i18n';

/** "Page 2 · 57 in total   [Previous] [Next]" under a paged table. */
export function Pager(props: { page: number; totalCount: number; nextCursor: string | null | undefined; onNext(cursor: string): void; onPrevious(): void }) {
  const { t } = useT();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end', mt: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>
        {t('Page {{page}} · {{count}} in total', { page: props.page, count: props.totalCount })}
      </Typography>
      <Button size="small" variant="outlined" disabled={props.page <= 1} onClick={props.onPrevious}>{t('Previous')}</Button>
      <Button size="small" variant="outlined" disabled={!props.nextCursor} onClick={() => props.nextCursor && props.onNext(props.nextCursor)}>
        {t('Next')}</Button>
    </Stack>
  );
}
