// How admin tables fit a phone (390 px, issue 15 item 7): narrower cell padding, and the secondary
// columns hidden below `sm` so that status and actions stay on screen. Whatever still does not fit
// scrolls sideways inside the table's own region (the theme makes TableContainer focusable; pages name it).
import type { SxProps, Theme } from '@mui/material';

/** On the <Table>: half the side padding on phones. */
export const phoneCells: SxProps<Theme> = { '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } };

/** On a secondary column's header and body cells: not shown on phones. */
export const hideOnPhone = { display: { xs: 'none', sm: 'table-cell' } } as const;

/** On a cell's extra line that is shown only on phones (what a hidden column would have said). */
export const phoneOnly = { display: { xs: 'block', sm: 'none' } } as const;
