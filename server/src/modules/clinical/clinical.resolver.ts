import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { loaded } from '../../shared/loaders';
import { Department } from '../directory/department.entity';
import { Doctor } from '../directory/doctor.entity';
import { Patient } from '../directory/patient.entity';
import { Role } from '../identity/user.entity';
import { Appointment } from '../scheduling/appointment.entity';
import {
  Medicine, MyRecordSummary, PatientRecordSummary, RecordAccess, TreatmentInput, TreatmentRevisionView, UpdateTreatmentInput,
} from './clinical.types';
import { MAX_RECORD_ACCESS, myRecordAccess } from './record-access';
import { ClinicalService } from './clinical.service';
import { Treatment } from './treatment.entity';

@Resolver(() => Treatment)
export class TreatmentResolver {
  @Authorized()
  @Query(() => [Treatment], {
    description: 'A patient\'s treatment entries, newest first. The patient themself, or a doctor in their care: a CHECKED_IN or ' +
      'COMPLETED visit with them in the last 2 years, a SCHEDULED one in the next 14 days, or an entry the doctor wrote ' +
      '(cancelled and no-show visits grant nothing). Anyone else (admins included) gets FORBIDDEN. Every read is recorded (myRecordAccess).',
  })
  patientHistory(@Ctx() ctx: Context, @Arg('patientId', () => ID) patientId: string): Promise<Treatment[]> {
    return new ClinicalService(ctx).patientHistory(patientId);
  }

  @Authorized()
  @Query(() => Treatment, { description: 'One treatment entry, for whoever may read the patient\'s history (else FORBIDDEN).' })
  treatment(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Treatment> {
    return new ClinicalService(ctx).treatment(id);
  }

  @Authorized(Role.DOCTOR)
  @Query(() => [TreatmentRevisionView], {
    description: 'DOCTOR: the edits of a treatment entry, newest first, with the previous values; for doctors who may read the patient\'s history.',
  })
  treatmentRevisions(@Ctx() ctx: Context, @Arg('treatmentId', () => ID) treatmentId: string): Promise<TreatmentRevisionView[]> {
    return new ClinicalService(ctx).revisions(treatmentId);
  }

  @Authorized()
  @Query(() => PatientRecordSummary, {
    description: 'How many treatment entries a patient has and when, without clinical content: admins (any patient), the patient, their doctors.',
  })
  patientRecordSummary(@Ctx() ctx: Context, @Arg('patientId', () => ID) patientId: string): Promise<PatientRecordSummary> {
    return new ClinicalService(ctx).patientRecordSummary(patientId);
  }

  @Authorized(Role.PATIENT)
  @Query(() => [RecordAccess], {
    description: 'PATIENT: every opening of my clinical records by someone else (doctors, and refused attempts by anyone), ' +
      'newest first: who (name, role), what, when. My own reads are not listed.',
  })
  myRecordAccess(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, 1 to ${MAX_RECORD_ACCESS}.` }) first: number,
    @Arg('before', () => ID, { nullable: true, description: 'Only those older than this RecordAccess id (the last one of the previous page).' })
    before: string | null,
  ): Promise<RecordAccess[]> {
    return myRecordAccess(ctx, first, before);
  }

  @Authorized(Role.PATIENT)
  @Query(() => MyRecordSummary, { description: 'PATIENT: your medical records count and newest entry, for the dashboard.' })
  myRecordSummary(@Ctx() ctx: Context): Promise<MyRecordSummary> {
    return new ClinicalService(ctx).myRecordSummary();
  }

  @Authorized(Role.DOCTOR)
  @Mutation(() => Treatment, {
    description: 'The appointment\'s DOCTOR: add a treatment entry once the patient is CHECKED_IN or the visit COMPLETED (else INVALID_TRANSITION). ' +
      'A visit may have several entries.',
  })
  recordTreatment(
    @Ctx() ctx: Context,
    @Arg('appointmentId', () => ID) appointmentId: string,
    @Arg('input', () => TreatmentInput) input: TreatmentInput,
  ): Promise<Treatment> {
    return new ClinicalService(ctx).recordTreatment(appointmentId, input);
  }

  @Authorized(Role.DOCTOR)
  @Mutation(() => Treatment, {
    description: 'The author DOCTOR: edit a treatment entry. Every edit keeps a revision (previous values) and an audit event.',
  })
  updateTreatment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTreatmentInput) input: UpdateTreatmentInput,
  ): Promise<Treatment> {
    return new ClinicalService(ctx).updateTreatment(id, input);
  }

  @FieldResolver(() => Appointment, { description: 'The visit this entry belongs to.' })
  appointment(@Root() treatment: Treatment): Appointment | Promise<Appointment> {
    return loaded(treatment.appointment);
  }

  @FieldResolver(() => Patient, { description: 'The patient.' })
  patient(@Root() treatment: Treatment): Patient | Promise<Patient> {
    return loaded(treatment.patient);
  }

  @FieldResolver(() => Doctor, { description: 'The doctor who wrote the entry.' })
  doctor(@Root() treatment: Treatment): Doctor | Promise<Doctor> {
    return loaded(treatment.doctor);
  }

  @FieldResolver(() => Department, { description: 'The department of the doctor who wrote the entry.' })
  async department(@Root() treatment: Treatment): Promise<Department> {
    return loaded((await loaded(treatment.doctor)).department);
  }

  @FieldResolver(() => String, { description: 'What was found.' })
  diagnosis(@Root() treatment: Treatment, @Ctx() ctx: Context): string {
    return new ClinicalService(ctx).content(treatment).diagnosis;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Prescription as free text.' })
  prescription(@Root() treatment: Treatment, @Ctx() ctx: Context): string | null {
    return new ClinicalService(ctx).content(treatment).prescription;
  }

  @FieldResolver(() => [Medicine], { description: 'Structured medicines; empty when none.' })
  medicines(@Root() treatment: Treatment, @Ctx() ctx: Context): Medicine[] {
    return new ClinicalService(ctx).content(treatment).medicines;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Tests ordered.' })
  testsOrdered(@Root() treatment: Treatment, @Ctx() ctx: Context): string | null {
    return new ClinicalService(ctx).content(treatment).testsOrdered;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Precautions and advice for the patient.' })
  precautions(@Root() treatment: Treatment, @Ctx() ctx: Context): string | null {
    return new ClinicalService(ctx).content(treatment).precautions;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private clinical notes: clinicians only; always null for the patient.' })
  notes(@Root() treatment: Treatment, @Ctx() ctx: Context): string | null {
    return new ClinicalService(ctx).content(treatment).notes;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Notes written for the patient (in their history, CSV and PDF).' })
  patientNotes(@Root() treatment: Treatment, @Ctx() ctx: Context): string | null {
    return new ClinicalService(ctx).content(treatment).patientNotes;
  }

  @FieldResolver(() => Int, { description: 'How many times the entry was edited (each edit kept as a revision).' })
  revisionCount(@Root() treatment: Treatment): number {
    return treatment.version - 1;
  }
}

/** Appointment.treatments lives here, with the clinical rules, rather than in scheduling. */
@Resolver(() => Appointment)
export class AppointmentTreatmentsResolver {
  @FieldResolver(() => [Treatment], {
    nullable: true,
    description: 'The visit\'s treatment entries, oldest first: for the patient and doctors who may read their history; ' +
      'admins get FORBIDDEN (null here).',
  })
  treatments(@Root() appointment: Appointment, @Ctx() ctx: Context): Promise<Treatment[]> {
    return new ClinicalService(ctx).visitTreatments(appointment);
  }
}
