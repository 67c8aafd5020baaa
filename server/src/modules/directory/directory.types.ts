import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Page } from '../../shared/pagination';
import { LocalDateScalar } from '../../shared/scalars';
import { Patient } from './patient.entity';

@InputType({ description: 'A new department.' })
export class CreateDepartmentInput {
  @Field(() => String, { description: 'Unique name, at most 120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the department does.' })
  description?: string | null;
}

@InputType({ description: 'Changes to a department; omitted fields stay as they are.' })
export class UpdateDepartmentInput {
  @Field(() => String, { nullable: true, description: 'New unique name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False hides the department from booking.' })
  active?: boolean | null;
}

@InputType({ description: 'A new doctor and their sign-in account.' })
export class CreateDoctorInput {
  @Field(() => String, { description: 'Sign-in email; must be unused.' })
  email!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Initial password; the doctor must change it at first sign-in. Omit it to create a one-time invitation link instead (Doctor.invitationUrl in the answer), with which the doctor chooses their own.',
  })
  password?: string | null;

  @Field(() => String, { description: 'Full name.' })
  fullName!: string;

  @Field(() => ID, { description: 'Department the doctor works in.' })
  departmentId!: string;

  @Field(() => String, { description: 'Specialization.' })
  specialization!: string;

  @Field(() => String, { nullable: true, description: 'Consultation fee as a decimal string in HMS_CURRENCY, e.g. "500.00"; default 0.' })
  consultationFee?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender.' })
  gender?: string | null;

  @Field(() => Int, { nullable: true, description: 'Years of experience.' })
  experienceYears?: number | null;

  @Field(() => String, { nullable: true, description: 'A short profile for patients.' })
  about?: string | null;
}

@InputType({ description: 'Changes to a doctor; omitted fields stay as they are.' })
export class UpdateDoctorInput {
  @Field(() => String, { nullable: true, description: 'Full name.' })
  fullName?: string | null;

  @Field(() => ID, { nullable: true, description: 'Move to this department.' })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Specialization.' })
  specialization?: string | null;

  @Field(() => String, { nullable: true, description: 'Consultation fee as a decimal string, e.g. "500.00".' })
  consultationFee?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender.' })
  gender?: string | null;

  @Field(() => Int, { nullable: true, description: 'Years of experience.' })
  experienceYears?: number | null;

  @Field(() => String, { nullable: true, description: 'A short profile for patients.' })
  about?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False stops new bookings and hides the doctor from patients.' })
  active?: boolean | null;
}

@InputType({ description: 'Changes to the signed-in patient\'s own profile; omitted fields stay, null clears.' })
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true, description: 'Full name.' })
  fullName?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of birth.' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender.' })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Blood group: A+, A-, B+, B-, AB+, AB-, O+ or O-.' })
  bloodGroup?: string | null;

  @Field(() => Int, { nullable: true, description: 'Height in centimetres.' })
  heightCm?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight in kilograms.' })
  weightKg?: number | null;

  @Field(() => String, { nullable: true, description: 'Known allergies.' })
  allergies?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether to receive appointment reminders by e-mail.' })
  reminderOptIn?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether to receive appointment reminders by SMS (to the profile\'s phone).' })
  reminderSmsOptIn?: boolean | null;
}

@InputType({ description: 'A walk-in patient registered by the front desk, without a sign-in account.' })
export class CreateWalkInPatientInput extends UpdateMyProfileInput {
  @Field(() => String, { description: 'Full name.' })
  declare fullName: string;
}

@InputType({ description: 'ADMIN: the patient details to correct; only the fields sent change, null clears.' })
export class UpdatePatientInput extends UpdateMyProfileInput {}

@ObjectType({ description: 'A page of patients, ordered by name.' })
export class PatientPage extends Page(Patient) {}
