// GraphQL for the signed-out pages (sign-in, sign-up) without Apollo Client: one fetch, typed
// by the same codegen documents. Apollo (56 KB gzipped) loads with the signed-in app instead.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { t } from '../i18n';

interface AstNode { kind: string; [key: string]: unknown }
type Nodes = readonly AstNode[] | undefined;

/**
 * Enough of graphql-js's print() for operation documents (graphql-js itself would cost ~10 KB
 * more). With `typename`, every selection below the root also asks for __typename, as Apollo
 * does, so an answer can be written into Apollo's cache.
 */
function print(node: AstNode, typename = false): string {
  const n = node as Record<string, any>;
  const sub = (child: AstNode) => print(child, typename);
  const all = (list: Nodes, sep: string) => (list ?? []).map(sub).join(sep);
  const block = (set: AstNode | undefined, root = false) =>
    (set ? ` { ${all(set.selections as Nodes, ' ')}${typename && !root ? ' __typename' : ''} }` : '');
  const args = (list: Nodes) => (list?.length ? `(${all(list, ', ')})` : '');
  switch (node.kind) {
    case 'Document': return all(n.definitions, '\n');
    case 'OperationDefinition': return `${n.operation}${n.name ? ` ${n.name.value}` : ''}${args(n.variableDefinitions)}${block(n.selectionSet, true)}`;
    case 'VariableDefinition': return `$${n.variable.name.value}: ${sub(n.type)}${n.defaultValue ? ` = ${sub(n.defaultValue)}` : ''}`;
    case 'FragmentDefinition': return `fragment ${n.name.value} on ${n.typeCondition.name.value}${block(n.selectionSet)}`;
    case 'Field': return `${n.alias ? `${n.alias.value}: ` : ''}${n.name.value}${args(n.arguments)}${block(n.selectionSet)}`;
    case 'Argument': case 'ObjectField': return `${n.name.value}: ${sub(n.value)}`;
    case 'FragmentSpread': return `...${n.name.value}`;
    case 'InlineFragment': return `...${n.typeCondition ? ` on ${n.typeCondition.name.value}` : ''}${block(n.selectionSet)}`;
    case 'NamedType': return n.name.value;
    case 'NonNullType': return `${sub(n.type)}!`;
    case 'ListType': case 'ListValue': return node.kind === 'ListType' ? `[${sub(n.type)}]` : `[${all(n.values, ', ')}]`;
    case 'Variable': return `$${n.name.value}`;
    case 'StringValue': return JSON.stringify(n.value);
    case 'ObjectValue': return `{${all(n.fields, ', ')}}`;
    case 'NullValue': return 'null';
    default: return String(n.value); // Int, Float, Boolean, Enum
  }
}

export interface PublicGraphQLError { message: string; extensions?: Record<string, unknown> }

/** A refused or failed request: GraphQL errors from the server, or none when it could not be reached. */
export class RequestFailed extends Error {
  constructor(readonly errors: PublicGraphQLError[], message: string) { super(message); }
  get code(): string | undefined { return this.errors[0]?.extensions?.code as string | undefined; }
  /** extensions.fields of every BAD_USER_INPUT error, merged. */
  get fields(): Record<string, string> {
    return Object.assign({}, ...this.errors.map((e) => (e.extensions?.fields as Record<string, string> | undefined) ?? {}));
  }
}

const unreachable = () => t('The hospital server could not be reached. Check your connection and try again.');

export async function request<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  options: { token?: string; typename?: boolean } = {},
): Promise<Result> {
  let body: { data?: Result | null; errors?: PublicGraphQLError[] } | undefined;
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), // i18n-ignore
      },
      body: JSON.stringify({ query: print(document as unknown as AstNode, options.typename), variables }),
    });
    body = await response.json().catch(() => undefined);
  } catch {
    throw new RequestFailed([], unreachable());
  }
  if (body?.errors?.length) {
    const first = body.errors[0]!;
    const internal = first.extensions?.code === 'INTERNAL_SERVER_ERROR';
    throw new RequestFailed(body.errors, internal || !first.message ? t('Something went wrong. Please try again.') : first.message);
  }
  if (!body?.data) throw new RequestFailed([], unreachable());
  return body.data;
}
