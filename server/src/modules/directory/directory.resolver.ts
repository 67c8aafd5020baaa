import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Money, money } from '../../shared/money';
import { loaded } from '../../shared/loaders';
import { parseId } from '../../shared/validation';
import { Role, User } from '../identity/user.entity';
import { isRowReference } from '../scheduling/appointment.rows';
import { Department } from './department.entity';
import {
  CreateDepartmentInput, CreateDoctorInput, CreateWalkInPatientInput, PatientPage, UpdateDepartmentInput,
  UpdateDoctorInput, UpdateMyProfileInput, UpdatePatientInput,
} from './directory.types';
import { DirectoryService } from './directory.service';
import { Doctor } from './doctor.entity';
import { Patient } from './patient.entity';
import { PatientService } from './patient.service';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'Departments by name. Anyone may list active ones; admins may include inactive.' })
  departments(
    @Ctx() ctx: Context,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Admins only: include inactive departments.' }) includeInactive: boolean,
  ): Promise<Department[]> {
    return new DirectoryService(ctx).listDepartments(includeInactive);
  }

  @Query(() => Department, { description: 'One department.' })
  department(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Department> {
    return new DirectoryService(ctx).getDepartment(id);
  }

  @FieldResolver(() => [Doctor], { description: 'Active doctors of the department, by name.' })
  async doctors(@Root() department: Department): Promise<Doctor[]> {
    const doctors = await department.doctors.load({ dataloader: true });
    return doctors.getItems().filter((d) => d.active).sort((a, b) => a.fullName.localeCompare(b.fullName));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'ADMIN: add a department. A duplicate name is CONFLICT.' })
  createDepartment(@Ctx() ctx: Context, @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput): Promise<Department> {
    return new DirectoryService(ctx).createDepartment(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Department, { description: 'ADMIN: rename, describe, activate or deactivate a department.' })
  updateDepartment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDepartmentInput) input: UpdateDepartmentInput,
  ): Promise<Department> {
    return new DirectoryService(ctx).updateDepartment(id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'ADMIN: delete a department that has no doctors (else CONFLICT: deactivate it).' })
  deleteDepartment(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return new DirectoryService(ctx).deleteDepartment(id);
  }
}

@Resolver(() => Doctor)
export class DoctorResolver {
  @Query(() => [Doctor], { description: 'Active doctors by name, optionally of one department and matching a name or specialization.' })
  doctors(
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID, { nullable: true, description: 'Only this department.' }) departmentId: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the name or specialization, any case.' }) search: string | null,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Admins only: include inactive doctors.' }) includeInactive: boolean,
  ): Promise<Doctor[]> {
    return new DirectoryService(ctx).listDoctors(departmentId, search, includeInactive);
  }

  @Query(() => Doctor, { description: 'One doctor.' })
  doctor(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Doctor> {
    return new DirectoryService(ctx).getDoctor(id);
  }

  @FieldResolver(() => Department, { description: 'The department the doctor works in.' })
  department(@Root() doctor: Doctor): Department | Promise<Department> {
    return loaded(doctor.department);
  }

  @FieldResolver(() => Money, { description: 'Fee for one consultation, in HMS_CURRENCY.' })
  consultationFee(@Root() doctor: Doctor, @Ctx() ctx: Context): Money {
    return money(doctor.consultationFeeMinor, ctx.deps.config.currency, ctx.deps.config.currencyDigits);
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => String, { nullable: true, description: 'ADMIN: the doctor\'s sign-in email.' })
  async email(@Root() doctor: Doctor): Promise<string> {
    return (await loaded(doctor.user)).email;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Doctor, { description: 'ADMIN: add a doctor with a sign-in account; they must change the initial password.' })
  createDoctor(@Ctx() ctx: Context, @Arg('input', () => CreateDoctorInput) input: CreateDoctorInput): Promise<Doctor> {
    return new DirectoryService(ctx).createDoctor(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Doctor, { description: 'ADMIN: change a doctor\'s details, department, fee, or active flag.' })
  updateDoctor(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDoctorInput) input: UpdateDoctorInput,
  ): Promise<Doctor> {
    return new DirectoryService(ctx).updateDoctor(id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'ADMIN: delete a doctor who never had an appointment (else CONFLICT: deactivate them).' })
  deleteDoctor(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return new DirectoryService(ctx).deleteDoctor(id);
  }
}

@Resolver(() => Patient)
export class PatientResolver {
  @Authorized(Role.ADMIN, Role.DOCTOR)
  @Query(() => PatientPage, {
    description: 'ADMIN: all patients; DOCTOR: patients with an appointment with them. Search matches name, record number, phone or account e-mail.',
  })
  patients(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true, description: 'Part of the name, medical record number or phone, or the start of the e-mail, any case.' }) search: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'nextCursor of the previous page.' }) after: string | null,
  ) {
    return new PatientService(ctx).search(search, first, after);
  }

  @Authorized()
  @Query(() => Patient, { description: 'One patient: the patient themself, their doctors, or an admin.' })
  patient(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Patient> {
    return new PatientService(ctx).get(parseId(id));
  }

  @Authorized(Role.PATIENT)
  @Mutation(() => Patient, { description: 'PATIENT: update your own profile.' })
  updateMyProfile(@Ctx() ctx: Context, @Arg('input', () => UpdateMyProfileInput) input: UpdateMyProfileInput): Promise<Patient> {
    return new PatientService(ctx).updateMyProfile(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Patient, { description: 'ADMIN: register a walk-in patient who has no sign-in account.' })
  createWalkInPatient(@Ctx() ctx: Context, @Arg('input', () => CreateWalkInPatientInput) input: CreateWalkInPatientInput): Promise<Patient> {
    return new PatientService(ctx).createWalkIn(input);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the patient has a sign-in account (false for walk-ins).' })
  hasAccount(@Root() patient: Patient): boolean {
    return Boolean(patient.user);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The account\'s e-mail: for ADMIN and the patient themself; null for walk-ins and everyone else.' })
  async email(@Root() patient: Patient, @Ctx() ctx: Context): Promise<string | null> {
    const viewer = ctx.viewer;
    if (!patient.user || !viewer || !(viewer.role === Role.ADMIN || viewer.patientId === patient.id)) return null;
    return (await loaded(isRowReference(patient.user) ? ctx.em.getReference(User, patient.user.id) : patient.user)).email;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'ADMIN: the registered patient this walk-in record was merged into.' })
  mergedIntoId(@Root() patient: Patient, @Ctx() ctx: Context): string | null {
    if (ctx.viewer?.role !== Role.ADMIN || !patient.mergedInto) return null;
    return String(patient.mergedInto.id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Patient, { description: 'ADMIN (the front desk): correct a patient\'s details (only the fields sent change; null clears). Audited.' })
  updatePatient(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The patient.' }) id: string,
    @Arg('input', () => UpdatePatientInput, { description: 'The fields to change.' }) input: UpdatePatientInput,
  ): Promise<Patient> {
    return new PatientService(ctx).updateByAdmin(parseId(id), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Patient, { description: 'ADMIN: deactivate (no new bookings; an account cannot sign in and its sessions end) or reactivate a patient record.' })
  setPatientActive(
    @Ctx() ctx: Context,
    @Arg('patientId', () => ID, { description: 'The patient.' }) patientId: string,
    @Arg('active', () => Boolean, { description: 'false deactivates, true reactivates.' }) active: boolean,
  ): Promise<Patient> {
    return new PatientService(ctx).setActive(parseId(patientId, 'patientId'), active);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Patient, {
    description: 'ADMIN: merge a walk-in record (no account) into a registered patient\'s: its appointments, their treatments and its invoices follow, ' +
      'in one audited transaction; the walk-in record is deactivated. Overlapping active visits are CONFLICT. Returns the registered patient.',
  })
  mergePatients(
    @Ctx() ctx: Context,
    @Arg('sourcePatientId', () => ID, { description: 'The walk-in record that goes away.' }) sourcePatientId: string,
    @Arg('targetPatientId', () => ID, { description: 'The registered patient that keeps everything.' }) targetPatientId: string,
  ): Promise<Patient> {
    return new PatientService(ctx).merge(parseId(sourcePatientId, 'sourcePatientId'), parseId(targetPatientId, 'targetPatientId'));
  }
}
