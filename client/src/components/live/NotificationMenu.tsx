// The bell's list of recent notifications (loaded on the first click, NotificationBell).
import { Box, Button, Divider, ListItemText, MenuItem, MenuList, Popover, Typography } from '@mui/material';
import { formatDateTime, localizeTimesInText } from '../../lib/format';
import { useT } from '../../i18n';

export interface NotificationItem { id: string; message: string; read: boolean; createdAt: string; appointmentId?: string | null }

export function NotificationMenu({ anchor, onClose, items, unread, onMarkAll, onOpen }: {
  anchor: HTMLElement;
  onClose(): void;
  items: NotificationItem[];
  unread: number;
  onMarkAll(): void;
  onOpen(notification: NotificationItem): void;
}) {
  const { t } = useT();
  return (
    // A popover with a heading and a button above the menu proper: a role=menu list may hold only menu items (axe).
    <Popover
      anchorEl={anchor}
      open
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      slotProps={{ paper: { sx: { width: 380, maxWidth: 'calc(100vw - 32px)' } } }}
    >
      <Box sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
        <Typography sx={{ fontWeight: 600 }}>{t('Notifications')}</Typography>
        <Button size="small" disabled={unread === 0} onClick={onMarkAll}>
          {t('Mark all read')}
        </Button>
      </Box>
      <Divider />
      <MenuList aria-label={t('Notifications')} autoFocusItem={items.length > 0}>
      {items.length === 0 && (
        <MenuItem disabled sx={{ whiteSpace: 'normal', '&.Mui-disabled': { opacity: 1 } }}>{t('Nothing yet. Bookings and changes to your visits show up here.')}</MenuItem>
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
      </MenuList>
    </Popover>
  );
}
