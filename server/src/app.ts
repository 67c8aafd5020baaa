import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import compression from 'compression';
import express from 'express';
import { parse, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from './config';
import { clientIpOf } from './client-ip';
import { serveClient } from './client-static';
import { buildContext, type AppDeps, type Context } from './context';
import { formatError, HmsError } from './errors';
import { serveWithDrain } from './http-drain';
import { isUnreachable, OutageMonitor, outagePlugin, unavailableError } from './outage';
import { logger } from './logger';
import { checkDataKeyAtStartup } from './modules/clinical/crypto';
import { registerClinicalExports } from './modules/clinical/exports';
import { registerBillingExports } from './modules/billing/exports';
import { loadSecrets } from './modules/identity/secrets';
import { SocketRegistry } from './modules/identity/revocation';
import { mustChangePasswordRefusal, refuseExportsWhileMustChangePassword } from './auth';
import { registerReportExports } from './modules/reports/reports.exports';
import { startLive } from './modules/live/live.service';
import { recordRefusals, refusalAuditPlugin } from './modules/audit/refusals';
import { createPubSubHandle } from './pubsub';
import { checkQueryLimits } from './query-limits';
import { createSchema } from './schema';

export interface App {
  httpServer: http.Server;
  deps: AppDeps;
  schema: GraphQLSchema;
  /** Stops accepting, finishes in-flight requests, closes sockets, pub/sub and the pool. */
  close(): Promise<void>;
}

const DEFAULT_CLIENT_DIST = path.resolve(__dirname, '../../client/dist');

/** Express + Apollo (HTTP) + graphql-ws (WebSocket) on one server, without listening (tests use port 0). */
export async function createApp(config: Config, orm: MikroORM): Promise<App> {
  // A wrong HMS_DATA_KEY stops start-up here, before anything is served.
  await checkDataKeyAtStartup(orm, config);
  const pubsubHandle = createPubSubHandle(config.redisUrl);
  const deps: AppDeps = { config, orm, pubsub: pubsubHandle.pubsub, pubsubHandle, secrets: await loadSecrets(orm, config) };
  const schema = await createSchema(deps.pubsub);
  // Notification times in the hospital's zone; hourly outbox pruning.
  const live = startLive(deps);
  // Closes the sockets of accounts whose sessions end, on every process.
  const sockets = new SocketRegistry(deps);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // Brotli or gzip for HTML, JS, CSS and JSON (GraphQL answers too) above 1 KB.
  app.use(compression({ threshold: 1024 }));
  const httpServer = http.createServer();
  // Shutdown answers every request already read and starts none after (see http-drain.ts).
  const httpDrain = serveWithDrain(httpServer, app);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<{ authorization?: string }, { context?: Context; request: http.IncomingMessage; socket: WebSocket; viewer?: Context['viewer'] }>(
    {
      schema,
      // An anonymous or refused token is turned away at connection_init.
      onConnect: async (ctx) => {
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        const context = await buildContext(deps, authorization, randomUUID(), clientIpOf(ctx.extra.request, config.trustProxy));
        if (context.viewer) {
          ctx.extra.viewer = context.viewer;
          sockets.track(context.viewer, ctx.extra.socket);
        }
        return Boolean(context.viewer);
      },
      // A new context (and EntityManager fork) per subscribe message, never one per socket.
      context: async (ctx) => {
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        return buildContext(deps, authorization, randomUUID(), clientIpOf(ctx.extra.request, config.trustProxy));
      },
      onSubscribe: (ctx, _id, payload) => {
        // Returning errors here answers with an error message before anything runs.
        try {
          const document = parse(payload.query);
          checkQueryLimits(schema, document, payload.variables ?? undefined, payload.operationName);
          const refusal = mustChangePasswordRefusal(ctx.extra.viewer ?? null, document, payload.operationName);
          if (refusal) return [refusal];
        } catch (error) {
          if (error instanceof HmsError) return [error];
          if (error instanceof Error) return [new HmsError('BAD_USER_INPUT', error.message)];
          throw error;
        }
        return undefined;
      },
      // Refusals over WebSocket are audited like those over HTTP.
      onNext: async (_ctx, _id, payload, args, result) => {
        if (result.errors?.length) await recordRefusals(args.contextValue as Context, payload.operationName, result.errors);
      },
      onError: (_ctx, _id, _payload, errors) => {
        for (const error of errors) logger.warn('subscription error', { message: error.message });
      },
    },
    wsServer,
  );

  const limitsPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          checkQueryLimits(schema, document, request.variables, request.operationName);
        },
      };
    },
  };

  // SERVICE_UNAVAILABLE (503) while the database cannot be reached, logged once per outage.
  const databaseOutage = new OutageMonitor('database', () => orm.em.getConnection().execute('select 1'));
  const contextOf = async (...args: Parameters<typeof buildContext>): Promise<Context> => {
    try {
      return await buildContext(...args);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      databaseOutage.failed(error);
      throw unavailableError();
    }
  };

  // A token that must change its password may do nothing else (auth.ts); decided before execution.
  const mustChangePasswordPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        // Answered here (HTTP 403, nothing executed) rather than thrown, which Apollo would send as a 500.
        async responseForOperation({ request, document, contextValue }) {
          const refusal = mustChangePasswordRefusal(contextValue.viewer, document, request.operationName);
          if (!refusal) return null;
          return {
            http: { status: 403, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { errors: [{ message: refusal.message, extensions: { ...refusal.extensions } }] } },
          };
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signal handling (graceful shutdown of HTTP, sockets, pub/sub and pool together).
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      // No @cacheControl hints here; the default plugin would wrap every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      limitsPlugin,
      outagePlugin(databaseOutage),
      refusalAuditPlugin,
      mustChangePasswordPlugin,
      config.introspection ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await Promise.race([
        orm.em.getConnection().execute('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextOf(
        deps, req.headers.authorization, (req.headers['x-request-id'] as string) || randomUUID(), clientIpOf(req, config.trustProxy),
      ),
    }),
  );

  // Before the client catch-all below, which would answer every GET.
  app.use('/exports', refuseExportsWhileMustChangePassword(deps));
  registerClinicalExports(app, deps);
  registerBillingExports(app, deps);
  registerReportExports(app, deps);

  const clientDist = config.clientDist ?? DEFAULT_CLIENT_DIST;
  if (existsSync(path.join(clientDist, 'index.html'))) {
    serveClient(app, clientDist);
  } else {
    app.get('/', (_req, res) => res.type('text').send('HMS API. The client is not built: run `npm run build`. GraphQL is at /graphql.'));
  }

  let closed = false;
  return {
    httpServer,
    deps,
    schema,
    async close() {
      if (closed) return;
      closed = true;
      databaseOutage.stop();
      await httpDrain.drain();
      // After the last request: the relay publishes what they committed.
      await live.stop();
      sockets.stop();
      // Then WebSockets (1001, going away: clients reconnect elsewhere) and Apollo.
      await apollo.stop();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      await pubsubHandle.close();
    },
  };
}
