import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { BadInputError } from './errors';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 2000;

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue; // introspection is limited separately
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return deepest;
}

/**
 * Refuses, before anything runs, operations nested deeper than MAX_QUERY_DEPTH
 * or costlier than MAX_QUERY_COMPLEXITY (lists count by their page size).
 * Used for HTTP (Apollo plugin) and WebSocket (graphql-ws onSubscribe) alike.
 */
export function checkQueryLimits(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    const depth = depthOf(definition.selectionSet, fragments, new Set());
    if (depth > MAX_QUERY_DEPTH) {
      throw new BadInputError(`Query is nested ${depth} levels deep; the limit is ${MAX_QUERY_DEPTH}`);
    }
  }
  const complexity = getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
  if (complexity > MAX_QUERY_COMPLEXITY) {
    throw new BadInputError(`Query costs ${complexity}; the limit is ${MAX_QUERY_COMPLEXITY}`);
  }
}
