import { FieldResolver, Resolver, Root } from 'type-graphql';
import { loaded } from '../../shared/loaders';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Appointment } from './appointment.entity';

/** Nested fields of Appointment; each loads in one batch for a whole list of appointments. */
@Resolver(() => Appointment)
export class AppointmentFieldsResolver {
  @FieldResolver(() => Doctor, { description: 'The doctor seen.' })
  doctor(@Root() appointment: Appointment): Promise<Doctor> {
    return loaded(appointment.doctor);
  }

  @FieldResolver(() => Patient, { description: 'The patient.' })
  patient(@Root() appointment: Appointment): Promise<Patient> {
    return loaded(appointment.patient);
  }
}
