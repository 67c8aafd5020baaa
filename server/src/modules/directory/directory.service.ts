import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../context';
import { BadInputError, ConflictError, NotFoundError } from '../../errors';
import { parseMinor } from '../../shared/money';
import { emailSchema, optionalText, parseId, passwordSchema, phoneSchema, requiredText, validate } from '../../shared/validation';
import { hashPassword, rethrowDuplicateEmail } from '../identity/identity.service';
import { AccountService } from '../identity/accounts.service';
import { InvitationService, rememberInvitationUrl } from '../identity/invitation.service';
import { Role, User } from '../identity/user.entity';
import { Department } from './department.entity';
import type { CreateDepartmentInput, CreateDoctorInput, UpdateDepartmentInput, UpdateDoctorInput } from './directory.types';
import { Doctor } from './doctor.entity';
import { diff, recordAudit } from '../audit/audit.service';

const departmentSnapshot = (d: Department) => ({ name: d.name, description: d.description ?? null, active: d.active });

const doctorSnapshot = (d: Doctor) => ({
  fullName: d.fullName,
  specialization: d.specialization,
  departmentId: d.department.id,
  consultationFeeMinor: d.consultationFeeMinor,
  phone: d.phone ?? null,
  gender: d.gender ?? null,
  experienceYears: d.experienceYears ?? null,
  about: d.about ?? null,
  active: d.active,
});

const departmentSchema = z.object({
  name: requiredText(120, 'Name'),
  description: optionalText(2000),
});

const doctorFields = {
  fullName: requiredText(120, 'Full name'),
  specialization: requiredText(120, 'Specialization'),
  phone: phoneSchema,
  gender: optionalText(32),
  experienceYears: z.number().int().min(0, 'At least 0').max(80, 'At most 80').nullish(),
  about: optionalText(2000),
};

// Without a password the doctor gets a one-time invitation link to choose their own.
const createDoctorSchema = z.object({ ...doctorFields, email: emailSchema, password: passwordSchema.nullish() });

function rethrowDuplicateName(error: unknown): never {
  if (error instanceof Error && /Duplicate entry .* for key '.*name/i.test(error.message)) {
    throw new ConflictError('A department with this name already exists', { name: 'Already exists' });
  }
  throw error;
}

/** Departments and doctors: the hospital's directory. */
export class DirectoryService {
  constructor(private readonly ctx: Context) {}

  private get em(): EntityManager { return this.ctx.em; }

  private get isAdmin(): boolean { return this.ctx.viewer?.role === Role.ADMIN; }

  /** Patients and anonymous visitors see active departments only; admins may ask for all. */
  listDepartments(includeInactive: boolean): Promise<Department[]> {
    return this.em.find(Department, includeInactive && this.isAdmin ? {} : { active: true }, { orderBy: { name: 'asc' } });
  }

  async getDepartment(id: string): Promise<Department> {
    const department = await this.em.findOne(Department, parseId(id));
    if (!department || (!department.active && !this.isAdmin)) throw new NotFoundError('Department');
    return department;
  }

  async createDepartment(input: CreateDepartmentInput): Promise<Department> {
    const data = validate(departmentSchema, input);
    if (await this.em.count(Department, { name: data.name })) {
      throw new ConflictError('A department with this name already exists', { name: 'Already exists' });
    }
    return this.em.transactional(async (em) => {
      const department = em.create(Department, { name: data.name, description: data.description });
      await em.flush();
      recordAudit(em, this.ctx, { action: 'department.create', entityType: 'department', entityId: department.id, changes: diff({}, departmentSnapshot(department)) });
      return department;
    }).catch(rethrowDuplicateName);
  }

  async updateDepartment(id: string, input: UpdateDepartmentInput): Promise<Department> {
    const department = await this.getDepartment(id);
    const before = departmentSnapshot(department);
    const data = validate(departmentSchema.partial(), input);
    if (input.name != null && data.name && data.name !== department.name) {
      if (await this.em.count(Department, { name: data.name, id: { $ne: department.id } })) {
        throw new ConflictError('A department with this name already exists', { name: 'Already exists' });
      }
      department.name = data.name;
    }
    if (input.description !== undefined) department.description = data.description;
    if (input.active != null) department.active = input.active;
    const changes = diff(before, departmentSnapshot(department));
    // One flush, one transaction: the change and its audit row together.
    if (Object.keys(changes).length) recordAudit(this.em, this.ctx, { action: 'department.update', entityType: 'department', entityId: department.id, changes });
    await this.em.flush().catch(rethrowDuplicateName);
    return department;
  }

  /** Only an empty department can be deleted; otherwise deactivate it. */
  async deleteDepartment(id: string): Promise<boolean> {
    const department = await this.getDepartment(id);
    if (await this.em.count(Doctor, { department })) {
      throw new ConflictError('This department has doctors; move them or deactivate the department instead');
    }
    recordAudit(this.em, this.ctx, { action: 'department.delete', entityType: 'department', entityId: department.id, changes: diff(departmentSnapshot(department), {}) });
    await this.em.remove(department).flush();
    return true;
  }

  listDoctors(departmentId: string | null | undefined, search: string | null | undefined, includeInactive: boolean): Promise<Doctor[]> {
    const where: Record<string, unknown> = {};
    const department: Record<string, unknown> = {};
    if (departmentId) department.id = parseId(departmentId, 'departmentId');
    // Patients never see inactive doctors, nor doctors of inactive departments.
    if (!(includeInactive && this.isAdmin)) {
      where.active = true;
      department.active = true;
    }
    if (Object.keys(department).length) where.department = department;
    const term = search?.trim();
    if (term) {
      const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ fullName: { $like: like } }, { specialization: { $like: like } }];
    }
    return this.em.find(Doctor, where, { orderBy: { fullName: 'asc', id: 'asc' } });
  }

  async getDoctor(id: string): Promise<Doctor> {
    const doctor = await this.em.findOne(Doctor, parseId(id));
    if (!doctor || (!doctor.active && !this.isAdmin && this.ctx.viewer?.doctorId !== doctor.id)) throw new NotFoundError('Doctor');
    return doctor;
  }

  async createDoctor(input: CreateDoctorInput): Promise<Doctor> {
    const data = validate(createDoctorSchema, input);
    const feeMinor = input.consultationFee ? this.parseFee(input.consultationFee) : 0;
    const department = await this.em.findOne(Department, parseId(input.departmentId, 'departmentId'));
    if (!department) throw new NotFoundError('Department');
    // No password yet ('' never verifies) until the invitation is accepted.
    const passwordHash = data.password ? await hashPassword(data.password) : '';
    const invitations = new InvitationService(this.ctx);
    const { doctor, link } = await this.em.transactional(async (em) => {
      if (await em.count(User, { email: data.email })) {
        throw new ConflictError('An account with this email already exists', { email: 'Already registered' });
      }
      const user = em.create(User, { email: data.email, passwordHash, role: Role.DOCTOR, mustChangePassword: Boolean(data.password) });
      const doctor = em.create(Doctor, {
        user,
        department,
        fullName: data.fullName,
        specialization: data.specialization,
        consultationFeeMinor: feeMinor,
        phone: data.phone,
        gender: data.gender,
        experienceYears: data.experienceYears ?? null,
        about: data.about,
      });
      em.persist([user, doctor]);
      await em.flush();
      recordAudit(em, this.ctx, {
        action: 'doctor.create', entityType: 'doctor', entityId: doctor.id, changes: diff({}, { email: user.email, ...doctorSnapshot(doctor) }),
      });
      recordAudit(em, this.ctx, { action: 'account.create', entityType: 'user', entityId: user.id, changes: { role: { before: null, after: Role.DOCTOR } } });
      return { doctor, link: data.password ? null : await invitations.create(em, user) };
    }).catch(rethrowDuplicateEmail);
    if (link) {
      const url = await invitations.deliver(link, data.email);
      if (url) rememberInvitationUrl(doctor, url);
    }
    return doctor;
  }

  async updateDoctor(id: string, input: UpdateDoctorInput): Promise<Doctor> {
    const doctor = await this.getDoctor(id);
    const before = doctorSnapshot(doctor);
    const data = validate(z.object(doctorFields).partial(), input);
    const sent = (key: keyof UpdateDoctorInput) => input[key] !== undefined && input[key] !== null;
    if (sent('fullName') && data.fullName) doctor.fullName = data.fullName;
    if (sent('specialization') && data.specialization) doctor.specialization = data.specialization;
    if (input.phone !== undefined) doctor.phone = data.phone;
    if (input.gender !== undefined) doctor.gender = data.gender;
    if (input.experienceYears !== undefined) doctor.experienceYears = data.experienceYears ?? null;
    if (input.about !== undefined) doctor.about = data.about;
    if (sent('consultationFee')) doctor.consultationFeeMinor = this.parseFee(input.consultationFee!);
    // The account follows the profile: an inactive doctor cannot sign in (AccountService).
    const activeChange = sent('active') && input.active !== doctor.active ? input.active! : null;
    if (activeChange !== null) doctor.active = activeChange;
    if (sent('departmentId')) {
      const department = await this.em.findOne(Department, parseId(input.departmentId!, 'departmentId'));
      if (!department) throw new NotFoundError('Department');
      doctor.department = department;
    }
    const changes = diff(before, doctorSnapshot(doctor));
    if (Object.keys(changes).length) recordAudit(this.em, this.ctx, { action: 'doctor.update', entityType: 'doctor', entityId: doctor.id, changes });
    await this.em.flush();
    if (activeChange !== null) await new AccountService(this.ctx).setActive(doctor.user.id, activeChange);
    return doctor;
  }

  /**
   * A doctor who has ever had an appointment keeps their record (history,
   * invoices point at it): they can only be deactivated.
   */
  async deleteDoctor(id: string): Promise<boolean> {
    const doctor = await this.getDoctor(id);
    const connection = this.em.getConnection();
    const [{ future }] = await connection.execute<Array<{ future: number }>>(
      "select count(*) as future from appointment where doctor_id = ? and status in ('SCHEDULED','CHECKED_IN','IN_CONSULTATION') and starts_at > now(3)", [doctor.id]);
    if (Number(future) > 0) throw new ConflictError('This doctor has upcoming appointments; deactivate them instead');
    const [{ any }] = await connection.execute<Array<{ any: number }>>('select count(*) as `any` from appointment where doctor_id = ?', [doctor.id]);
    if (Number(any) > 0) throw new ConflictError('This doctor has appointment history; deactivate them instead');
    await this.em.transactional(async (em) => {
      const user = doctor.user;
      recordAudit(em, this.ctx, { action: 'doctor.delete', entityType: 'doctor', entityId: doctor.id, changes: diff(doctorSnapshot(doctor), {}) });
      em.remove(doctor);
      await em.flush();
      em.remove(em.getReference(User, user.id));
    });
    return true;
  }

  private parseFee(value: string): number {
    const minor = parseMinor(value, this.ctx.deps.config.currencyDigits, 'consultationFee');
    if (minor < 0) throw new BadInputError('consultationFee cannot be negative', { consultationFee: 'Cannot be negative' });
    return minor;
  }
}
