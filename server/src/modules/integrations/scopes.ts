import { type DocumentNode, type GraphQLSchema, getNamedType, Kind, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import type { Viewer } from '../../context';
import { HmsError } from '../../errors';
import type { ApiKeyScope } from './api-key.entity';

/**
 * What an API key may call, decided on the whole document before anything runs (like the
 * must-change-password gate). A key acts as an admin-like service account, so the services'
 * own rules still apply; this narrows them to the key's scopes. Root fields not listed are
 * refused: a new operation is closed to keys until someone decides its scope here.
 */
const ROOT_SCOPES: Record<string, ApiKeyScope[]> = {
  // Public reference data and schedules (no patient names: see FIELD_SCOPES).
  'Query.departments': ['schedule:read'],
  'Query.doctors': ['schedule:read'],
  'Query.doctor': ['schedule:read'],
  'Query.weeklyAvailability': ['schedule:read'],
  'Query.availabilityBlocks': ['schedule:read'],
  'Query.availableSlots': ['schedule:read'],
  'Query.availableDays': ['schedule:read'],
  'Query.doctorDay': ['schedule:read', 'appointments:read'],
  'Subscription.slotsChanged': ['schedule:read'],
  'Query.appointment': ['appointments:read'],
  'Query.appointments': ['appointments:read'],
  'Subscription.doctorScheduleChanged': ['appointments:read'],
  'Mutation.bookAppointment': ['appointments:write'],
  'Mutation.rescheduleAppointment': ['appointments:write'],
  'Mutation.cancelAppointment': ['appointments:write'],
  'Query.patients': ['patients:read'],
  'Query.patient': ['patients:read'],
  'Query.invoice': ['billing:read'],
  'Query.invoices': ['billing:read'],
};

/** Open to every key: who am I, public hospital settings. */
const ALWAYS = new Set(['Query.me', 'Query.hospital', 'Query.__typename', 'Mutation.__typename', 'Subscription.__typename']);

/** Nested fields that carry more than their root's scope gives. */
const FIELD_SCOPES: Record<string, ApiKeyScope[]> = {
  // A schedule shows when, not who.
  'Appointment.patient': ['appointments:read', 'patients:read'],
  'Appointment.reason': ['appointments:read'],
  'Appointment.cancelReason': ['appointments:read'],
  'Appointment.invoice': ['billing:read'],
  'ScheduleChange.appointment': ['appointments:read'],
};

/** Every field of these types needs the scope (demographics beyond the name, money). */
const TYPE_SCOPES: Record<string, { scopes: ApiKeyScope[]; except?: string[] }> = {
  Patient: { scopes: ['patients:read'], except: ['id', 'fullName', '__typename'] },
  Invoice: { scopes: ['billing:read'] },
  InvoiceLine: { scopes: ['billing:read'] },
  Payment: { scopes: ['billing:read'] },
};

/** Clinical content is never readable through a key, whatever its scopes. */
const NEVER_TYPES = new Set(['Treatment', 'TreatmentRevision', 'RecordSummary', 'Medicine', 'RecordAccess']);

export function missingScopeError(scope: string, what: string): HmsError {
  return new HmsError('FORBIDDEN', `This API key lacks the scope "${scope}" needed for ${what}`, { scope });
}

/** The refusal for a key's operation, or null when it may run (always null for people). */
export function apiKeyScopeRefusal(schema: GraphQLSchema, viewer: Viewer | null, document: DocumentNode, operationName?: string | null): HmsError | null {
  const key = viewer?.apiKey;
  if (!key) return null;
  const has = (scopes: ApiKeyScope[]) => scopes.some((s) => key.scopes.includes(s));
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  let refusal: HmsError | null = null;
  const typeInfo = new TypeInfo(schema);
  const isRoot = (typeName: string) => [schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name].includes(typeName);
  visit(document, visitWithTypeInfo(typeInfo, {
    OperationDefinition(node) {
      // Only the operation that runs (and the fragments it reaches, visited below) matters.
      if (node !== chosen) return false;
      return undefined;
    },
    Field(node) {
      if (refusal) return false;
      const parent = typeInfo.getParentType()?.name;
      if (!parent) return undefined;
      const name = node.name.value;
      const coordinate = `${parent}.${name}`;
      if (name.startsWith('__') && name !== '__typename') return undefined;
      const named = typeInfo.getFieldDef() ? getNamedType(typeInfo.getFieldDef()!.type).name : '';
      if (NEVER_TYPES.has(named) || NEVER_TYPES.has(parent)) {
        refusal = new HmsError('FORBIDDEN', `API keys never read clinical content (${coordinate})`);
        return false;
      }
      if (isRoot(parent)) {
        if (ALWAYS.has(coordinate)) return undefined;
        const scopes = ROOT_SCOPES[coordinate];
        if (!scopes) {
          refusal = new HmsError('FORBIDDEN', `API keys may not call ${name}`);
          return false;
        }
        if (!has(scopes)) {
          refusal = missingScopeError(scopes[0], name);
          return false;
        }
        return undefined;
      }
      const fieldScopes = FIELD_SCOPES[coordinate];
      if (fieldScopes && !has(fieldScopes)) {
        refusal = missingScopeError(fieldScopes[0], coordinate);
        return false;
      }
      const typeRule = TYPE_SCOPES[parent];
      if (typeRule && !typeRule.except?.includes(name) && !has(typeRule.scopes)) {
        refusal = missingScopeError(typeRule.scopes[0], coordinate);
        return false;
      }
      return undefined;
    },
  }));
  return refusal;
}

/** The scope a key needs for a FHIR interaction (fhir/), or FORBIDDEN naming it. */
export function requireScope(viewer: Viewer, scope: ApiKeyScope, what: string): void {
  if (viewer.apiKey && !viewer.apiKey.scopes.includes(scope)) throw missingScopeError(scope, what);
}
