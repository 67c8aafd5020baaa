// The bell in the top bar, for every role: unread count, the latest notifications in a
// menu, live additions over the WebSocket (notificationAdded), and marking them read.
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Box, Button, Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useLiveConnection } from '../../live/connection';

const RECENT = 8;

const MyNotificationsDocument = graphql(`
  query MyNotifications($first: Int) {
    myNotifications(first: $first) {
      unreadCount
      items { id kind message read createdAt appointmentId }
    }
  }
`);

const NotificationAddedDocument = graphql(`
  subscription NotificationAdded {
    notificationAdded { id kind message read createdAt appointmentId }
  }
`);

const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all)
  }
`);

export function NotificationBell({ role }: { role: Role }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const navigate = useNavigate();
  const { data, refetch } = useQuery(MyNotificationsDocument, { variables: { first: RECENT } });
  // A new notification means something on screen changed (a visit cancelled or moved): reload
  // what is shown, the bell's own list included, so count and order come from the server.
  const client = useApolloClient();
  const added = useSubscription(NotificationAddedDocument, { onData: () => void client.refetchQueries({ include: 'active' }) });
  const restartAdded = added.restart;
  // After a dropped connection, count again: notifications written meanwhile were not pushed.
  const { connections } = useLiveConnection();
  const seen = useRef(connections);
  useEffect(() => {
    // A subscription that gave up (retries exhausted) is started again on the next connection.
    if (seen.current > 0 && connections > seen.current) {
      if (added.error) restartAdded();
      void refetch();
    }
    seen.current = connections;
  }, [connections, refetch, added.error, restartAdded]);
  const [markRead] = useMutation(MarkNotificationsReadDocument, { onCompleted: () => void refetch() });

  const page = data?.myNotifications;
  const unread = page?.unreadCount ?? 0;

  const open = (notification: { id: string; read: boolean; appointmentId?: string | null }) => {
    setAnchor(null);
    if (!notification.read) void markRead({ variables: { ids: [notification.id] } });
    if (!notification.appointmentId) return;
    if (role === 'DOCTOR') navigate(`/doctor/visits/${notification.appointmentId}`);
    else if (role === 'PATIENT') navigate('/patient/appointments');
  };

  return (
    <>
      <Tooltip title={unread ? `${unread} unread` : 'Notifications'}>
        <IconButton
          color="inherit"
          aria-label={unread ? `Notifications: ${unread} unread` : 'Notifications'}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={unread} color="error" max={99}>
            <NotificationsOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { width: 380, maxWidth: 'calc(100vw - 32px)' } }, list: { 'aria-label': 'Notifications' } }}
      >
        <Box sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
          <Typography sx={{ fontWeight: 600 }}>Notifications</Typography>
          <Button size="small" disabled={unread === 0} onClick={() => void markRead({ variables: { all: true } })}>
            Mark all read
          </Button>
        </Box>
        <Divider />
        {(page?.items.length ?? 0) === 0 && (
          <Typography color="text.secondary" sx={{ px: 2, py: 2 }}>Nothing yet. Bookings and changes to your visits show up here.</Typography>
        )}
        {page?.items.map((notification) => (
          <MenuItem
            key={notification.id}
            onClick={() => open(notification)}
            sx={{ alignItems: 'flex-start', whiteSpace: 'normal', gap: 1.5, py: 1.25 }}
          >
            <Box
              aria-hidden
              sx={{ mt: 0.9, width: 8, height: 8, borderRadius: '50%', flexShrink: 0, bgcolor: notification.read ? 'transparent' : 'primary.main' }}
            />
            <ListItemText
              primary={notification.message}
              secondary={formatDateTime(notification.createdAt)}
              slotProps={{ primary: { sx: { fontWeight: notification.read ? 400 : 600, fontSize: 14 } } }}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
