import type { Role } from '../gql/graphql';

/** Where each role starts. */
export function homeFor(role: Role): string {
  return role === 'ADMIN' ? '/admin' : role === 'DOCTOR' ? '/doctor' : '/patient';
}
