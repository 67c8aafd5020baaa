// Urgent visits: the front desk squeezes a patient in over a taken slot or outside the
// doctor's hours. Such a visit stays out of the doctor's unique slot index (see
// appointment.entity.ts) but keeps the patient's guarantees, takes the same locks as every
// booking, is audited with its reason and is marked `urgent` wherever it is shown.
import { z } from 'zod';
import { requireViewer } from '../../auth';
import { clock } from '../../clock';
import type { Context } from '../../context';
import { BadInputError, ForbiddenError, SlotUnavailableError } from '../../errors';
import { parseId, validate } from '../../shared/validation';
import { diff, recordAudit } from '../audit/audit.service';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Role, User } from '../identity/user.entity';
import type { OutboxEvent } from '../live/outbox-event.entity';
import { publishScheduleChanges, recordScheduleChange } from '../live/schedule-events';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { AppointmentService, snapshot } from './appointment.service';
import { clashQuery, sql, withDeadlockRetry } from './scheduling.db';
import { bookingWindow, MAX_SLOT_MINUTES, MIN_SLOT_MINUTES } from './slots';

/** How far back an urgent visit may start: a walk-in being seen right now. */
const URGENT_PAST_MS = 60 * 60_000;

export interface UrgentInput { doctorId: string; patientId: string; startsAt: Date; minutes?: number | null; reason: string }

const urgentSchema = z.object({
  reason: z.string().trim().min(3, 'Say why it is urgent (at least 3 characters)').max(500, 'At most 500 characters'),
  minutes: z.number().int('A whole number of minutes').min(MIN_SLOT_MINUTES, `At least ${MIN_SLOT_MINUTES}`).max(MAX_SLOT_MINUTES, `At most ${MAX_SLOT_MINUTES}`),
});

export async function bookUrgent(ctx: Context, input: UrgentInput): Promise<Appointment> {
  const viewer = requireViewer(ctx);
  if (viewer.role !== Role.ADMIN) throw new ForbiddenError('Only the front desk books urgent visits');
  const service = new AppointmentService(ctx);
  const doctorId = parseId(input.doctorId, 'doctorId');
  const patientId = parseId(input.patientId, 'patientId');
  const data = validate(urgentSchema, { reason: input.reason, minutes: input.minutes ?? 30 });
  const startsAt = service.startOf(input.startsAt);
  const now = clock.now();
  const window = bookingWindow(now, ctx.deps.config.timezone, ctx.deps.config.bookingWindowDays);
  if (startsAt.getTime() < now.getTime() - URGENT_PAST_MS || startsAt >= window.endsAt) {
    throw new BadInputError('An urgent visit starts between an hour ago and the end of the booking window', { startsAt: 'Out of range' });
  }
  const endsAt = new Date(startsAt.getTime() + data.minutes * 60_000);
  const events: OutboxEvent[] = [];
  try {
    const created = await withDeadlockRetry(ctx.em, async (em) => {
      events.length = 0;
      await service.lockDoctorAndPatient(em, doctorId, patientId, true);
      // Over the doctor's taken slots and hours, never over the patient's own visits.
      const query = clashQuery(doctorId, patientId, { startsAt, endsAt }, null);
      const clashes = await sql<{ what: string }>(em, query.sql, query.params);
      if (clashes.some((c) => c.what === 'patient')) throw new SlotUnavailableError('The patient already has an appointment at this time');
      const appointment = em.create(Appointment, {
        doctor: em.getReference(Doctor, doctorId),
        patient: em.getReference(Patient, patientId),
        startsAt,
        endsAt,
        status: AppointmentStatus.SCHEDULED,
        reason: data.reason,
        urgent: true,
        urgentReason: data.reason,
        createdBy: em.getReference(User, viewer.userId),
      });
      await em.persist(appointment).flush();
      recordAudit(em, ctx, {
        action: 'appointment.book_urgent', entityType: 'appointment', entityId: appointment.id,
        changes: diff({}, { ...snapshot(appointment), overTakenSlot: clashes.some((c) => c.what === 'doctor'), overBlock: clashes.some((c) => c.what === 'block') }),
      });
      events.push(recordScheduleChange(em, { kind: 'BOOKED', appointment }, ctx));
      return appointment;
    });
    await publishScheduleChanges(ctx, events);
    return ctx.em.findOneOrFail(Appointment, created.id, { populate: ['doctor', 'patient'] });
  } catch (error) {
    throw service.slotError(error);
  }
}
