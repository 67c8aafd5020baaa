import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Invoice } from '../modules/billing/invoice.entity';
import { InvoiceCounter } from '../modules/billing/invoice-counter.entity';
import { InvoiceLine } from '../modules/billing/invoice-line.entity';
import { Payment } from '../modules/billing/payment.entity';
import { Treatment } from '../modules/clinical/treatment.entity';
import { TreatmentRevision } from '../modules/clinical/treatment-revision.entity';
import { Department } from '../modules/directory/department.entity';
import { Doctor } from '../modules/directory/doctor.entity';
import { Patient } from '../modules/directory/patient.entity';
import { Invitation } from '../modules/identity/invitation.entity';
import { SystemSetting } from '../modules/identity/system-setting.entity';
import { User } from '../modules/identity/user.entity';
import { Notification } from '../modules/live/notification.entity';
import { OutboxEvent } from '../modules/live/outbox-event.entity';
import { AppointmentDaily, HospitalUtcOffset, ReportRollupState } from '../modules/reports/rollup.entity';
import { AvailabilityBlock } from '../modules/scheduling/availability-block.entity';
import { AvailabilityRule } from '../modules/scheduling/availability-rule.entity';
import { Appointment } from '../modules/scheduling/appointment.entity';
import { AppointmentSeries } from '../modules/scheduling/appointment-series.entity';
import { WaitlistEntry } from '../modules/waitlist/waitlist-entry.entity';
import { WaitlistOffer } from '../modules/waitlist/waitlist-offer.entity';
import { DisplayToken, QueueCounter, QueueTicket } from '../modules/frontdesk/queue.entity';
import { ApiKey } from '../modules/integrations/api-key.entity';
import { CalendarFeed } from '../modules/integrations/calendar-feed.entity';
import { WebhookDelivery, WebhookEndpoint, WebhookFeedState } from '../modules/integrations/webhook.entity';
import { Message } from '../modules/messages/message.entity';
import { PasswordReset } from '../modules/messages/password-reset.entity';
import { ExportJob, ReportDelivery } from '../modules/reports/export-job.entity';

/** Every entity, listed explicitly so discovery needs no file globbing or reflection. */
export const entities = [
  User, SystemSetting, Invitation,
  Department, Doctor, Patient,
  AvailabilityRule, AvailabilityBlock, Appointment, AppointmentSeries,
  WaitlistEntry, WaitlistOffer,
  Treatment, TreatmentRevision,
  Invoice, InvoiceLine, Payment, InvoiceCounter,
  OutboxEvent, Notification,
  AuditEvent,
  QueueCounter, QueueTicket, DisplayToken,
  ApiKey, CalendarFeed, WebhookEndpoint, WebhookDelivery, WebhookFeedState,
  Message, PasswordReset,
  ExportJob, ReportDelivery,
  HospitalUtcOffset, AppointmentDaily, ReportRollupState,
];
