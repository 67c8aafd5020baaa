// The set-up of the tests that race over two API processes (series, urgent visits, waitlist): two
// apps on the file's one database, an admin, doctors open all week, raw reads for the checks.
import { createAdmin, createDoctor, openAllWeek, type DoctorSession, type Session } from './factories';
import { createTestApp, type TestApp } from './harness';

export interface TwoApps {
  a: TestApp;
  b: TestApp;
  admin: Session;
}

/** Two apps (two processes' worth: pools, pub/sub, job engines) on one database, and an admin. */
export async function startTwoApps(): Promise<TwoApps> {
  const [a, b] = await Promise.all([createTestApp(), createTestApp()]);
  return { a, b, admin: await createAdmin(a) };
}

export async function closeTwoApps(apps: Partial<TwoApps>): Promise<void> {
  await Promise.all([apps.a?.close(), apps.b?.close()]);
}

/** A new doctor (in `departmentId` when given) with hours every day of the week. */
export async function openDoctor(app: TestApp, admin: Session, departmentId?: string): Promise<DoctorSession> {
  const d = await createDoctor(app, admin, { departmentId });
  await openAllWeek(app, d.token, d.doctorId);
  return d;
}

/** Raw SQL rows, on a fresh fork (for checks the API does not show). */
export function sqlRows(app: () => TestApp) {
  return <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app().orm.em.fork().getConnection().execute(query, params);
}
