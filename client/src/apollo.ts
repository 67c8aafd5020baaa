// One Apollo client: queries and mutations over HTTP, subscriptions over graphql-ws,
// the session token attached to both (Authorization header / connection_init payload).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { expireSession, getToken, onTokenChange, requirePasswordChange } from './auth/token';
import { liveConnectionEvents } from './live/connection';

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

function makeWsLink(): GraphQLWsLink {
  return new GraphQLWsLink(
    createClient({
      url: webSocketUrl(),
      // Connect only when a subscription starts; the server turns anonymous sockets away.
      lazy: true,
      retryAttempts: 5,
      // Drives the live/reconnecting/paused indicators (live/connection.ts).
      on: {
        ...liveConnectionEvents,
        // 4401: the server ended this account's sessions (deactivated, password changed, signed out everywhere).
        closed: (event) => {
          liveConnectionEvents.closed?.(event);
          if ((event as { code?: number } | undefined)?.code === 4401 && getToken()) expireSession();
        },
      },
      connectionParams: () => {
        const token = getToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  );
}

// A socket authenticates once, at connection_init: on sign-in or sign-out start a new one.
let wsLink = makeWsLink();
onTokenChange(() => {
  void wsLink.client.dispose();
  wsLink = makeWsLink();
});
const subscriptionLink = new ApolloLink((operation) => wsLink.request(operation));

const authLink = new SetContextLink((previous) => {
  const token = getToken();
  return token ? { headers: { ...previous.headers, authorization: `Bearer ${token}` } } : {};
});

// Operations whose UNAUTHENTICATED answer means "wrong password", not "session over".
const SIGN_IN_OPERATIONS = new Set(['SignIn', 'SignUp']);

// A refused token (expired, or revoked by a password change elsewhere) ends the session here too.
const sessionLink = new ErrorLink(({ error, operation }) => {
  if (!CombinedGraphQLErrors.is(error)) return;
  const refused = error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (refused && getToken() && !SIGN_IN_OPERATIONS.has(operation.operationName ?? '')) expireSession();
  if (error.errors.some((e) => e.extensions?.reason === 'MUST_CHANGE_PASSWORD')) requirePasswordChange();
});

const httpLink = new HttpLink({ uri: '/graphql' });

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([
    sessionLink,
    ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      subscriptionLink,
      authLink.concat(httpLink),
    ),
  ]),
  cache: new InMemoryCache({
    typePolicies: {
      // Money has no id: keep it embedded in its parent.
      Money: { keyFields: false },
    },
  }),
  defaultOptions: {
    watchQuery: { fetchPolicy: 'cache-and-network' },
  },
});
