import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../../context';
import { HmsError } from '../../errors';
import { logger } from '../../logger';
import { recordNow } from './audit.service';

function original(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) current = current.originalError;
  return current;
}

/** FORBIDDEN errors not already written to the trail by the service that refused (clinical reads write their own, with the patient). */
function unrecordedRefusals(errors: readonly unknown[]): GraphQLError[] {
  return errors.filter((error): error is GraphQLError => {
    const cause = original(error);
    return error instanceof GraphQLError && cause instanceof HmsError && cause.extensions.code === 'FORBIDDEN' && !(cause as { audited?: boolean }).audited;
  });
}

/**
 * One audit row per operation that answered FORBIDDEN to a signed-in caller,
 * naming the operation and the refused paths. Written at once, outside any
 * transaction (the refused work rolled back; its refusal must not). Anonymous
 * callers get UNAUTHENTICATED, never FORBIDDEN, so they leave nothing here.
 * A failure to write is logged, never turned into the caller's error.
 */
export async function recordRefusals(
  ctx: Pick<Context, 'deps' | 'viewer' | 'requestId'>,
  operation: string | null | undefined,
  errors: readonly unknown[],
): Promise<void> {
  if (!ctx.viewer) return;
  const refused = unrecordedRefusals(errors);
  if (refused.length === 0) return;
  const paths = refused.map((error) => (error.path ?? []).join('.') || '(operation)');
  const name = (operation || String(refused[0].path?.[0] ?? 'operation')).slice(0, 32);
  try {
    await recordNow(ctx.deps, ctx, [{
      action: 'access.denied',
      entityType: 'operation',
      entityId: name,
      changes: { paths: { before: null, after: paths.slice(0, 20) }, message: { before: null, after: refused[0].message.slice(0, 200) } },
    }]);
  } catch (error) {
    logger.error(`could not record a refusal (request ${ctx.requestId})`, error);
  }
}

/** Apollo plugin: every FORBIDDEN answered over HTTP is recorded. */
export const refusalAuditPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, operationName, errors }) {
        await recordRefusals(contextValue, operationName, errors);
      },
    };
  },
};
