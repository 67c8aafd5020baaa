import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Role } from '../identity/user.entity';
import { Appointment } from '../scheduling/appointment.entity';
import { DayPeriod } from '../scheduling/scheduling.types';
import { type EntryRow, instant, WaitlistService } from './waitlist.service';
import { JoinWaitlistInput, WaitlistEntry, WaitlistOffer } from './waitlist.types';

export function toEntry(row: EntryRow): WaitlistEntry {
  const offer = row.offer_id == null ? null : Object.assign(new WaitlistOffer(), {
    id: String(row.offer_id),
    startsAt: instant(row.offer_starts_at!),
    endsAt: instant(row.offer_ends_at!),
    expiresAt: instant(row.offer_expires_at!),
    doctorId: String(row.offer_doctor_id),
    doctorName: row.offer_doctor_name ?? '',
  });
  return Object.assign(new WaitlistEntry(), {
    id: String(row.id),
    status: row.status,
    offer,
    patientId: String(row.patient_id),
    patientName: row.patient_name,
    doctorId: row.doctor_id == null ? null : String(row.doctor_id),
    doctorName: row.doctor_name,
    departmentId: row.department_id == null ? null : String(row.department_id),
    departmentName: row.department_name,
    from: row.from_day,
    to: row.to_day,
    periods: row.periods ? (row.periods.split(',') as DayPeriod[]) : [],
    createdAt: instant(row.created_at),
  });
}

/** The waitlist: join, see, accept or decline offers, leave. */
@Resolver()
export class WaitlistResolver {
  @Authorized(Role.PATIENT, Role.ADMIN)
  @Mutation(() => WaitlistEntry, { description: 'PATIENT for self, ADMIN for any patient: wait for a freed slot of a doctor or a department in a date range and day periods. The same entry twice is CONFLICT.' })
  async joinWaitlist(@Ctx() ctx: Context, @Arg('input', () => JoinWaitlistInput) input: JoinWaitlistInput): Promise<WaitlistEntry> {
    return toEntry(await new WaitlistService(ctx).join(input));
  }

  @Authorized(Role.PATIENT)
  @Query(() => [WaitlistEntry], { description: 'PATIENT: my waitlist entries (not the closed ones), newest first, each with its open offer if any.' })
  async myWaitlist(@Ctx() ctx: Context): Promise<WaitlistEntry[]> {
    return (await new WaitlistService(ctx).mine()).map(toEntry);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [WaitlistEntry], { description: 'ADMIN: who waits (WAITING or OFFERED), first in line first; for a doctor: their entries and their department\'s.' })
  async waitlist(
    @Ctx() ctx: Context,
    @Arg('doctorId', () => ID, { nullable: true, description: 'Only entries this doctor could fill.' }) doctorId: string | null,
    @Arg('patientId', () => ID, { nullable: true, description: 'Only this patient.' }) patientId: string | null,
  ): Promise<WaitlistEntry[]> {
    return (await new WaitlistService(ctx).list(doctorId, patientId)).map(toEntry);
  }

  @Authorized(Role.PATIENT, Role.ADMIN)
  @Mutation(() => Appointment, { description: 'The waiter (or ADMIN): book the held slot. Accepting again returns the same appointment; a declined or expired offer is INVALID_TRANSITION.' })
  acceptWaitlistOffer(@Ctx() ctx: Context, @Arg('offerId', () => ID) offerId: string): Promise<Appointment> {
    return new WaitlistService(ctx).accept(offerId);
  }

  @Authorized(Role.PATIENT, Role.ADMIN)
  @Mutation(() => WaitlistEntry, { description: 'The waiter (or ADMIN): pass on the held slot; it goes to the next waiter and the entry stays in line.' })
  async declineWaitlistOffer(@Ctx() ctx: Context, @Arg('offerId', () => ID) offerId: string): Promise<WaitlistEntry> {
    return toEntry(await new WaitlistService(ctx).decline(offerId));
  }

  @Authorized(Role.PATIENT, Role.ADMIN)
  @Mutation(() => WaitlistEntry, { description: 'The waiter (or ADMIN): leave the waitlist; an open offer is passed on.' })
  async leaveWaitlist(@Ctx() ctx: Context, @Arg('entryId', () => ID) entryId: string): Promise<WaitlistEntry> {
    return toEntry(await new WaitlistService(ctx).leave(entryId));
  }
}
