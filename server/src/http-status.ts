import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from './context';

/**
 * The one place that turns error codes into HTTP statuses (GraphQL over HTTP):
 *   RATE_LIMITED -> 429, SERVICE_UNAVAILABLE -> 503 (both with Retry-After), wherever they arise;
 *   a request refused before execution (parse, validation, variables, cost) -> 400,
 *   or 200 for a client that accepts only application/json, as the GraphQL-over-HTTP spec asks.
 * Errors inside execution (data present) keep 200: the response is a partial success.
 */
const RETRY_STATUS = { RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 } as const;

export function statusFor(errors: readonly GraphQLFormattedError[], executed: boolean, acceptsOnlyJson: boolean): number | undefined {
  const codes = new Set(errors.map((e) => e.extensions?.code));
  if (codes.has('RATE_LIMITED')) return RETRY_STATUS.RATE_LIMITED;
  if (codes.has('SERVICE_UNAVAILABLE')) return RETRY_STATUS.SERVICE_UNAVAILABLE;
  if (!executed && codes.has('BAD_USER_INPUT')) return acceptsOnlyJson ? 200 : 400;
  return undefined;
}

/**
 * The same statuses as `extensions.http`, for errors Apollo answers without running the
 * plugin below (a failing context function): Apollo reads it and never sends it to the client.
 */
export function retryHttpExtension(code: keyof typeof RETRY_STATUS, retryAfterSeconds: number): { status: number; headers: HeaderMap } {
  return { status: RETRY_STATUS[code], headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) };
}

export function retryAfterOf(errors: readonly GraphQLFormattedError[]): number | undefined {
  const seconds = errors
    .map((e) => e.extensions?.retryAfterSeconds)
    .filter((s): s is number => typeof s === 'number' && s > 0);
  return seconds.length ? Math.ceil(Math.max(...seconds)) : undefined;
}

/** `Accept: application/json` alone (no graphql-response+json, no wildcard). */
function acceptsOnlyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0].trim().toLowerCase()).filter(Boolean);
  return types.includes('application/json') && !types.some((t) => t === 'application/graphql-response+json' || t.includes('*'));
}

export const httpStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (!result.errors?.length) return;
        const status = statusFor(result.errors, 'data' in result && result.data !== undefined, acceptsOnlyJson(request.http?.headers.get('accept')));
        if (status !== undefined) response.http.status = status;
        const retryAfter = retryAfterOf(result.errors);
        if (retryAfter !== undefined && (status === 429 || status === 503)) response.http.headers.set('retry-after', String(retryAfter));
      },
    };
  },
};
