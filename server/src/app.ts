import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import compression from 'compression';
import express from 'express';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import { useServer } from 'graphql-ws/use/ws';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from './config';
import { clientIpOf } from './client-ip';
import { serveClient } from './client-static';
import { buildContext, type AppDeps, type Context } from './context';
import { clientExtensions, ForbiddenError, formatError, HmsError, RateLimitedError, ServiceUnavailableError, withoutSuggestions } from './errors';
import { serveWithDrain } from './http-drain';
import { httpStatusPlugin } from './http-status';
import { isUnreachable, OutageMonitor, outageCountPlugin, RETRY_AFTER_SECONDS, WS_UNAVAILABLE_CLOSE_CODE, WS_UNAVAILABLE_CLOSE_REASON } from './outage';
import { logger } from './logger';
import { checkDataKeyAtStartup } from './modules/clinical/crypto';
import { registerClinicalExports } from './modules/clinical/exports';
import { registerBillingExports } from './modules/billing/exports';
import { loadSecrets } from './modules/identity/secrets';
import { SocketRegistry } from './modules/identity/revocation';
import { mustChangePasswordRefusal, refuseExportsWhileMustChangePassword } from './auth';
import { registerReportExports } from './modules/reports/reports.exports';
import { startLive } from './modules/live/live.service';
import { displayTokenId, onlyLobbyFields } from './modules/frontdesk/display.service';
import { startMessages } from './modules/messages/messages.service';
import { recordRefusals, refusalAuditPlugin } from './modules/audit/refusals';
import { createPubSubHandle } from './pubsub';
import './jobs/registry';
import { createJobEngine } from './jobs/engine';
import { checkQueryLimits, PARSE_OPTIONS } from './query-limits';
import { createRateLimits } from './rate-limit';
import { requestIdOf } from './request-id';
import { createSchema } from './schema';
import { apiKeyScopeRefusal } from './modules/integrations/scopes';
import { registerCalendarFeeds } from './modules/integrations/calendar';
import { registerFhir } from './modules/fhir/fhir.router';
import { registerTestClock } from './test-clock';
import { ensureDailyRollup } from './modules/reports/rollup';
import { DashboardCache } from './modules/reports/dashboard-cache';

export interface App {
  httpServer: http.Server;
  deps: AppDeps;
  schema: GraphQLSchema;
  /** Stops accepting, finishes in-flight requests, closes sockets, pub/sub and the pool. */
  close(): Promise<void>;
}

const WS_MAX_PAYLOAD = 1024 * 1024;
/** connection_init carries a token, nothing more: anything bigger is refused before a context is built. */
const WS_MAX_CONNECTION_PARAMS = 16 * 1024;

/**
 * helmet's headers everywhere: a Content-Security-Policy the built client runs under
 * (MUI's emotion injects <style> tags, hence 'unsafe-inline' for styles only),
 * no framing, nosniff, no referrer; HSTS only when HMS is reached over https.
 * The Apollo sandbox (development only) loads its own scripts, so it gets no CSP.
 */
function securityHeaders(config: Config): express.RequestHandler {
  const https = config.publicUrl.startsWith('https://');
  const options = {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", config.publicUrl.replace(/^http/, 'ws')],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' as const },
    frameguard: { action: 'deny' as const },
  };
  // These headers depend on no request: helmet computes them once here, each response just copies them
  // (running helmet's eleven middlewares per request was ~2 % of a day view's CPU).
  const withCsp = fixedHeaders(helmet(options));
  const withoutCsp = fixedHeaders(helmet({ ...options, contentSecurityPolicy: false }));
  return (req, res, next) => {
    const sandbox = config.introspection && req.method === 'GET' && req.path === '/graphql';
    for (const [name, value] of sandbox ? withoutCsp : withCsp) res.setHeader(name, value);
    next();
  };
}

/** The headers a request-independent middleware (helmet with static directives) sets, captured once. */
function fixedHeaders(middleware: (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void): Array<[string, string]> {
  const headers = new Map<string, string>();
  let done = false;
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) { headers.set(name, String(value)); return res; },
    removeHeader(name: string) { headers.delete(name); },
  };
  middleware({} as http.IncomingMessage, res as unknown as http.ServerResponse, (error) => {
    if (error) throw error;
    done = true;
  });
  // helmet is synchronous; anything else could not be captured this way.
  if (!done || headers.size === 0) throw new Error('security headers: the middleware did not finish synchronously');
  return [...headers];
}

const DEFAULT_CLIENT_DIST = path.resolve(__dirname, '../../client/dist');

/** Express + Apollo (HTTP) + graphql-ws (WebSocket) on one server, without listening (tests use port 0). */
export async function createApp(config: Config, orm: MikroORM): Promise<App> {
  // A wrong HMS_DATA_KEY stops start-up here, before anything is served.
  await checkDataKeyAtStartup(orm, config);
  // The dashboard's roll-up must be exact for this zone before the first request (rebuilt only when the zone changed).
  await ensureDailyRollup(orm, config.timezone);
  const pubsubHandle = createPubSubHandle(config.redisUrl, config.redisPrefix);
  const rateLimits = createRateLimits(config.rateLimits, config.redisUrl, `${config.redisPrefix}:rl`);
  const deps = { config, orm, pubsub: pubsubHandle.pubsub, pubsubHandle, secrets: await loadSecrets(orm, config), rateLimits,
    dashboardCache: new DashboardCache(config.dashboardCacheSeconds * 1000) } as AppDeps;
  // Handlers run here unless HMS_WORKERS=off or HMS_BACKGROUND_JOBS=off (then `npm run worker` or a test runs them).
  deps.jobs = createJobEngine(deps);
  // Without introspection (production), error messages do not name fields either ("Did you mean ...").
  const hideSchema = !config.introspection;
  const validationRules = hideSchema ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const schema = await createSchema(deps.pubsub);
  // Notification times in the hospital's zone; hourly outbox pruning.
  const live = startLive(deps);
  // Ledger rows in each schedule change's transaction; the sender's transports.
  const messages = startMessages(deps);
  // Closes the sockets of accounts whose sessions end, on every process.
  const sockets = new SocketRegistry(deps);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  // Brotli or gzip for HTML, JS, CSS and JSON (GraphQL answers too) above 1 KB.
  app.use(compression({ threshold: 1024 }));
  const httpServer = http.createServer();
  // Shutdown answers every request already read and starts none after (see http-drain.ts).
  const httpDrain = serveWithDrain(httpServer, app);

  // SERVICE_UNAVAILABLE (503) while the database cannot be reached, logged once per outage (HTTP and WS).
  const databaseOutage = new OutageMonitor('database', () => orm.em.getConnection().execute('select 1'));

  // One message (connection_init included) is at most 1 MiB: ws refuses bigger frames before buffering them whole.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: WS_MAX_PAYLOAD });
  const wsCleanup = useServer<{ authorization?: string; displayToken?: string }, { context?: Context; request: http.IncomingMessage; socket: WebSocket; viewer?: Context['viewer']; displayTokenId?: number | null }>(
    {
      schema,
      // An anonymous or refused token is turned away at connection_init.
      onConnect: async (ctx) => {
        const ip = clientIpOf(ctx.extra.request, config.trustProxy);
        if (JSON.stringify(ctx.connectionParams ?? {}).length > WS_MAX_CONNECTION_PARAMS) return false;
        try {
          await rateLimits.consume('graphql', ip);
        } catch {
          return false;
        }
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        let context: Context;
        try {
          context = await buildContext(deps, authorization, undefined, ip);
        } catch (error) {
          // A refused API key (revoked, expired, over its budget) is turned away like a bad token.
          if (error instanceof HmsError && !isUnreachable(error)) return false;
          if (!isUnreachable(error)) throw error;
          // The database is down: 1013 "Try Again Later" (graphql-ws clients retry it) naming the code,
          // not graphql-ws's 4500 for an unexpected error. The later close(4403) is then a no-op.
          databaseOutage.failed(error);
          ctx.extra.socket.close(WS_UNAVAILABLE_CLOSE_CODE, WS_UNAVAILABLE_CLOSE_REASON);
          return false;
        }
        if (context.viewer) {
          ctx.extra.viewer = context.viewer;
          sockets.track(context.viewer, ctx.extra.socket);
        }
        // A lobby screen signs in with its display token instead: it may follow lobbyQueueChanged only.
        const displayToken = ctx.connectionParams?.displayToken;
        if (!context.viewer && typeof displayToken === 'string') {
          try {
            ctx.extra.displayTokenId = await displayTokenId(deps, displayToken);
          } catch (error) {
            if (!isUnreachable(error)) throw error;
            databaseOutage.failed(error);
            ctx.extra.socket.close(WS_UNAVAILABLE_CLOSE_CODE, WS_UNAVAILABLE_CLOSE_REASON);
            return false;
          }
          return ctx.extra.displayTokenId !== null;
        }
        return Boolean(context.viewer);
      },
      // Parse, validate (the same rules as HTTP: no introspection in production) and price the
      // operation here; returning errors answers before anything runs.
      onSubscribe: async (ctx, _id, payload) => {
        const refuse = (errors: readonly Error[]) => errors.map((error) => {
          const code = error instanceof HmsError ? String(error.extensions.code) : 'BAD_USER_INPUT';
          const message = hideSchema ? withoutSuggestions(error.message) : error.message;
          return new GraphQLError(message, { extensions: error instanceof HmsError ? clientExtensions(error) : { code } });
        });
        try {
          await rateLimits.consume('graphql', clientIpOf(ctx.extra.request, config.trustProxy));
          const document = parse(payload.query, PARSE_OPTIONS);
          const errors = validate(schema, document, validationRules);
          if (errors.length) return refuse(errors);
          checkQueryLimits(schema, document, payload.variables ?? undefined, payload.operationName, config.queryCost.signedIn, payload.query);
          const refusal = mustChangePasswordRefusal(ctx.extra.viewer ?? null, document, payload.operationName)
            ?? apiKeyScopeRefusal(schema, ctx.extra.viewer ?? null, document, payload.operationName);
          if (refusal) return refuse([refusal]);
          if (!ctx.extra.viewer && ctx.extra.displayTokenId != null && !onlyLobbyFields(document, payload.operationName)) {
            return refuse([new ForbiddenError('A display token can only follow lobbyQueueChanged')]);
          }
          // A new context (and EntityManager fork) per subscribe message, never one per socket; built
          // here so that a database outage is answered with an error frame (SERVICE_UNAVAILABLE).
          const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
          const contextValue = await buildContext(deps, authorization, undefined, clientIpOf(ctx.extra.request, config.trustProxy));
          return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
        } catch (error) {
          // Syntax, variable and limit errors are the caller's; anything else is ours: logged, never echoed.
          if (error instanceof GraphQLError) return refuse([error]);
          if (isUnreachable(error)) {
            databaseOutage.failed(error);
            return refuse([new ServiceUnavailableError(RETRY_AFTER_SECONDS)]);
          }
          logger.error('refusing a WebSocket operation after an unexpected error', error);
          return [new GraphQLError('Internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
        }
      },
      // Refusals over WebSocket are audited like those over HTTP. The database going away while a
      // subscription starts (its resolver's reads) is SERVICE_UNAVAILABLE here too, never a raw error.
      onNext: async (_ctx, _id, payload, args, result) => {
        if (!result.errors?.length) return;
        if (result.errors.some((error) => isUnreachable(error))) {
          databaseOutage.failed(result.errors.find((error) => isUnreachable(error)));
          const unavailable = new ServiceUnavailableError(RETRY_AFTER_SECONDS);
          return { ...result, errors: [{ message: unavailable.message, extensions: clientExtensions(unavailable) }] };
        }
        await recordRefusals(args.contextValue as Context, payload.operationName, result.errors);
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
        async didResolveOperation({ request, document, source, contextValue }) {
          const budget = contextValue.viewer ? config.queryCost.signedIn : config.queryCost.anonymous;
          checkQueryLimits(schema, document, request.variables, request.operationName, budget, source);
        },
      };
    },
  };

  const contextOf = async (...args: Parameters<typeof buildContext>): Promise<Context> => {
    try {
      return await buildContext(...args);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      databaseOutage.failed(error);
      // Its extensions.http (http-status.ts) gives Apollo the 503 and Retry-After for a failed context.
      throw new ServiceUnavailableError(RETRY_AFTER_SECONDS);
    }
  };

  // A token that must change its password may do nothing else (auth.ts); decided before execution.
  const mustChangePasswordPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        // Answered here (HTTP 403, nothing executed) rather than thrown, which Apollo would send as a 500.
        async responseForOperation({ request, document, contextValue }) {
          // An API key's scopes are decided the same way, on the whole document (integrations/scopes.ts).
          const refusal = mustChangePasswordRefusal(contextValue.viewer, document, request.operationName)
            ?? apiKeyScopeRefusal(schema, contextValue.viewer, document, request.operationName);
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
    hideSchemaDetailsFromClientErrors: hideSchema,
    parseOptions: PARSE_OPTIONS,
    // main.ts owns signal handling (graceful shutdown of HTTP, sockets, pub/sub and pool together).
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      // No @cacheControl hints here; the default plugin would wrap every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      limitsPlugin,
      outageCountPlugin(databaseOutage),
      refusalAuditPlugin,
      httpStatusPlugin,
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
    // The general per-address budget, before the body is even parsed.
    async (req, res, next) => {
      try {
        await rateLimits.consume('graphql', clientIpOf(req, config.trustProxy));
        next();
      } catch (error) {
        if (!(error instanceof RateLimitedError)) return next(error);
        res.status(429).set('Retry-After', String(error.extensions.retryAfterSeconds))
          .type(req.accepts(['application/graphql-response+json', 'application/json']) || 'application/json')
          .send(JSON.stringify({ errors: [{ message: error.message, extensions: clientExtensions(error) }] }));
      }
    },
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextOf(
        deps, req.headers.authorization, requestIdOf(req), clientIpOf(req, config.trustProxy),
      ),
    }),
  );
  // A body that is not JSON or is too large: a GraphQL-shaped answer, not Express's HTML page (with a stack outside production).
  const bodyErrors: express.ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
    if (res.headersSent || !error?.status || error.status >= 500) return next(error);
    const message = error.type === 'entity.too.large' ? 'The request body is larger than 2 MB' : 'The request body is not valid JSON';
    res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
  };
  app.use('/graphql', bodyErrors);

  // Before the client catch-all below, which would answer every GET.
  app.use('/exports', refuseExportsWhileMustChangePassword(deps));
  registerTestClock(app, config);
  registerClinicalExports(app, deps);
  registerBillingExports(app, deps);
  registerReportExports(app, deps);
  registerCalendarFeeds(app, deps);
  registerFhir(app, deps, schema);

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
      // Running jobs finish before the pool closes.
      await deps.jobs.close();
      messages.stop();
      sockets.stop();
      // Then WebSockets (1001, going away: clients reconnect elsewhere) and Apollo.
      await apollo.stop();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      await pubsubHandle.close();
      await rateLimits.close();
    },
  };
}
