// Plausible variable values for any operation, so a test can measure what a client document costs.
import {
  isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, typeFromAST,
  type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';

const SCALARS: Record<string, unknown> = {
  ID: '1', String: 'x', Int: 20, Float: 1.5, Boolean: true, LocalDate: '2026-01-05', DateTime: '2026-01-05T09:00:00.000Z',
};

function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isScalarType(type)) return SCALARS[type.name] ?? 'x';
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) if (isNonNullType(field.type)) value[field.name] = sample(field.type);
    return value;
  }
  return null;
}

export function sampleVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (type && isNonNullType(type) && !definition.defaultValue) variables[definition.variable.name.value] = sample(type);
  }
  return variables;
}
