import { type EntityManager, type EventManager, type EventSubscriber, type FlushEventArgs, wrap } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import type { Context, Viewer } from '../../context';
import { logger } from '../../logger';
import { AuditEvent } from '../audit/audit-event.entity';
import { User } from '../identity/user.entity';
import type { Appointment } from '../scheduling/appointment.entity';
import { primeAppointment } from './delivery-cache';
import { relayOf } from './relay';
import { Notification } from './notification.entity';
import { OutboxEvent } from './outbox-event.entity';
import { clock } from '../../clock';

export type ScheduleChangeKind = 'BOOKED' | 'RESCHEDULED' | 'CANCELLED' | 'STATUS_CHANGED';

/** Who made a change: a Context, a Viewer, or just the acting user's id. */
export type ScheduleChangeActor = Pick<Context, 'viewer'> | Viewer | { userId: number } | null | undefined;

interface PendingChange {
  kind: ScheduleChangeKind;
  appointment: Appointment;
  previousStartsAt: Date | null;
  /** undefined: not told; then the appointment's audit row queued in the same transaction is asked. */
  actorUserId: number | null | undefined;
  written: boolean;
  /** From the actor's Context when given; else the hook's (createApp's config). */
  timezone?: string;
  /** Filled when the transaction flushes; published after commit. */
  notifications: Notification[];
  slot?: { startsAt: string; endsAt: string; status: string };
  /** Names and notice settings of the two people, when the caller already read them (under its lock). */
  people?: ScheduleChangePeople;
}

/**
 * The patient and the doctor of a change, as its notifications and messages need them. A service
 * that locks both rows anyway reads these in its lock statement (`SCHEDULE_PEOPLE_COLUMNS`) and
 * passes them to `recordScheduleChange`; otherwise the flush reads them once for every listener.
 */
export interface ScheduleChangePeople {
  patientName: string;
  patientUserId: number | null;
  reminderOptIn: boolean;
  reminderSmsOptIn: boolean;
  doctorName: string;
  doctorUserId: number | null;
  bookingNotices: boolean;
}

/** The columns of ScheduleChangePeople over `patient p` and `doctor d`, for a caller's own statement. */
export const SCHEDULE_PEOPLE_COLUMNS =
  'p.full_name as patient_name, p.user_id as patient_user_id, p.reminder_opt_in, p.reminder_sms_opt_in, ' +
  'd.full_name as doctor_name, d.user_id as doctor_user_id, d.booking_notices';

export interface SchedulePeopleRow {
  patient_name: string;
  patient_user_id: number | null;
  reminder_opt_in: number | boolean;
  reminder_sms_opt_in: number | boolean;
  doctor_name: string;
  doctor_user_id: number | null;
  booking_notices: number | boolean;
}

export function schedulePeopleOf(row: SchedulePeopleRow): ScheduleChangePeople {
  return {
    patientName: row.patient_name,
    patientUserId: row.patient_user_id == null ? null : Number(row.patient_user_id),
    reminderOptIn: Boolean(Number(row.reminder_opt_in)),
    reminderSmsOptIn: Boolean(Number(row.reminder_sms_opt_in)),
    doctorName: row.doctor_name,
    doctorUserId: row.doctor_user_id == null ? null : Number(row.doctor_user_id),
    bookingNotices: Boolean(Number(row.booking_notices)),
  };
}

/** A schedule change as it is flushed, for modules that write their own rows in the same transaction (messages). */
export interface FlushedScheduleChange {
  kind: ScheduleChangeKind;
  appointment: Appointment;
  previousStartsAt: Date | null;
  actorUserId: number | null | undefined;
  /** Set when the recording service or the notification writer has read them. */
  people?: ScheduleChangePeople;
}
export type ScheduleChangeListener = (em: EntityManager, change: FlushedScheduleChange) => Promise<void>;
const listeners: ScheduleChangeListener[] = [];

/** Registers work that runs in the flush (so the transaction) of every recorded schedule change. */
export function onScheduleChangeFlush(listener: ScheduleChangeListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

const publishedListeners: Array<(deps: Context['deps']) => void> = [];
/** Registers a wake-up after a commit that recorded schedule changes (never throws into the caller). */
export function onScheduleChangesPublished(listener: (deps: Context['deps']) => void): void {
  if (!publishedListeners.includes(listener)) publishedListeners.push(listener);
}

/** What `recordScheduleChange` queued for each outbox row (not stored: only needed until publishing). */
const pending = new WeakMap<OutboxEvent, PendingChange>();

interface LiveSettings {
  timezone: string;
}

/**
 * Writes the outbox row of one schedule change, and (when the transaction flushes) the
 * notifications it causes. Call it with the transaction's EntityManager, after the
 * appointment has its id (flush a new one first), so the event and the notifications
 * exist exactly when the change committed. Returns the row; hand it to
 * `publishScheduleChanges` after the commit.
 *
 * `actor` (optional, e.g. the resolver's `ctx`): who made the change. A patient is
 * notified when the doctor or an admin cancels or moves their appointment, not when they
 * did it themself. When omitted, the actor of the appointment's audit row queued in the
 * same transaction (`recordAudit`) is used; with neither, the patient is notified.
 */
export function recordScheduleChange(
  em: EntityManager,
  change: { kind: ScheduleChangeKind; appointment: Appointment; previousStartsAt?: Date | null; people?: ScheduleChangePeople },
  actor?: ScheduleChangeActor,
): OutboxEvent {
  if (change.appointment.id == null) {
    throw new Error('recordScheduleChange: flush the new appointment first, so the event can name it');
  }
  installFlushHook(em.getEventManager());
  const event = em.create(OutboxEvent, {
    kind: change.kind,
    doctorId: change.appointment.doctor.id,
    appointmentId: change.appointment.id,
    previousStartsAt: change.previousStartsAt ?? null,
  });
  em.persist(event);
  pending.set(event, {
    kind: change.kind,
    appointment: change.appointment,
    previousStartsAt: change.previousStartsAt ?? null,
    actorUserId: actorUserId(actor),
    timezone: actor && 'deps' in actor ? (actor as Pick<Context, 'deps'>).deps.config.timezone : undefined,
    written: false,
    notifications: [],
    people: change.people,
  });
  return event;
}

/**
 * After commit: tells subscribers. With Redis the relay (relay.ts) publishes every committed row,
 * even if this process dies now: it is only woken here. Without Redis (one process) it publishes
 * in-process directly. Never throws.
 */
export async function publishScheduleChanges(ctx: Pick<Context, 'deps'>, events: OutboxEvent[]): Promise<void> {
  if (events.length > 0) {
    for (const listener of publishedListeners) {
      try { listener(ctx.deps); } catch (error) { logger.warn('a schedule-change listener failed', { error: (error as Error).message }); }
    }
  }
  const relay = relayOf(ctx.deps.pubsub);
  for (const event of events) {
    const extra = pending.get(event);
    // This process's subscribers get the committed entity without a read, when its names are loaded.
    if (extra && wrap(extra.appointment.doctor).isInitialized() && wrap(extra.appointment.patient).isInitialized()) {
      primeAppointment(String(event.id), extra.appointment);
    }
  }
  if (relay) {
    relay.kick();
    return;
  }
  for (const event of events) {
    const extra = pending.get(event);
    try {
      ctx.deps.pubsub.publish('SCHEDULE_CHANGED', {
        cursor: String(event.id),
        doctorId: event.doctorId,
        appointmentId: event.appointmentId,
        kind: event.kind,
        previousStartsAt: event.previousStartsAt ? event.previousStartsAt.toISOString() : null,
        ...(extra?.slot ?? {}),
        occurredAt: clock.now().toISOString(),
      });
      for (const notification of extra?.notifications ?? []) {
        ctx.deps.pubsub.publish('NOTIFICATION_ADDED', { recipientUserId: notification.recipient.id, notificationId: notification.id });
      }
    } catch (error) {
      // The change is committed and in the outbox; subscribers catch up from there.
      logger.warn('publishing a schedule change failed', { error: (error as Error).message });
    }
  }
}

/** Called by createApp: message times are written in the hospital's time zone. */
export function configureScheduleEvents(eventManager: EventManager, settings: LiveSettings): void {
  installFlushHook(eventManager, settings);
}

function actorUserId(actor: ScheduleChangeActor): number | null | undefined {
  if (actor === undefined) return undefined;
  if (actor === null) return null;
  if ('viewer' in actor) return actor.viewer?.userId ?? null;
  return actor.userId;
}

/**
 * The hook lives on the ORM's event manager (createApp installs it with the hospital's time zone);
 * forks share it and transaction forks copy it. Without createApp it is added on first use.
 */
function installFlushHook(eventManager: EventManager, settings: LiveSettings = { timezone: 'UTC' }): void {
  if ([...eventManager.getSubscribers()].some((s) => s instanceof NotificationWriter)) return;
  eventManager.registerSubscriber(new NotificationWriter(settings));
}

/**
 * Writes the notifications of the outbox rows about to be flushed, in the same
 * flush (so the same transaction). Done at flush rather than in recordScheduleChange
 * because it needs names the caller may not have loaded, and the actor's audit row.
 */
class NotificationWriter implements EventSubscriber {
  constructor(private readonly settings: LiveSettings) {}

  async beforeFlush(args: FlushEventArgs): Promise<void> {
    const stack = [...args.uow.getPersistStack()];
    for (const entity of stack) {
      if (!(entity instanceof OutboxEvent)) continue;
      const change = pending.get(entity);
      if (!change || change.written) continue;
      change.written = true;
      // The slot as committed, on the row itself: the relay tells slot watchers from it alone.
      entity.startsAt = change.appointment.startsAt;
      entity.endsAt = change.appointment.endsAt;
      entity.status = change.appointment.status;
      await writeNotifications(args.em, change, stack, change.timezone ?? this.settings.timezone);
      for (const listener of listeners) await listener(args.em, change);
    }
  }
}

/** The change's people: as the caller read them, else one read (kept on the change for the other listeners). */
export async function peopleOfChange(em: EntityManager, change: { appointment: Appointment; people?: ScheduleChangePeople }): Promise<ScheduleChangePeople | null> {
  if (change.people) return change.people;
  const rows = await em.getConnection().execute<SchedulePeopleRow[]>(
    `select ${SCHEDULE_PEOPLE_COLUMNS} from patient p, doctor d where p.id = ? and d.id = ?`,
    [change.appointment.patient.id, change.appointment.doctor.id],
    'all',
    em.getTransactionContext(),
  );
  if (!rows[0]) return null;
  change.people = schedulePeopleOf(rows[0]);
  return change.people;
}

async function writeNotifications(em: EntityManager, change: PendingChange, stack: object[], timezone: string): Promise<void> {
  const { appointment, kind } = change;
  change.slot = { startsAt: appointment.startsAt.toISOString(), endsAt: appointment.endsAt.toISOString(), status: appointment.status };
  if (kind === 'STATUS_CHANGED') return;
  // A waitlist hold being made or released is no visit: the waitlist tells the waiter itself.
  if (appointment.status === 'HELD' || appointment.status === 'RELEASED') return;
  const people = await peopleOfChange(em, change);
  if (!people) return;
  const names = { patient_name: people.patientName, patient_user_id: people.patientUserId, doctor_name: people.doctorName, doctor_user_id: people.doctorUserId };
  const when = (date: Date) => DateTime.fromJSDate(date, { zone: timezone }).toFormat('ccc d LLL yyyy, HH:mm');
  const startsAt = when(appointment.startsAt);
  const previous = change.previousStartsAt ? when(change.previousStartsAt) : null;
  const payload = {
    appointmentId: appointment.id,
    doctorId: appointment.doctor.id,
    startsAt: appointment.startsAt.toISOString(),
    previousStartsAt: change.previousStartsAt?.toISOString() ?? null,
  };
  const add = (recipientUserId: number, message: string) => {
    const notification = em.create(Notification, {
      recipient: em.getReference(User, recipientUserId),
      kind: `APPOINTMENT_${kind}`,
      message: message.slice(0, 500),
      payload,
    });
    em.persist(notification);
    change.notifications.push(notification);
  };

  if (names.doctor_user_id != null) {
    if (kind === 'BOOKED') add(names.doctor_user_id, `New booking: ${names.patient_name} on ${startsAt}.`);
    if (kind === 'RESCHEDULED') add(names.doctor_user_id, `Moved: ${names.patient_name} from ${previous ?? 'another time'} to ${startsAt}.`);
    if (kind === 'CANCELLED') add(names.doctor_user_id, `Cancelled: ${names.patient_name} on ${startsAt}.`);
  }
  if (names.patient_user_id != null && (kind === 'RESCHEDULED' || kind === 'CANCELLED')) {
    const actor = change.actorUserId !== undefined ? change.actorUserId : auditActor(em, appointment.id, stack);
    if (actor !== names.patient_user_id) {
      add(
        names.patient_user_id,
        kind === 'CANCELLED'
          ? `Your appointment with ${names.doctor_name} on ${startsAt} was cancelled.`
          : `Your appointment with ${names.doctor_name} was moved from ${previous ?? 'its old time'} to ${startsAt}.`,
      );
    }
  }
}

/** The actor of the newest audit row about this appointment in this transaction (queued or flushed). */
function auditActor(em: EntityManager, appointmentId: number, stack: object[]): number | null | undefined {
  const candidates: AuditEvent[] = [];
  for (const entity of stack) if (entity instanceof AuditEvent) candidates.push(entity);
  for (const entity of em.getUnitOfWork().getIdentityMap().values()) if (entity instanceof AuditEvent) candidates.push(entity);
  const mine = candidates.filter((a) => a.entityType.toLowerCase() === 'appointment' && a.entityId === String(appointmentId));
  const latest = mine.at(-1);
  if (!latest) return undefined;
  return latest.actor?.id ?? null;
}
