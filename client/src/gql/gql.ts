/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n  }\n": typeof types.CurrentUserDocument,
    "\n  fragment AppointmentCard_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    doctor {\n      id\n      fullName\n      specialization\n      department { id name }\n    }\n  }\n": typeof types.AppointmentCard_AppointmentFragmentDoc,
    "\n  mutation CancelAppointment($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }\n  }\n": typeof types.CancelAppointmentDocument,
    "\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n": typeof types.DepartmentDialog_DepartmentFragmentDoc,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n": typeof types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n": typeof types.UpdateDepartmentDocument,
    "\n  fragment DoctorCard_doctor on Doctor {\n    id\n    fullName\n    specialization\n    experienceYears\n    about\n    consultationFee { amount currency }\n    department { id name }\n  }\n": typeof types.DoctorCard_DoctorFragmentDoc,
    "\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n": typeof types.DoctorDialog_DoctorFragmentDoc,
    "\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id ...DoctorDialog_doctor }\n  }\n": typeof types.CreateDoctorDocument,
    "\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n": typeof types.UpdateDoctorDocument,
    "\n  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {\n    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }\n  }\n": typeof types.RescheduleAppointmentDocument,
    "\n  query BookingDepartments {\n    departments { id name description doctors { id } }\n  }\n": typeof types.BookingDepartmentsDocument,
    "\n  query BookingDoctors($departmentId: ID!) {\n    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }\n  }\n": typeof types.BookingDoctorsDocument,
    "\n  mutation BookAppointment($input: BookAppointmentInput!) {\n    bookAppointment(input: $input) {\n      id\n      startsAt\n      endsAt\n      status\n      doctor { id fullName }\n    }\n  }\n": typeof types.BookAppointmentDocument,
    "\n  query AvailableDays($doctorId: ID!, $days: Int) {\n    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }\n  }\n": typeof types.AvailableDaysDocument,
    "\n  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {\n    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }\n  }\n": typeof types.AvailableSlotsDocument,
    "\n  query AvailabilityBlocks($doctorId: ID!) {\n    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }\n  }\n": typeof types.AvailabilityBlocksDocument,
    "\n  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {\n    addAvailabilityBlock(input: $input) { id }\n  }\n": typeof types.AddAvailabilityBlockDocument,
    "\n  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }\n": typeof types.RemoveAvailabilityBlockDocument,
    "\n  query WeeklyAvailability($doctorId: ID!) {\n    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }\n  }\n": typeof types.WeeklyAvailabilityDocument,
    "\n  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {\n    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }\n  }\n": typeof types.SetWeeklyAvailabilityDocument,
    "\n  query PatientSearch($search: String) {\n    patients(search: $search, first: 10) {\n      totalCount\n      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n    }\n  }\n": typeof types.PatientSearchDocument,
    "\n  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {\n    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n  }\n": typeof types.CreateWalkInPatientDocument,
    "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n": typeof types.AdminDashboardDocument,
    "\n  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {\n    appointments(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        patient { id fullName medicalRecordNumber }\n        doctor { id fullName department { id name } }\n      }\n    }\n  }\n": typeof types.AdminAppointmentsDocument,
    "\n  query AppointmentFilterOptions {\n    departments(includeInactive: true) { id name }\n    doctors(includeInactive: true) { id fullName department { id } }\n  }\n": typeof types.AppointmentFilterOptionsDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {\n    auditEvents(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items { id action entityType entityId actorId actorEmail actorRole changes requestId createdAt }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n": typeof types.AdminDepartmentsDocument,
    "\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n": typeof types.DeleteDepartmentDocument,
    "\n  query DoctorHoursHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n": typeof types.DoctorHoursHeaderDocument,
    "\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n": typeof types.AdminDoctorsDocument,
    "\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n": typeof types.DeleteDoctorDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {\n    myAppointments(upcoming: $upcoming, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        status\n        doctor { id fullName }\n        ...AppointmentCard_appointment\n      }\n    }\n  }\n": typeof types.MyAppointmentsDocument,
    "\n  query PatientDashboard {\n    upcoming: myAppointments(upcoming: true, first: 3) {\n      totalCount\n      items { id ...AppointmentCard_appointment }\n    }\n    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }\n  }\n": typeof types.PatientDashboardDocument,
};
const documents: Documents = {
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n  }\n": types.CurrentUserDocument,
    "\n  fragment AppointmentCard_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    doctor {\n      id\n      fullName\n      specialization\n      department { id name }\n    }\n  }\n": types.AppointmentCard_AppointmentFragmentDoc,
    "\n  mutation CancelAppointment($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }\n  }\n": types.CancelAppointmentDocument,
    "\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n": types.DepartmentDialog_DepartmentFragmentDoc,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n": types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n": types.UpdateDepartmentDocument,
    "\n  fragment DoctorCard_doctor on Doctor {\n    id\n    fullName\n    specialization\n    experienceYears\n    about\n    consultationFee { amount currency }\n    department { id name }\n  }\n": types.DoctorCard_DoctorFragmentDoc,
    "\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n": types.DoctorDialog_DoctorFragmentDoc,
    "\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id ...DoctorDialog_doctor }\n  }\n": types.CreateDoctorDocument,
    "\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n": types.UpdateDoctorDocument,
    "\n  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {\n    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }\n  }\n": types.RescheduleAppointmentDocument,
    "\n  query BookingDepartments {\n    departments { id name description doctors { id } }\n  }\n": types.BookingDepartmentsDocument,
    "\n  query BookingDoctors($departmentId: ID!) {\n    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }\n  }\n": types.BookingDoctorsDocument,
    "\n  mutation BookAppointment($input: BookAppointmentInput!) {\n    bookAppointment(input: $input) {\n      id\n      startsAt\n      endsAt\n      status\n      doctor { id fullName }\n    }\n  }\n": types.BookAppointmentDocument,
    "\n  query AvailableDays($doctorId: ID!, $days: Int) {\n    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }\n  }\n": types.AvailableDaysDocument,
    "\n  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {\n    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }\n  }\n": types.AvailableSlotsDocument,
    "\n  query AvailabilityBlocks($doctorId: ID!) {\n    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }\n  }\n": types.AvailabilityBlocksDocument,
    "\n  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {\n    addAvailabilityBlock(input: $input) { id }\n  }\n": types.AddAvailabilityBlockDocument,
    "\n  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }\n": types.RemoveAvailabilityBlockDocument,
    "\n  query WeeklyAvailability($doctorId: ID!) {\n    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }\n  }\n": types.WeeklyAvailabilityDocument,
    "\n  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {\n    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }\n  }\n": types.SetWeeklyAvailabilityDocument,
    "\n  query PatientSearch($search: String) {\n    patients(search: $search, first: 10) {\n      totalCount\n      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n    }\n  }\n": types.PatientSearchDocument,
    "\n  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {\n    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n  }\n": types.CreateWalkInPatientDocument,
    "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n": types.AdminDashboardDocument,
    "\n  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {\n    appointments(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        patient { id fullName medicalRecordNumber }\n        doctor { id fullName department { id name } }\n      }\n    }\n  }\n": types.AdminAppointmentsDocument,
    "\n  query AppointmentFilterOptions {\n    departments(includeInactive: true) { id name }\n    doctors(includeInactive: true) { id fullName department { id } }\n  }\n": types.AppointmentFilterOptionsDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {\n    auditEvents(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items { id action entityType entityId actorId actorEmail actorRole changes requestId createdAt }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n": types.AdminDepartmentsDocument,
    "\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n": types.DeleteDepartmentDocument,
    "\n  query DoctorHoursHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n": types.DoctorHoursHeaderDocument,
    "\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n": types.AdminDoctorsDocument,
    "\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n": types.DeleteDoctorDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n": types.SignUpDocument,
    "\n  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {\n    myAppointments(upcoming: $upcoming, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        status\n        doctor { id fullName }\n        ...AppointmentCard_appointment\n      }\n    }\n  }\n": types.MyAppointmentsDocument,
    "\n  query PatientDashboard {\n    upcoming: myAppointments(upcoming: true, first: 3) {\n      totalCount\n      items { id ...AppointmentCard_appointment }\n    }\n    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }\n  }\n": types.PatientDashboardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n  }\n"): (typeof documents)["\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppointmentCard_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    doctor {\n      id\n      fullName\n      specialization\n      department { id name }\n    }\n  }\n"): (typeof documents)["\n  fragment AppointmentCard_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    doctor {\n      id\n      fullName\n      specialization\n      department { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelAppointment($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }\n  }\n"): (typeof documents)["\n  mutation CancelAppointment($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n"): (typeof documents)["\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n"): (typeof documents)["\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n"): (typeof documents)["\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DoctorCard_doctor on Doctor {\n    id\n    fullName\n    specialization\n    experienceYears\n    about\n    consultationFee { amount currency }\n    department { id name }\n  }\n"): (typeof documents)["\n  fragment DoctorCard_doctor on Doctor {\n    id\n    fullName\n    specialization\n    experienceYears\n    about\n    consultationFee { amount currency }\n    department { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n"): (typeof documents)["\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id ...DoctorDialog_doctor }\n  }\n"): (typeof documents)["\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id ...DoctorDialog_doctor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n"): (typeof documents)["\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {\n    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }\n  }\n"): (typeof documents)["\n  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {\n    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingDepartments {\n    departments { id name description doctors { id } }\n  }\n"): (typeof documents)["\n  query BookingDepartments {\n    departments { id name description doctors { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingDoctors($departmentId: ID!) {\n    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }\n  }\n"): (typeof documents)["\n  query BookingDoctors($departmentId: ID!) {\n    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BookAppointment($input: BookAppointmentInput!) {\n    bookAppointment(input: $input) {\n      id\n      startsAt\n      endsAt\n      status\n      doctor { id fullName }\n    }\n  }\n"): (typeof documents)["\n  mutation BookAppointment($input: BookAppointmentInput!) {\n    bookAppointment(input: $input) {\n      id\n      startsAt\n      endsAt\n      status\n      doctor { id fullName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailableDays($doctorId: ID!, $days: Int) {\n    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }\n  }\n"): (typeof documents)["\n  query AvailableDays($doctorId: ID!, $days: Int) {\n    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {\n    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }\n  }\n"): (typeof documents)["\n  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {\n    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailabilityBlocks($doctorId: ID!) {\n    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }\n  }\n"): (typeof documents)["\n  query AvailabilityBlocks($doctorId: ID!) {\n    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {\n    addAvailabilityBlock(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {\n    addAvailabilityBlock(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }\n"): (typeof documents)["\n  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WeeklyAvailability($doctorId: ID!) {\n    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }\n  }\n"): (typeof documents)["\n  query WeeklyAvailability($doctorId: ID!) {\n    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {\n    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }\n  }\n"): (typeof documents)["\n  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {\n    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientSearch($search: String) {\n    patients(search: $search, first: 10) {\n      totalCount\n      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n    }\n  }\n"): (typeof documents)["\n  query PatientSearch($search: String) {\n    patients(search: $search, first: 10) {\n      totalCount\n      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {\n    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n  }\n"): (typeof documents)["\n  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {\n    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {\n    appointments(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        patient { id fullName medicalRecordNumber }\n        doctor { id fullName department { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {\n    appointments(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        patient { id fullName medicalRecordNumber }\n        doctor { id fullName department { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppointmentFilterOptions {\n    departments(includeInactive: true) { id name }\n    doctors(includeInactive: true) { id fullName department { id } }\n  }\n"): (typeof documents)["\n  query AppointmentFilterOptions {\n    departments(includeInactive: true) { id name }\n    doctors(includeInactive: true) { id fullName department { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {\n    auditEvents(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items { id action entityType entityId actorId actorEmail actorRole changes requestId createdAt }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {\n    auditEvents(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items { id action entityType entityId actorId actorEmail actorRole changes requestId createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n"): (typeof documents)["\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n"): (typeof documents)["\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorHoursHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n"): (typeof documents)["\n  query DoctorHoursHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n"): (typeof documents)["\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n"): (typeof documents)["\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {\n    myAppointments(upcoming: $upcoming, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        status\n        doctor { id fullName }\n        ...AppointmentCard_appointment\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {\n    myAppointments(upcoming: $upcoming, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        status\n        doctor { id fullName }\n        ...AppointmentCard_appointment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientDashboard {\n    upcoming: myAppointments(upcoming: true, first: 3) {\n      totalCount\n      items { id ...AppointmentCard_appointment }\n    }\n    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query PatientDashboard {\n    upcoming: myAppointments(upcoming: true, first: 3) {\n      totalCount\n      items { id ...AppointmentCard_appointment }\n    }\n    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;