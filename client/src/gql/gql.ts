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
    "\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n": typeof types.DepartmentDialog_DepartmentFragmentDoc,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n": typeof types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n": typeof types.UpdateDepartmentDocument,
    "\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n": typeof types.DoctorDialog_DoctorFragmentDoc,
    "\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id ...DoctorDialog_doctor }\n  }\n": typeof types.CreateDoctorDocument,
    "\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n": typeof types.UpdateDoctorDocument,
    "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n": typeof types.AdminDashboardDocument,
    "\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n": typeof types.AdminDepartmentsDocument,
    "\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n": typeof types.DeleteDepartmentDocument,
    "\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n": typeof types.AdminDoctorsDocument,
    "\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n": typeof types.DeleteDoctorDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n": typeof types.SignUpDocument,
};
const documents: Documents = {
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n  }\n": types.CurrentUserDocument,
    "\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n": types.DepartmentDialog_DepartmentFragmentDoc,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n": types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n": types.UpdateDepartmentDocument,
    "\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n": types.DoctorDialog_DoctorFragmentDoc,
    "\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id ...DoctorDialog_doctor }\n  }\n": types.CreateDoctorDocument,
    "\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n": types.UpdateDoctorDocument,
    "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n": types.AdminDashboardDocument,
    "\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n": types.AdminDepartmentsDocument,
    "\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n": types.DeleteDepartmentDocument,
    "\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n": types.AdminDoctorsDocument,
    "\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n": types.DeleteDoctorDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n": types.SignUpDocument,
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
export function graphql(source: "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;