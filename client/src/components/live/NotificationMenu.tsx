// The bell's list of recent notifications (loaded on the first click, NotificationBell).
import { Box, Button, Divider, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import { formatDateTime, localizeTimesInText } from '../../lib/format';

export interface NotificationItem { id: string; message: string; read: boolean; createdAt: string; appointmentId?: string | null }

export function NotificationMenu({ anchor, onClose, items, unread, onMarkAll, onOpen }: {
  anchor: HTMLElement;
  onClose(): void;
  items: NotificationItem[];
  unread: number;
  onMarkAll(): void;
  onOpen(notification: NotificationItem): void;
}) {
  return (
    <Menu
      anchorEl={anchor}
      open
      onClose={onClose}
      slotProps={{ paper: { sx: { width: 380, maxWidth: 'calc(100vw - 32px)' } }, list: { 'aria-label': 'Notifications' } }}
    >
      <Box sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
        <Typography sx={{ fontWeight: 600 }}>Notifications</Typography>
        <Button size="small" disabled={unread === 0} onClick={onMarkAll}>
          Mark all read
        </Button>
      </Box>
      <Divider />
      {items.length === 0 && (
        <Typography color="text.secondary" sx={{ px: 2, py: 2 }}>Nothing yet. Bookings and changes to your visits show up here.</Typography>
      )}
      {items.map((notification) => (
        <MenuItem
          key={notification.id}
          onClick={() => onOpen(notification)}
          sx={{ alignItems: 'flex-start', whiteSpace: 'normal', gap: 1.5, py: 1.25 }}
        >
          <Box
            aria-hidden
            sx={{ mt: 0.9, width: 8, height: 8, borderRadius: '50%', flexShrink: 0, bgcolor: notification.read ? 'transparent' : 'primary.main' }}
          />
          <ListItemText
            primary={localizeTimesInText(notification.message)}
            secondary={formatDateTime(notification.createdAt)}
            slotProps={{ primary: { sx: { fontWeight: notification.read ? 400 : 600, fontSize: 14 } } }}
          />
        </MenuItem>
      ))}
    </Menu>
  );
}
