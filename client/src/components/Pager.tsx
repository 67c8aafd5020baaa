import { Button, Stack, Typography } from '@mui/material';

/** "Page 2 · 57 in total   [Previous] [Next]" under a paged table. */
export function Pager(props: { page: number; totalCount: number; nextCursor: string | null | undefined; onNext(cursor: string): void; onPrevious(): void }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end', mt: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>
        Page {props.page} · {props.totalCount} in total
      </Typography>
      <Button size="small" variant="outlined" disabled={props.page <= 1} onClick={props.onPrevious}>Previous</Button>
      <Button size="small" variant="outlined" disabled={!props.nextCursor} onClick={() => props.nextCursor && props.onNext(props.nextCursor)}>
        Next
      </Button>
    </Stack>
  );
}
