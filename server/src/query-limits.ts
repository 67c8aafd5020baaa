import type { DocumentNode, FragmentDefinitionNode, GraphQLField, GraphQLSchema, SelectionSetNode } from 'graphql';
import { getNullableType, isListType, Kind } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { createHash } from 'node:crypto';
import { BadInputError } from './errors';

export const MAX_QUERY_DEPTH = 10;
/**
 * Lexical tokens one document may hold (the client's largest operation has ~150).
 * The parser stops counting past it, so a huge document (600 aliases) is refused
 * before validation and pricing spend time on it.
 */
export const MAX_QUERY_TOKENS = 3000;
export const PARSE_OPTIONS = { maxTokens: MAX_QUERY_TOKENS } as const;

/**
 * What one field costs, in rough units of work (1 = a value already in hand).
 *
 * cost(field) = weight + size x cost(children), where size is the field's
 * `first` / `days` / `limit` argument when it has one, else the declared
 * typical size of a list (`items` of a *Page already counted by its `first`),
 * else 1. Root fields touch the database and weigh ROOT_WEIGHT unless listed.
 * Every type-graphql field resolver must be listed here (a test holds it), so
 * a new resolver that loads something cannot slip in at the price of a scalar.
 */
export const ROOT_WEIGHT = 10;
/** A plain property of an object already loaded. */
const FIELD_WEIGHT = 1;
const DEFAULT_LIST_SIZE = 10;
const SIZE_ARGS = ['first', 'days', 'limit'] as const;

export interface FieldCost {
  /** Work of resolving the field itself: 1 computed, 2-5 a batched load, 10+ a query of its own. */
  weight: number;
  /** For lists without a size argument: how many items a typical answer holds. */
  typicalSize?: number;
}

export const FIELD_COSTS: Record<string, FieldCost> = {
  // Root lists without a size argument.
  'Query.departments': { weight: 10, typicalSize: 20 },
  'Query.doctors': { weight: 10, typicalSize: 50 },
  'Query.patientHistory': { weight: 20, typicalSize: 20 },
  'Query.treatmentRevisions': { weight: 10, typicalSize: 10 },
  'Query.weeklyAvailability': { weight: 10, typicalSize: 14 },
  'Query.availabilityBlocks': { weight: 10, typicalSize: 20 },
  'Query.availableSlots': { weight: 15, typicalSize: 32 },
  'Query.availableDays': { weight: 15, typicalSize: 14 },
  'Query.doctorDay': { weight: 10, typicalSize: 32 },
  'Query.dashboard': { weight: 100 },
  'Query.myWaitlist': { weight: 10, typicalSize: 10 },
  'Query.waitlist': { weight: 20, typicalSize: 50 },
  'Query.appointmentSeries': { weight: 10, typicalSize: 12 },
  'Query.schedulingStats': { weight: 100 },
  'Mutation.cancelAppointmentSeries': { weight: 20, typicalSize: 12 },
  'SchedulingStats.noShowsByDoctor': { weight: 0, typicalSize: 50 },
  'SchedulingStats.noShowsByDepartment': { weight: 0, typicalSize: 20 },
  'AppointmentSeriesResult.booked': { weight: 0, typicalSize: 12 },
  'AppointmentSeriesResult.skipped': { weight: 0, typicalSize: 12 },
  'Query.apiKeys': { weight: 10, typicalSize: 20 },
  'Query.webhooks': { weight: 10, typicalSize: 10 },
  'Query.webhookDeliveries': { weight: 10 },
  'Query.doctorMonthlyReport': { weight: 20 },
  'DoctorMonthlyReport.byIcdCode': { weight: 0, typicalSize: 30 },
  'Query.exportJob': { weight: 5 },
  'Query.myExports': { weight: 5, typicalSize: 20 },
  'Mutation.startExport': { weight: 50 },
  'Mutation.setWeeklyAvailability': { weight: 20, typicalSize: 14 },
  'Dashboard.daily': { weight: 0, typicalSize: 31 },
  'Dashboard.byDoctor': { weight: 0, typicalSize: 50 },
  'Dashboard.byDepartment': { weight: 0, typicalSize: 20 },
  // Field resolvers: relations load in batches (a few units), money is computed.
  'Department.doctors': { weight: 5, typicalSize: 10 },
  'Doctor.department': { weight: 2 },
  'Doctor.consultationFee': { weight: 1 },
  'Doctor.email': { weight: 2 },
  'Patient.hasAccount': { weight: 2 },
  'Patient.email': { weight: 2 },
  'Patient.mergedIntoId': { weight: 1 },
  'Appointment.queueNumber': { weight: 2 },
  'Query.displayTokens': { weight: 10, typicalSize: 10 },
  'Query.lobbyQueue': { weight: 20 },
  'LobbyQueue.doctors': { weight: 0, typicalSize: 30 },
  'Query.flowBoard': { weight: 30 },
  'FlowBoard.entries': { weight: 0, typicalSize: 60 },
  'Invoice.total': { weight: 1 },
  'Invoice.paid': { weight: 2 },
  'Invoice.balance': { weight: 2 },
  'Invoice.appointment': { weight: 2 },
  'Invoice.patient': { weight: 2 },
  'Invoice.lines': { weight: 3, typicalSize: 5 },
  'Invoice.payments': { weight: 3, typicalSize: 5 },
  'InvoiceLine.unitPrice': { weight: 1 },
  'InvoiceLine.amount': { weight: 1 },
  'Payment.amount': { weight: 1 },
  'Payment.isRefund': { weight: 1 },
  'Appointment.invoice': { weight: 3 },
  'Appointment.treatments': { weight: 5, typicalSize: 2 },
  'Appointment.doctor': { weight: 2 },
  'Appointment.patient': { weight: 2 },
  'Appointment.seriesId': { weight: 1 },
  'Appointment.urgentReason': { weight: 1 },
  'Appointment.reminders': { weight: 2, typicalSize: 2 },
  'Query.messages': { weight: 10 },
  'Query.jobQueues': { weight: 20 },
  'JobQueueStatus.queues': { weight: 1, typicalSize: 5 },
  'JobQueueStatus.recentFailures': { weight: 1, typicalSize: 20 },
  'Treatment.appointment': { weight: 2 },
  'Treatment.patient': { weight: 2 },
  'Treatment.doctor': { weight: 2 },
  'Treatment.department': { weight: 2 },
  // Clinical text is decrypted per field.
  'Treatment.diagnosis': { weight: 2 },
  'Treatment.prescription': { weight: 2 },
  'Treatment.medicines': { weight: 2, typicalSize: 5 },
  'Treatment.testsOrdered': { weight: 2 },
  'Treatment.precautions': { weight: 2 },
  'Treatment.notes': { weight: 2 },
  'Treatment.patientNotes': { weight: 2 },
  'Treatment.revisionCount': { weight: 3 },
  'User.patient': { weight: 2 },
  'User.doctor': { weight: 2 },
  // Account facts load in one batch per operation; the invitation link is computed.
  'User.createdAt': { weight: 2 },
  'User.fullName': { weight: 2 },
  'User.awaitingInvitation': { weight: 2 },
  'User.language': { weight: 2 },
  'Doctor.invitationUrl': { weight: 1 },
  'Notification.read': { weight: 1 },
  'Notification.appointmentId': { weight: 1 },
};

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

function sizeOf(field: GraphQLField<unknown, unknown>, parent: string, args: Record<string, unknown>): number {
  for (const name of SIZE_ARGS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.floor(value));
  }
  if (!isListType(getNullableType(field.type))) return 1;
  if (parent.endsWith('Page') && field.name === 'items') return 1; // counted by the page's `first`
  return FIELD_COSTS[`${parent}.${field.name}`]?.typicalSize ?? DEFAULT_LIST_SIZE;
}

function estimate({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const key = `${type.name}.${field.name}`;
  // A page's totalCount runs a count query of its own when selected (shared/pagination.ts withTotalCount).
  const pageCount = type.name.endsWith('Page') && field.name === 'totalCount';
  const weight = FIELD_COSTS[key]?.weight ?? (ROOT_TYPES.has(type.name) || pageCount ? ROOT_WEIGHT : FIELD_WEIGHT);
  return weight + sizeOf(field, type.name, args) * childComplexity;
}

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

/** Depth and cost of one operation of a (validated) document. */
export function measureQuery(
  schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null,
): { depth: number; cost: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let depth = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    depth = Math.max(depth, depthOf(definition.selectionSet, fragments, new Set()));
  }
  const cost = getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [estimate],
  });
  return { depth, cost };
}

/**
 * The measure depends only on the document text, the operation and the
 * variables, never on who asks: cache it so a flood of one hostile document
 * is refused for the price of a hash. Bounded, oldest out first.
 */
const MEASURE_CACHE_SIZE = 1000;
const measureCache = new Map<string, { depth: number; cost: number }>();

function cachedMeasure(
  schema: GraphQLSchema, source: string | undefined, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null,
): { depth: number; cost: number } {
  if (source === undefined) return measureQuery(schema, document, variables, operationName);
  const usesVariables = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.variableDefinitions?.length);
  const key = createHash('sha256')
    .update(operationName ?? '').update('\0').update(source).update('\0')
    .update(usesVariables ? JSON.stringify(variables ?? {}) : '')
    .digest('base64');
  let measured = measureCache.get(key);
  if (!measured) {
    measured = measureQuery(schema, document, variables, operationName);
    if (measureCache.size >= MEASURE_CACHE_SIZE) measureCache.delete(measureCache.keys().next().value!);
    measureCache.set(key, measured);
  }
  return measured;
}

/**
 * Refuses, before anything runs, operations nested deeper than MAX_QUERY_DEPTH
 * or costlier than `budget` (lower for anonymous callers) as BAD_USER_INPUT.
 * Used for HTTP (Apollo plugin) and WebSocket (graphql-ws onSubscribe) alike.
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  budget: number,
  source?: string,
): void {
  const { depth, cost } = cachedMeasure(schema, source, document, variables, operationName);
  if (depth > MAX_QUERY_DEPTH) {
    throw new BadInputError(`Query is nested ${depth} levels deep; the limit is ${MAX_QUERY_DEPTH}`);
  }
  if (cost > budget) {
    throw new BadInputError(`Query costs ${cost}; the limit is ${budget} per operation (ask for fewer items or fields)`);
  }
}
