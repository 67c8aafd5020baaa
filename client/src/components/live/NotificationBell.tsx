// The bell in the top bar, for every role: unread count, the latest notifications in a
// menu, live additions over the WebSocket (notificationAdded), and marking them read.
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Badge, IconButton } from '@mui/material';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { Hint } from '../Hint';
import { useLiveConnection } from '../../live/connection';
import { useT } from '../../i18n';

const RECENT = 8;

// The list itself (MUI Menu, Popover) loads on the first click: every page shows the bell.
const NotificationMenu = lazy(() => import('./NotificationMenu').then((m) => ({ default: m.NotificationMenu })));

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
  const { t } = useT();
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
      <Hint title={unread ? t('{{number}} unread', { number: unread }) : t('Notifications')}>
        <IconButton
          color="inherit"
          aria-label={unread ? t('Notifications: {{number}} unread', { number: unread > 99 ? '99+' : unread }) : t('Notifications')}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          {/* No badge at 0: its hidden "0" would be text the button's name does not contain (axe). */}
          {unread ? (
            <Badge badgeContent={unread} color="error" max={99}>
              <NotificationsOutlined />
            </Badge>
          ) : <NotificationsOutlined />}
        </IconButton>
      </Hint>
      {anchor && (
        <Suspense fallback={null}>
          <NotificationMenu
            anchor={anchor}
            onClose={() => setAnchor(null)}
            items={page?.items ?? []}
            unread={unread}
            onMarkAll={() => void markRead({ variables: { all: true } })}
            onOpen={open}
          />
        </Suspense>
      )}
    </>
  );
}
