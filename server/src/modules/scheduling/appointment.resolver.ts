import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { loaded } from '../../shared/loaders';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Appointment } from './appointment.entity';
import { isRowReference, type RowReference } from './appointment.rows';

/** Nested fields of Appointment; each loads in one batch for a whole list of appointments. */
@Resolver(() => Appointment)
export class AppointmentFieldsResolver {
  @FieldResolver(() => Doctor, { description: 'The doctor seen.' })
  doctor(@Root() appointment: Appointment, @Ctx() ctx: Context): Doctor | Promise<Doctor> {
    // A plain row (the day view) knows its doctor's id only: load the entity when asked.
    const doctor = appointment.doctor as Doctor | RowReference;
    return loaded(isRowReference(doctor) ? ctx.em.getReference(Doctor, doctor.id) : doctor);
  }

  @FieldResolver(() => Patient, { description: 'The patient.' })
  patient(@Root() appointment: Appointment): Patient | Promise<Patient> {
    return loaded(appointment.patient);
  }
}
