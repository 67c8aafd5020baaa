import 'reflect-metadata';
import { type GraphQLSchema, printSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth';
import type { HmsPubSub } from './pubsub';
import { DepartmentResolver, DoctorResolver, PatientResolver } from './modules/directory/directory.resolver';
import { HospitalResolver } from './modules/directory/hospital.resolver';
import { AppointmentInvoiceResolver, InvoiceLineResolver, InvoiceResolver, PaymentResolver } from './modules/billing/billing.resolver';
import { AppointmentTreatmentsResolver, TreatmentResolver } from './modules/clinical/clinical.resolver';
import { ReportsResolver } from './modules/reports/reports.resolver';
import { IdentityResolver } from './modules/identity/identity.resolver';
import { AccountsResolver, DoctorInvitationResolver } from './modules/identity/accounts.resolver';
import { LiveResolver, NotificationFieldsResolver } from './modules/live/live.resolver';
import { AppointmentFieldsResolver } from './modules/scheduling/appointment.resolver';
import { AppointmentResolver, AvailabilityResolver } from './modules/scheduling/scheduling.resolver';
import { AppointmentSeriesFieldsResolver, SeriesResolver } from './modules/scheduling/series.resolver';
import { WaitlistResolver } from './modules/waitlist/waitlist.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AppointmentQueueResolver, FrontDeskResolver } from './modules/frontdesk/frontdesk.resolver';
import { IntegrationsResolver } from './modules/integrations/integrations.resolver';
import { AppointmentReminderResolver, MessagesResolver } from './modules/messages/messages.resolver';
import { DateTimeScalar } from './shared/scalars';

/** Every resolver class; a feature module adds its own here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const resolvers: NonEmptyArray<Function> = [
  IdentityResolver,
  AccountsResolver,
  DoctorInvitationResolver,
  HospitalResolver,
  DepartmentResolver,
  DoctorResolver,
  PatientResolver,
  AppointmentFieldsResolver,
  AvailabilityResolver,
  AppointmentResolver,
  AppointmentSeriesFieldsResolver,
  SeriesResolver,
  WaitlistResolver,
  AuditResolver,
  LiveResolver,
  NotificationFieldsResolver,
  TreatmentResolver,
  AppointmentTreatmentsResolver,
  InvoiceResolver,
  InvoiceLineResolver,
  PaymentResolver,
  AppointmentInvoiceResolver,
  ReportsResolver,
  FrontDeskResolver,
  AppointmentQueueResolver,
  IntegrationsResolver,
  MessagesResolver,
  AppointmentReminderResolver,
];

const ROOT_DESCRIPTIONS = {
  Query: 'Everything that can be read. Fields say who may read them; others get FORBIDDEN or NOT_FOUND.',
  Mutation: 'Everything that changes data. Each runs in one transaction: it succeeds whole or changes nothing.',
  Subscription: 'Live events over WebSocket (graphql-transport-ws) at /graphql; authenticate in the connection_init payload.',
};

export async function createSchema(pubSub: HmsPubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    authChecker,
    pubSub,
    // Inputs are validated by the services (zod), which know the field names to report.
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  // type-graphql has no option for root type descriptions.
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) root.description = ROOT_DESCRIPTIONS[root.name as keyof typeof ROOT_DESCRIPTIONS];
  }
  return schema;
}

/** The SDL committed as schema.graphql: in declaration order, which type-graphql keeps stable. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
