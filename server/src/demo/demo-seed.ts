// `npm run seed:demo` and `HMS_DEMO=true npm start`: fills an EMPTY database with a believable
// hospital (6 departments, 20 doctors with hours and time off, 300 patients, six weeks of visits
// with treatments, invoices and payments, upcoming bookings, series, waitlist, today's check-ins).
//
// Why SQL and not the services: the services refuse the past (no booking, check-in or treatment
// yesterday), and going through them visit by visit takes minutes. So the rows are built here the
// way the services build them (same columns, audit rows and their change shapes, queue tickets,
// invoice numbers from invoice_counter, clinical text sealed by the app's Keyring) and written in
// one transaction with multi-row INSERTs. The database keeps its own word on every invariant:
// unique slot indexes, foreign keys, check constraints and the appointment_daily triggers all run.
import type { MikroORM } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import mysql from 'mysql2/promise';
import type { Config } from '../config';
import { clock } from '../clock';
import { formatInvoiceNumber } from '../modules/billing/billing.service';
import { Keyring, verifyDataKey } from '../modules/clinical/crypto';
import { hashPassword } from '../modules/identity/identity.service';
import { loadSecrets } from '../modules/identity/secrets';
import { ensureDailyRollup } from '../modules/reports/rollup';
import {
  ALLERGIES, ARABIC, ARABIC_LATIN_FIRST, ARABIC_LATIN_LAST, BLOOD_GROUPS, CANCEL_REASONS, CITIES, DEPARTMENTS, DEVANAGARI, DOCTORS,
  INDIAN_FIRST, INDIAN_LAST, LATIN_FIRST, LATIN_LAST, PAYMENT_METHODS, STREETS, type DemoCondition,
} from './catalogue';

/** The system_setting row that says "this database holds the demo hospital". */
export const DEMO_MARKER = 'demo_hospital';
/** Every demo doctor and patient signs in with this (printed by the seed; demo data only). */
export const DEMO_PASSWORD = 'Demo-Hospital-2026';
export const DEMO_DOMAIN = 'demo.hms.example.org';
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_DOMAIN}`;
export const DEMO_DOCTOR_EMAIL = `ananya.sharma@${DEMO_DOMAIN}`;
export const DEMO_PATIENT_EMAIL = `anita.desai@${DEMO_DOMAIN}`;

const PAST_DAYS = 42;
const PATIENTS = 300;
const PATIENT_ACCOUNTS = 220;

export const DEMO_COUNTS = { departments: DEPARTMENTS.length, doctors: DOCTORS.length, patients: PATIENTS } as const;

/** The database already holds data that is not the demo's: the seed never mixes the two. */
export class DemoRefusedError extends Error {}

export interface DemoSeedResult {
  /** `seeded`: this run filled the database; `already`: the marker was there and nothing changed. */
  status: 'seeded' | 'already';
  counts: Record<string, number>;
  ms: number;
  signIns: { admin: string | null; adminPassword: string | null; doctor: string; patient: string; password: string };
}

const sqlTime = (date: Date) => date.toISOString().slice(0, 23).replace('T', ' ');
const iso = (date: Date) => date.toISOString();

/** A fixed-seed generator, so two fresh databases get the same hospital. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}

const slug = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');

interface Rule { weekday: number; start: number; end: number; slot: number }
interface Visit {
  id: number; patientId: number; doctor: number; startsAt: Date; endsAt: Date; status: string; reason: string;
  cancelReason: string | null; cancelledAt: Date | null; checkedInAt: Date | null; createdAt: Date; createdBy: number; seriesId: number | null;
  version: number; condition: DemoCondition;
}

async function counts(db: mysql.Connection): Promise<Record<string, number>> {
  const [rows] = await db.query(`select
    (select count(*) from department) as departments, (select count(*) from doctor) as doctors, (select count(*) from patient) as patients,
    (select count(*) from appointment) as appointments, (select count(*) from treatment) as treatments, (select count(*) from invoice) as invoices,
    (select count(*) from payment) as payments, (select count(*) from waitlist_entry) as waitlist, (select count(*) from appointment_series) as series,
    (select count(*) from availability_block) as blocks, (select count(*) from audit_event) as audit,
    (select count(*) from \`user\` where role <> 'ADMIN') as accounts`);
  return Object.fromEntries(Object.entries((rows as Array<Record<string, unknown>>)[0]).map(([k, v]) => [k, Number(v)]));
}

function connectionOptions(databaseUrl: string): mysql.ConnectionOptions {
  const url = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  return {
    host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || 'root'), password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)), charset: 'utf8mb4', timezone: 'Z', multipleStatements: false,
  };
}

/**
 * Seeds the demo hospital into the (created and migrated) database of `orm`, once. A second run
 * finds the marker and changes nothing; a database with any department, doctor, patient,
 * appointment or non-admin account that is not the demo's is refused (DemoRefusedError).
 */
export async function seedDemo(orm: MikroORM, config: Config): Promise<DemoSeedResult> {
  const started = Date.now();
  const db = await mysql.createConnection(connectionOptions(config.databaseUrl));
  try {
    // One seeder at a time (two processes started with HMS_DEMO=true at once).
    await db.query("select get_lock('hms_demo_seed', 120)");
    const [marker] = await db.query('select value from system_setting where name = ?', [DEMO_MARKER]) as [Array<{ value: string }>, unknown];
    const [admins] = await db.query("select email from `user` where role = 'ADMIN' and active = 1 order by id limit 1") as [Array<{ email: string }>, unknown];
    const adminFromEnv = admins[0]?.email ?? null;
    if (marker.length) {
      const info = JSON.parse(marker[0].value) as { admin: string | null; adminCreated: boolean };
      return {
        status: 'already', counts: await counts(db), ms: Date.now() - started,
        signIns: { admin: info.admin ?? adminFromEnv, adminPassword: info.adminCreated ? DEMO_PASSWORD : null, doctor: DEMO_DOCTOR_EMAIL, patient: DEMO_PATIENT_EMAIL, password: DEMO_PASSWORD },
      };
    }
    const before = await counts(db);
    const present = Object.entries(before).filter(([name, n]) => n > 0 && name !== 'audit');
    if (present.length) {
      throw new DemoRefusedError(`this database already holds data (${present.map(([name, n]) => `${n} ${name}`).join(', ')}); ` +
        'the demo hospital is only seeded into an empty database. Point DATABASE_URL at a new database name, e.g. mysql://root@127.0.0.1:3306/hms_demo');
    }

    // The same prerequisites the app sets up at start: the roll-up's zone (the triggers count
    // into it as rows go in) and the data key that seals clinical text (checked and kept).
    await ensureDailyRollup(orm, config.timezone);
    const secrets = await loadSecrets(orm, config);
    const keyring = new Keyring(secrets.dataKey, config.previousDataKeys);
    await verifyDataKey(orm, keyring);
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    await db.beginTransaction();
    const result = await fill(db, config, keyring, passwordHash, adminFromEnv);
    await db.query('insert into system_setting (name, value) values (?, ?)',
      [DEMO_MARKER, JSON.stringify({ seededAt: iso(clock.now()), admin: result.admin, adminCreated: result.adminCreated })]);
    await db.commit();
    return {
      status: 'seeded', counts: await counts(db), ms: Date.now() - started,
      signIns: { admin: result.admin, adminPassword: result.adminCreated ? DEMO_PASSWORD : null, doctor: DEMO_DOCTOR_EMAIL, patient: DEMO_PATIENT_EMAIL, password: DEMO_PASSWORD },
    };
  } catch (error) {
    await db.rollback().catch(() => undefined);
    throw error;
  } finally {
    await db.query("select release_lock('hms_demo_seed')").catch(() => undefined);
    await db.end();
  }
}

async function fill(db: mysql.Connection, config: Config, keyring: Keyring, passwordHash: string, existingAdmin: string | null) {
  const rnd = random(20261201);
  const zone = config.timezone;
  const now = clock.now();
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const digits = config.currencyDigits;
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await db.query(`insert into \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) values ?`, [rows.slice(i, i + 1000)]);
    }
  };
  const nextId = async (table: string) => {
    const [rows] = await db.query(`select coalesce(max(id), 0) + 1 as id from \`${table}\``) as [Array<{ id: number }>, unknown];
    return Number(rows[0].id);
  };
  const audit: unknown[][] = [];
  const addAudit = (actor: number | null, action: string, entityType: string, entityId: number, changes: unknown, at: Date, subject: number | null = null) =>
    audit.push([actor, action, entityType, String(entityId), changes == null ? null : JSON.stringify(changes), null, sqlTime(at), subject, null]);
  const outbox: unknown[][] = [];
  const recentFrom = now.getTime() - 7 * 86_400_000; // the outbox keeps 7 days; older events were pruned
  const addOutbox = (kind: string, doctorId: number, appointmentId: number, at: Date, slot: Visit | null, subjectId: number | null) => {
    if (at.getTime() < recentFrom || at.getTime() > now.getTime()) return;
    outbox.push([kind, doctorId, appointmentId, null, sqlTime(at), slot ? sqlTime(slot.startsAt) : null, slot ? sqlTime(slot.endsAt) : null,
      slot ? slot.status : null, sqlTime(at), subjectId]);
  };
  const notifications: unknown[][] = [];

  // ---- admin: the one bootstrapped from HMS_ADMIN_EMAIL, else a demo admin.
  let userId = await nextId('user');
  let admin = existingAdmin;
  let adminCreated = false;
  const t0 = today.minus({ days: PAST_DAYS + 21 }).set({ hour: 9 }).toJSDate();
  if (!admin) {
    admin = DEMO_ADMIN_EMAIL;
    adminCreated = true;
    await insert('user', ['id', 'email', 'password_hash', 'role', 'active', 'failed_login_count', 'must_change_password', 'token_version', 'created_at', 'updated_at'],
      [[userId, admin, passwordHash, 'ADMIN', 1, 0, 0, 0, sqlTime(t0), sqlTime(t0)]]);
    userId += 1;
  }
  const [adminRows] = await db.query('select id from `user` where email = ?', [admin]) as [Array<{ id: number }>, unknown];
  const adminId = Number(adminRows[0].id);

  // ---- departments
  const departmentId0 = await nextId('department');
  await insert('department', ['id', 'name', 'description', 'active', 'created_at'],
    DEPARTMENTS.map((d, i) => [departmentId0 + i, d.name, d.description, 1, sqlTime(t0)]));
  DEPARTMENTS.forEach((d, i) => addAudit(adminId, 'department.create', 'department', departmentId0 + i, { name: { before: null, after: d.name } }, t0));

  // ---- doctors, their accounts, weekly hours
  const doctorId0 = await nextId('doctor');
  const doctorUsers: unknown[][] = [];
  const doctorRows: unknown[][] = [];
  const ruleRows: unknown[][] = [];
  const rules = new Map<number, Rule[]>();
  const doctorUser = new Map<number, number>();
  const doctorName = new Map<number, string>();
  const doctorDept = new Map<number, number>();
  const fee = new Map<number, number>();
  const feeMajor = config.currency === 'INR' ? [500, 700, 800, 1000, 1200, 1500] : [40, 50, 60, 75, 90, 120];
  DOCTORS.forEach(([name, gender, dept], i) => {
    const id = doctorId0 + i;
    const uid = userId++;
    const email = i === 0 ? DEMO_DOCTOR_EMAIL : `${slug(name)}@${DEMO_DOMAIN}`;
    doctorUser.set(id, uid);
    doctorName.set(id, name);
    doctorDept.set(id, dept);
    const minor = rnd.pick(feeMajor) * 10 ** digits;
    fee.set(id, minor);
    doctorUsers.push([uid, email, passwordHash, 'DOCTOR', 1, 0, 0, 0, sqlTime(t0), sqlTime(t0)]);
    const department = DEPARTMENTS[dept];
    const years = rnd.int(4, 28);
    doctorRows.push([id, uid, departmentId0 + dept, name, department.specializations[i % department.specializations.length], minor,
      `+91 98${String(20000000 + i * 137911).slice(0, 8)}`, gender, years,
      `${years} years in ${department.name.toLowerCase()}. Sees adults and families; speaks English and Hindi.`, 1, sqlTime(t0), 0]);
    // Weekly hours in hospital time: mornings and afternoons on weekdays, some Saturdays; slot length per doctor.
    const slot = [15, 20, 20, 30][i % 4];
    const list: Rule[] = [];
    for (let weekday = 1; weekday <= 5; weekday += 1) {
      if (i % 5 === weekday - 1 && i % 2 === 1) continue; // one weekday off for some
      list.push({ weekday, start: 9 * 60, end: 13 * 60, slot });
      if ((i + weekday) % 3 !== 0) list.push({ weekday, start: 14 * 60, end: 17 * 60 + (i % 2) * 60, slot });
    }
    if (i % 3 === 0) list.push({ weekday: 6, start: 9 * 60, end: 12 * 60, slot });
    rules.set(id, list);
    for (const r of list) ruleRows.push([id, r.weekday, r.start, r.end, r.slot]);
  });
  await insert('user', ['id', 'email', 'password_hash', 'role', 'active', 'failed_login_count', 'must_change_password', 'token_version', 'created_at', 'updated_at'], doctorUsers);
  await insert('doctor', ['id', 'user_id', 'department_id', 'full_name', 'specialization', 'consultation_fee_minor', 'phone', 'gender', 'experience_years', 'about', 'active', 'created_at', 'booking_notices'], doctorRows);
  await insert('availability_rule', ['doctor_id', 'weekday', 'start_minute', 'end_minute', 'slot_minutes'], ruleRows);
  for (const [id, name] of doctorName) {
    addAudit(adminId, 'doctor.create', 'doctor', id, { fullName: { before: null, after: name } }, t0);
    addAudit(adminId, 'availability.set', 'doctor', id, { rules: { before: [], after: rules.get(id)!.map((r) => ({ weekday: r.weekday, startMinute: r.start, endMinute: r.end, slotMinutes: r.slot })) } }, t0);
  }

  // ---- time off: a leave last week, a leave next week, a surgery morning tomorrow, a blocked hour today
  const doctorIds = [...doctorName.keys()];
  const local = (day: DateTime, minute: number) => day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toUTC().toJSDate();
  const blocks: Array<{ doctor: number; startsAt: Date; endsAt: Date; reason: string; note: string }> = [
    { doctor: doctorIds[13], startsAt: local(today.minus({ days: 9 }), 0), endsAt: local(today.minus({ days: 7 }), 0), reason: 'LEAVE', note: 'Conference' },
    { doctor: doctorIds[2], startsAt: local(today.plus({ days: 8 }), 0), endsAt: local(today.plus({ days: 11 }), 0), reason: 'LEAVE', note: 'Annual leave' },
    { doctor: doctorIds[12], startsAt: local(today.plus({ days: 1 }), 9 * 60), endsAt: local(today.plus({ days: 1 }), 13 * 60), reason: 'SURGERY', note: 'Knee replacement list' },
    { doctor: doctorIds[4], startsAt: local(today.plus({ days: 2 }), 9 * 60), endsAt: local(today.plus({ days: 2 }), 11 * 60), reason: 'SURGERY', note: 'Cath lab' },
    { doctor: doctorIds[5], startsAt: local(today, 15 * 60), endsAt: local(today, 16 * 60), reason: 'BLOCKED_SLOT', note: 'Department meeting' },
  ];
  const blockId0 = await nextId('availability_block');
  await insert('availability_block', ['id', 'doctor_id', 'starts_at', 'ends_at', 'reason', 'note', 'created_by_id', 'created_at'],
    blocks.map((b, i) => [blockId0 + i, b.doctor, sqlTime(b.startsAt), sqlTime(b.endsAt), b.reason, b.note, adminId, sqlTime(t0)]));
  blocks.forEach((b, i) => addAudit(adminId, 'availability_block.add', 'availability_block', blockId0 + i,
    { doctorId: { before: null, after: b.doctor }, startsAt: { before: null, after: iso(b.startsAt) }, endsAt: { before: null, after: iso(b.endsAt) }, reason: { before: null, after: b.reason } }, t0));
  const blocked = (doctor: number, s: Date, e: Date) => blocks.some((b) => b.doctor === doctor && b.startsAt < e && s < b.endsAt);

  // ---- patients: 300, a mix of scripts; most have an account, the rest are front-desk walk-ins
  const patientId0 = await nextId('patient');
  const patientUsers: unknown[][] = [];
  const patientRows: unknown[][] = [];
  const patientUser = new Map<number, number | null>();
  const patientName = new Map<number, string>();
  const mrns = new Set<string>();
  const traits = new Map<number, { child: boolean; gender: string }>();
  const MRN_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  for (let n = 0; n < PATIENTS; n += 1) {
    const id = patientId0 + n;
    let name: string;
    if (n === 0) name = 'Anita Desai';
    else if (n % 10 === 1 || n % 10 === 6) name = DEVANAGARI[(n * 7) % DEVANAGARI.length];
    else if (n % 10 === 3) name = n % 20 === 3 ? ARABIC[(n * 3) % ARABIC.length] : `${rnd.pick(ARABIC_LATIN_FIRST)} ${rnd.pick(ARABIC_LATIN_LAST)}`;
    else if (n % 10 === 8) name = `${rnd.pick(LATIN_FIRST)} ${rnd.pick(LATIN_LAST)}`;
    else name = `${rnd.pick(INDIAN_FIRST)} ${rnd.pick(INDIAN_LAST)}`;
    patientName.set(id, name);
    let mrn: string;
    do {
      mrn = 'MRN-';
      for (let k = 0; k < 10; k += 1) mrn += MRN_ALPHABET[rnd.int(0, MRN_ALPHABET.length - 1)];
    } while (mrns.has(mrn));
    mrns.add(mrn);
    const hasAccount = n < PATIENT_ACCOUNTS;
    const uid = hasAccount ? userId++ : null;
    patientUser.set(id, uid);
    const createdAt = new Date(t0.getTime() + rnd.int(0, 20) * 86_400_000 + rnd.int(0, 8 * 3600) * 1000);
    if (uid) {
      const email = n === 0 ? DEMO_PATIENT_EMAIL : `${slug(name) || 'patient'}.${n}@${DEMO_DOMAIN}`;
      patientUsers.push([uid, email, passwordHash, 'PATIENT', 1, 0, 0, 0, sqlTime(createdAt), sqlTime(createdAt)]);
    }
    const child = n !== 0 && n % 9 === 4;
    const dob = today.minus({ years: child ? rnd.int(1, 14) : rnd.int(18, 82), days: rnd.int(0, 364) }).toISODate();
    const gender = n === 0 ? 'Female' : rnd.chance(0.03) ? 'Other' : rnd.pick(['Female', 'Male']);
    traits.set(id, { child, gender });
    patientRows.push([id, uid, name, mrn, dob, gender, `+91 ${rnd.int(70000, 99999)} ${rnd.int(10000, 99999)}`,
      `${rnd.int(1, 240)}, ${rnd.pick(STREETS)}, ${rnd.pick(CITIES)}`, rnd.pick(BLOOD_GROUPS), child ? rnd.int(80, 160) : rnd.int(150, 188),
      child ? rnd.int(10, 50) : rnd.int(45, 95) + rnd.int(0, 9) / 10, rnd.chance(0.15) ? rnd.pick(ALLERGIES) : null, 0, sqlTime(createdAt), 1, null, 0]);
    if (!uid) addAudit(adminId, 'patient.create', 'patient', id, { fullName: { before: null, after: name }, medicalRecordNumber: { before: null, after: mrn } }, createdAt, id);
  }
  await insert('user', ['id', 'email', 'password_hash', 'role', 'active', 'failed_login_count', 'must_change_password', 'token_version', 'created_at', 'updated_at'], patientUsers);
  await insert('patient', ['id', 'user_id', 'full_name', 'medical_record_number', 'date_of_birth', 'gender', 'phone', 'address', 'blood_group', 'height_cm',
    'weight_kg', 'allergies', 'reminder_opt_in', 'created_at', 'active', 'merged_into_id', 'reminder_sms_opt_in'], patientRows);

  // ---- visits: every slot of every doctor's hours from six weeks ago to two weeks ahead, some taken
  const patientIds = [...patientName.keys()];
  const busy = new Map<number, Array<[number, number]>>(); // patient -> [start, end] ms
  const patientFree = (p: number, s: Date, e: Date) => !(busy.get(p) ?? []).some(([a, b]) => a < e.getTime() && s.getTime() < b);
  const takePatient = (p: number, s: Date, e: Date) => { const list = busy.get(p) ?? []; list.push([s.getTime(), e.getTime()]); busy.set(p, list); };
  const taken = new Set<string>(); // doctor|start
  // Each patient mostly sees "their" doctors: care looks continuous in a history.
  // Children see paediatricians (and only children do); obstetrics sees adult women.
  const PAEDIATRICS = DEPARTMENTS.findIndex((d) => d.name === 'Paediatrics');
  const OBSTETRICS = DEPARTMENTS.findIndex((d) => d.name === 'Obstetrics & Gynaecology');
  const fits = (p: number, doctor: number) => {
    const { child, gender } = traits.get(p)!;
    const dept = doctorDept.get(doctor);
    return dept === PAEDIATRICS ? child : !child && (dept !== OBSTETRICS || gender === 'Female');
  };
  const regulars = new Map<number, number[]>();
  for (const p of patientIds) {
    const eligible = doctorIds.filter((d) => fits(p, d));
    for (const d of [rnd.pick(eligible), rnd.pick(eligible)]) regulars.set(d, [...(regulars.get(d) ?? []), p]);
  }
  const visits: Visit[] = [];
  let appointmentId = await nextId('appointment');
  const bookingDays = Math.min(config.bookingWindowDays, 14);
  const visitOf = (doctor: number, startsAt: Date, endsAt: Date, patientId: number, status: string, createdAt: Date, seriesId: number | null = null): Visit => {
    const condition = rnd.pick(DEPARTMENTS[doctorDept.get(doctor)!].conditions);
    const createdBy = patientUser.get(patientId) && rnd.chance(0.75) ? patientUser.get(patientId)! : adminId;
    const v: Visit = {
      id: appointmentId++, patientId, doctor, startsAt, endsAt, status, reason: condition.reason, cancelReason: null, cancelledAt: null, checkedInAt: null,
      createdAt, createdBy, seriesId, version: 1, condition,
    };
    taken.add(`${doctor}|${startsAt.getTime()}`);
    takePatient(patientId, startsAt, endsAt);
    visits.push(v);
    return v;
  };
  const slotsOf = (doctor: number, day: DateTime) => {
    const out: Array<[Date, Date]> = [];
    for (const r of rules.get(doctor)!) {
      if (r.weekday !== day.weekday) continue;
      for (let m = r.start; m + r.slot <= r.end; m += r.slot) out.push([local(day, m), local(day, m + r.slot)]);
    }
    return out;
  };

  // Recurring series first (their dates must be free): weekly or fortnightly, four visits from the coming days.
  const seriesRows: unknown[][] = [];
  let seriesId = await nextId('appointment_series');
  for (const [k, doctor] of [doctorIds[1], doctorIds[4], doctorIds[8], doctorIds[15]].entries()) {
    const patient = k === 0 ? patientIds[0] : patientIds.slice(10 + k * 17).find((p) => fits(p, doctor))!;
    const every = k % 2 === 0 ? 1 : 2;
    let first: DateTime | null = null;
    for (let d = 1; d <= 7 && !first; d += 1) if (slotsOf(doctor, today.plus({ days: d })).length) first = today.plus({ days: d });
    if (!first) continue;
    const [start] = slotsOf(doctor, first).slice(k + 1);
    if (!start) continue;
    const minuteOfDay = DateTime.fromJSDate(start[0], { zone }).hour * 60 + DateTime.fromJSDate(start[0], { zone }).minute;
    const length = start[1].getTime() - start[0].getTime();
    const createdAt = new Date(now.getTime() - (k + 1) * 86_400_000);
    const createdBy = patientUser.get(patient) ?? adminId;
    seriesRows.push([seriesId, patient, doctor, 'WEEKLY', every, createdBy, sqlTime(createdAt)]);
    const ids: number[] = [];
    for (let j = 0; j < 4; j += 1) {
      const s = local(first.plus({ weeks: j * every }), minuteOfDay);
      const e = new Date(s.getTime() + length);
      if (blocked(doctor, s, e) || !patientFree(patient, s, e)) continue;
      const v = visitOf(doctor, s, e, patient, 'SCHEDULED', createdAt, seriesId);
      v.createdBy = createdBy;
      ids.push(v.id);
    }
    addAudit(createdBy, 'appointment_series.book', 'appointment_series', seriesId,
      { rule: { before: null, after: 'WEEKLY' }, everyWeeks: { before: null, after: every }, appointmentIds: { before: null, after: ids } }, createdAt, patient);
    seriesId += 1;
  }

  const visitDays = new Set<string>(); // patient|day offset
  for (let offset = -PAST_DAYS; offset <= bookingDays; offset += 1) {
    const day = today.plus({ days: offset });
    for (const doctor of doctorIds) {
      const slots = slotsOf(doctor, day);
      // Busy in the past, filling up for the coming days (more booked the nearer the day).
      const fill = offset < 0 ? 0.32 : offset === 0 ? 0.6 : Math.max(0.1, 0.5 - offset * 0.05);
      for (const [s, e] of slots) {
        if (taken.has(`${doctor}|${s.getTime()}`) || blocked(doctor, s, e) || !rnd.chance(fill)) continue;
        const pool = regulars.get(doctor) ?? patientIds;
        let patient = rnd.chance(0.7) ? rnd.pick(pool) : rnd.pick(patientIds);
        // One visit a day per patient: fits the doctor, free at that time, not already seen that day.
        const ok = (p: number) => fits(p, doctor) && patientFree(p, s, e) && !visitDays.has(`${p}|${offset}`);
        for (let tries = 0; tries < 6 && !ok(patient); tries += 1) patient = rnd.pick(tries < 2 ? pool : patientIds);
        if (!ok(patient)) continue;
        visitDays.add(`${patient}|${offset}`);
        const createdAt = new Date(Math.min(now.getTime() - 3600_000, s.getTime() - rnd.int(1, 10) * 86_400_000 - rnd.int(0, 8) * 3600_000));
        const ended = e.getTime() <= now.getTime();
        const startedAgo = now.getTime() - s.getTime();
        let status = 'SCHEDULED';
        if (ended) {
          const roll = rnd.next();
          status = roll < 0.84 ? 'COMPLETED' : roll < 0.91 ? 'CANCELLED' : 'NO_SHOW';
        } else if (startedAgo >= 0) {
          status = 'IN_CONSULTATION'; // with the doctor right now
        } else if (offset === 0 && -startedAgo <= 50 * 60_000 && rnd.chance(0.6)) {
          status = 'CHECKED_IN'; // at the front desk, waiting
        }
        // A doctor sees one patient at a time.
        if (status === 'IN_CONSULTATION' && visits.some((v) => v.doctor === doctor && v.status === 'IN_CONSULTATION')) status = 'CHECKED_IN';
        const v = visitOf(doctor, s, e, patient, status, createdAt);
        if (status === 'CANCELLED') {
          v.cancelReason = rnd.pick(CANCEL_REASONS);
          v.cancelledAt = new Date(Math.max(createdAt.getTime() + 3600_000, s.getTime() - rnd.int(2, 48) * 3600_000));
          // A cancelled visit frees its place in the unique indexes; this one never held it for the patient.
          busy.set(patient, (busy.get(patient) ?? []).filter(([a]) => a !== s.getTime()));
        }
        if (['COMPLETED', 'IN_CONSULTATION', 'CHECKED_IN'].includes(status)) {
          v.checkedInAt = new Date(Math.min(now.getTime() - 60_000, s.getTime() - rnd.int(2, 25) * 60_000));
        }
      }
    }
  }

  // ---- write the visits and what each one left behind: audit trail, queue tickets, notifications, outbox
  const tickets: unknown[][] = [];
  const counters = new Map<string, number>();
  const byStart = [...visits].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const localDay = (d: Date) => DateTime.fromJSDate(d, { zone }).toISODate()!;
  const when = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('ccc d LLL yyyy, HH:mm');
  for (const v of byStart) {
    const snapshot = {
      doctorId: { before: null, after: v.doctor }, patientId: { before: null, after: v.patientId }, startsAt: { before: null, after: iso(v.startsAt) },
      endsAt: { before: null, after: iso(v.endsAt) }, status: { before: null, after: 'SCHEDULED' }, reason: { before: null, after: v.reason },
      ...(v.seriesId ? { seriesId: { before: null, after: v.seriesId } } : {}),
    };
    addAudit(v.createdBy, 'appointment.book', 'appointment', v.id, snapshot, v.createdAt);
    addOutbox('BOOKED', v.doctor, v.id, v.createdAt, { ...v, status: 'SCHEDULED' }, null);
    const booked = { appointmentId: v.id, doctorId: v.doctor, startsAt: iso(v.startsAt), previousStartsAt: null };
    notifications.push([doctorUser.get(v.doctor), 'APPOINTMENT_BOOKED', `New booking: ${patientName.get(v.patientId)} on ${when(v.startsAt)}.`.slice(0, 500),
      JSON.stringify(booked), v.createdAt.getTime() < now.getTime() - 2 * 86_400_000 ? sqlTime(v.createdAt) : null, sqlTime(v.createdAt), sqlTime(v.createdAt)]);
    const doctorActor = doctorUser.get(v.doctor)!;
    const step = (from: string, to: string, actor: number, at: Date) => {
      v.version += 1;
      addAudit(actor, 'appointment.status', 'appointment', v.id, { status: { before: from, after: to } }, at);
      addOutbox('STATUS_CHANGED', v.doctor, v.id, at, v, null);
    };
    if (v.checkedInAt) {
      step('SCHEDULED', 'CHECKED_IN', adminId, v.checkedInAt);
      const key = `${v.doctor}|${localDay(v.startsAt)}`;
      const number = (counters.get(key) ?? 0) + 1;
      counters.set(key, number);
      const called = v.status === 'CHECKED_IN' ? null : v.startsAt;
      tickets.push([v.id, v.doctor, localDay(v.startsAt), number, sqlTime(v.checkedInAt), called ? sqlTime(called) : null]);
      if (v.status !== 'CHECKED_IN') step('CHECKED_IN', 'IN_CONSULTATION', doctorActor, v.startsAt);
      if (v.status === 'COMPLETED') step('IN_CONSULTATION', 'COMPLETED', doctorActor, v.endsAt);
    }
    if (v.status === 'NO_SHOW') {
      // Earlier days: the no-show sweep after the day ended; today: the doctor marked it.
      const sweep = DateTime.fromJSDate(v.startsAt, { zone }).endOf('day').toUTC().plus({ minutes: 3 }).toJSDate();
      if (sweep.getTime() < now.getTime()) {
        v.version += 1;
        addAudit(null, 'appointment.no_show_auto', 'appointment', v.id, { status: { before: 'SCHEDULED', after: 'NO_SHOW' } }, sweep);
        addOutbox('STATUS_CHANGED', v.doctor, v.id, sweep, v, null);
      } else step('SCHEDULED', 'NO_SHOW', doctorActor, v.endsAt);
    }
    if (v.status === 'CANCELLED') {
      v.version += 1;
      const actor = patientUser.get(v.patientId) ?? adminId;
      addAudit(actor, 'appointment.cancel', 'appointment', v.id, { status: { before: 'SCHEDULED', after: 'CANCELLED' }, cancelReason: { before: null, after: v.cancelReason } }, v.cancelledAt!);
      addOutbox('CANCELLED', v.doctor, v.id, v.cancelledAt!, v, null);
      notifications.push([doctorUser.get(v.doctor), 'APPOINTMENT_CANCELLED', `Cancelled: ${patientName.get(v.patientId)} on ${when(v.startsAt)}.`,
        JSON.stringify(booked), sqlTime(v.cancelledAt!), sqlTime(v.cancelledAt!), sqlTime(v.cancelledAt!)]);
    }
  }
  await insert('appointment_series', ['id', 'patient_id', 'doctor_id', 'rule', 'every_weeks', 'created_by_id', 'created_at'], seriesRows);
  await insert('appointment', ['id', 'patient_id', 'doctor_id', 'starts_at', 'ends_at', 'status', 'reason', 'cancel_reason', 'created_by_id', 'checked_in_at',
    'cancelled_at', 'version', 'created_at', 'updated_at', 'urgent', 'series_id'],
  visits.map((v) => [v.id, v.patientId, v.doctor, sqlTime(v.startsAt), sqlTime(v.endsAt), v.status, v.reason, v.cancelReason, v.createdBy,
    v.checkedInAt ? sqlTime(v.checkedInAt) : null, v.cancelledAt ? sqlTime(v.cancelledAt) : null, v.version, sqlTime(v.createdAt),
    sqlTime(v.cancelledAt ?? (v.status === 'COMPLETED' ? v.endsAt : v.checkedInAt ?? v.createdAt)), 0, v.seriesId]));
  await insert('queue_ticket', ['appointment_id', 'doctor_id', 'day', 'number', 'issued_at', 'called_at'], tickets);
  await insert('queue_counter', ['doctor_id', 'day', 'last_number'], [...counters].map(([key, n]) => [Number(key.split('|')[0]), key.split('|')[1], n]));

  // ---- treatments for completed visits (clinical text sealed like the app seals it)
  const treatmentRows: unknown[][] = [];
  const seen = new Set<string>();
  let treatmentId = await nextId('treatment');
  const completed = byStart.filter((v) => v.status === 'COMPLETED');
  for (const v of completed) {
    const c = v.condition;
    const followUp = seen.has(`${v.patientId}|${v.doctor}`);
    seen.add(`${v.patientId}|${v.doctor}`);
    const at = new Date(v.endsAt.getTime() - 60_000);
    const followUpDate = c.followUpDays ? DateTime.fromJSDate(v.startsAt, { zone }).plus({ days: c.followUpDays }).toISODate() : null;
    const visitType = followUp ? 'FOLLOW_UP' : 'CONSULTATION';
    treatmentRows.push([treatmentId, v.id, v.patientId, v.doctor, keyring.encrypt(c.diagnosis), c.icd, keyring.encrypt(c.medicines.map((m) => `${m.name} ${m.dose ?? ''}`.trim()).join('; ')),
      keyring.encrypt(JSON.stringify(c.medicines)), keyring.encryptNullable(c.tests), keyring.encryptNullable(c.precautions), keyring.encrypt(c.notes),
      visitType, followUpDate, 1, sqlTime(at), sqlTime(at), keyring.encrypt(c.patientNotes)]);
    const recorded = ['diagnosis', 'icdCode', 'prescription', 'medicines', ...(c.tests ? ['testsOrdered'] : []), ...(c.precautions ? ['precautions'] : []),
      'notes', 'patientNotes', 'visitType', ...(followUpDate ? ['followUpDate'] : [])];
    addAudit(doctorUser.get(v.doctor)!, 'treatment.record', 'treatment', treatmentId,
      Object.fromEntries(recorded.map((f) => [f, f === 'visitType' ? { before: null, after: visitType } : { before: null, after: '[clinical, not audited]' }])), at);
    addOutbox('TREATMENT_RECORDED', v.doctor, v.id, at, null, treatmentId);
    treatmentId += 1;
  }
  await insert('treatment', ['id', 'appointment_id', 'patient_id', 'doctor_id', 'diagnosis_enc', 'icd_code', 'prescription_enc', 'medicines_enc', 'tests_ordered_enc',
    'precautions_enc', 'notes_enc', 'visit_type', 'follow_up_date', 'version', 'created_at', 'updated_at', 'patient_notes_enc'], treatmentRows);

  // ---- invoices (numbers from the year's counter, in issuing order), lines, payments
  const invoiceRows: unknown[][] = [];
  const lineRows: unknown[][] = [];
  const paymentRows: unknown[][] = [];
  const sequences = new Map<number, number>();
  let invoiceId = await nextId('invoice');
  let paymentId = await nextId('payment');
  const toBill = completed.filter(() => rnd.chance(0.93)).map((v) => ({ v, issuedAt: new Date(v.endsAt.getTime() + rnd.int(3, 40) * 60_000) }))
    .filter((b) => b.issuedAt.getTime() < now.getTime()).sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
  for (const { v, issuedAt } of toBill) {
    const year = DateTime.fromJSDate(issuedAt, { zone }).year;
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const number = formatInvoiceNumber(year, sequence);
    const lines: Array<[string, string, number, number]> = [['CONSULTATION', `Consultation: ${doctorName.get(v.doctor)}`.slice(0, 200), 1, fee.get(v.doctor)!]];
    if (v.condition.tests && rnd.chance(0.5)) lines.push(['LAB_TEST', v.condition.tests.split(',')[0].trim(), 1, (config.currency === 'INR' ? 350 : 25) * 10 ** digits]);
    if (rnd.chance(0.2)) lines.push(['MEDICINE', v.condition.medicines[0].name, rnd.int(1, 3), (config.currency === 'INR' ? 120 : 8) * 10 ** digits]);
    const total = lines.reduce((sum, [, , q, p]) => sum + q * p, 0);
    const ageDays = (now.getTime() - issuedAt.getTime()) / 86_400_000;
    const roll = rnd.next();
    // Older bills are mostly settled; recent ones still open; a few paid in part.
    const kind = roll < (ageDays > 7 ? 0.8 : 0.45) ? 'PAID' : roll < (ageDays > 7 ? 0.9 : 0.6) ? 'PART' : 'OPEN';
    const payments: Array<[number, Date]> = [];
    const paidTime = (ms: number) => new Date(Math.max(issuedAt.getTime() + 60_000 * (payments.length + 1), Math.min(now.getTime() - 30_000, ms)));
    if (kind === 'PAID') {
      if (rnd.chance(0.15) && total > 1) {
        const first = Math.round(total / 2);
        payments.push([first, paidTime(issuedAt.getTime() + 5 * 60_000)]);
        payments.push([total - first, paidTime(issuedAt.getTime() + rnd.int(1, 6) * 86_400_000)]);
      } else payments.push([total, paidTime(issuedAt.getTime() + rnd.int(2, 20) * 60_000)]);
    } else if (kind === 'PART') payments.push([Math.round(total * rnd.pick([0.3, 0.5, 0.6])), paidTime(issuedAt.getTime() + 10 * 60_000)]);
    const paid = payments.reduce((s, [a]) => s + a, 0);
    const paidAt = kind === 'PAID' ? payments[payments.length - 1][1] : null;
    invoiceRows.push([invoiceId, v.id, v.patientId, number, year, sequence, kind === 'PAID' ? 'PAID' : 'ISSUED', config.currency, total, paid,
      sqlTime(issuedAt), paidAt ? sqlTime(paidAt) : null, sqlTime(issuedAt)]);
    for (const [lineKind, description, quantity, unit] of lines) lineRows.push([invoiceId, lineKind, description, quantity, unit]);
    addAudit(adminId, 'invoice.issue', 'invoice', invoiceId, {
      status: { before: null, after: 'ISSUED' }, totalMinor: { before: null, after: fee.get(v.doctor) }, paidMinor: { before: null, after: 0 },
      issuedAt: { before: null, after: iso(issuedAt) }, number: { before: null, after: number }, appointmentId: { before: null, after: v.id },
    }, issuedAt);
    addOutbox('INVOICE_ISSUED', v.doctor, v.id, issuedAt, null, invoiceId);
    let running = 0;
    for (const [amount, at] of payments) {
      const method = rnd.pick(PAYMENT_METHODS);
      const reference = method === 'CARD' ? `POS-${rnd.int(100000, 999999)}` : method === 'ONLINE' ? `UPI-${rnd.int(10000000, 99999999)}` : method === 'INSURANCE' ? `CLAIM-${rnd.int(1000, 9999)}` : null;
      paymentRows.push([paymentId, invoiceId, amount, method, reference, null, adminId, sqlTime(at)]);
      const after = running + amount;
      addAudit(adminId, 'payment.record', 'invoice', invoiceId, {
        paidMinor: { before: running, after },
        ...(after === total ? { status: { before: 'ISSUED', after: 'PAID' }, paidAt: { before: null, after: iso(at) } } : {}),
        payment: { before: null, after: { id: paymentId, amountMinor: amount, method, reference } },
      }, at);
      addOutbox('PAYMENT_RECORDED', v.doctor, v.id, at, null, paymentId);
      running = after;
      paymentId += 1;
    }
    invoiceId += 1;
  }
  await insert('invoice', ['id', 'appointment_id', 'patient_id', 'number', 'year', 'sequence', 'status', 'currency', 'total_minor', 'paid_minor', 'issued_at', 'paid_at', 'created_at'], invoiceRows);
  await insert('invoice_line', ['invoice_id', 'kind', 'description', 'quantity', 'unit_price_minor'], lineRows);
  await insert('payment', ['id', 'invoice_id', 'amount_minor', 'method', 'reference', 'reason', 'recorded_by_id', 'created_at'], paymentRows);
  // The counter is what the next real invoice reads (billing.service nextSequence): it continues the demo's numbers.
  for (const [year, last] of sequences) {
    await db.query('insert into invoice_counter (year, last_sequence) values (?, ?) on duplicate key update last_sequence = greatest(last_sequence, values(last_sequence))', [year, last]);
  }

  // ---- the waitlist: a few patients waiting for a doctor or a whole department in the coming week
  const waitRows: unknown[][] = [];
  let waitId = await nextId('waitlist_entry');
  for (let k = 0; k < 6; k += 1) {
    const byDepartment = k % 3 === 2;
    const doctor = doctorIds[(k * 7) % doctorIds.length];
    const patient = patientIds.slice(5 + k * 23).find((p) => fits(p, doctor))!;
    const periods = ['', 'MORNING', 'AFTERNOON,EVENING', '', 'MORNING,AFTERNOON', 'EVENING'][k];
    const from = today.plus({ days: k % 2 }).toISODate();
    const to = today.plus({ days: Math.min(bookingDays, 5 + k) }).toISODate();
    const createdAt = new Date(now.getTime() - (k + 1) * 5 * 3600_000);
    const createdBy = patientUser.get(patient) ?? adminId;
    waitRows.push([waitId, patient, byDepartment ? null : doctor, byDepartment ? departmentId0 + doctorDept.get(doctor)! : null, from, to, periods, 'WAITING', createdBy, sqlTime(createdAt), null]);
    addAudit(createdBy, 'waitlist.join', 'waitlist_entry', waitId, {
      patientId: { before: null, after: patient }, doctorId: { before: null, after: byDepartment ? null : doctor },
      departmentId: { before: null, after: byDepartment ? departmentId0 + doctorDept.get(doctor)! : null }, from: { before: null, after: from }, to: { before: null, after: to },
      periods: { before: null, after: periods || 'ANY' },
    }, createdAt, patient);
    waitId += 1;
  }
  await insert('waitlist_entry', ['id', 'patient_id', 'doctor_id', 'department_id', 'from_day', 'to_day', 'periods', 'status', 'created_by_id', 'created_at', 'closed_at'], waitRows);

  await insert('notification', ['recipient_id', 'kind', 'message', 'payload', 'read_at', 'created_at', 'published_at'],
    notifications.filter((n) => (n[5] as string) <= sqlTime(now)));
  outbox.sort((a, b) => String(a[4]).localeCompare(String(b[4])));
  await insert('outbox_event', ['kind', 'doctor_id', 'appointment_id', 'previous_starts_at', 'created_at', 'starts_at', 'ends_at', 'status', 'published_at', 'subject_id'], outbox);
  audit.sort((a, b) => String(a[6]).localeCompare(String(b[6])));
  await insert('audit_event', ['actor_id', 'action', 'entity_type', 'entity_id', 'changes', 'request_id', 'created_at', 'subject_patient_id', 'ip'], audit);
  return { admin, adminCreated };
}

/** The lines both entry points print: what happened, how long it took, how to sign in. */
export function describeSeed(result: DemoSeedResult, url: string | null): string[] {
  const c = result.counts;
  const lines = result.status === 'seeded'
    ? [`demo hospital seeded in ${(result.ms / 1000).toFixed(1)} s: ${c.departments} departments, ${c.doctors} doctors, ${c.patients} patients, ` +
      `${c.appointments} appointments, ${c.treatments} treatments, ${c.invoices} invoices, ${c.payments} payments, ${c.series} series, ${c.waitlist} waitlist entries`]
    : ['demo hospital already seeded in this database: nothing changed'];
  lines.push(url ? `sign in at ${url}:` : 'sign in with:');
  lines.push(`  admin    ${result.signIns.admin ?? '(none: set HMS_ADMIN_EMAIL and HMS_ADMIN_PASSWORD)'}  ${result.signIns.adminPassword ?? '(password: HMS_ADMIN_PASSWORD)'}`);
  lines.push(`  doctor   ${result.signIns.doctor}  ${result.signIns.password}`);
  lines.push(`  patient  ${result.signIns.patient}  ${result.signIns.password}`);
  lines.push(`  (every demo doctor and patient has the password ${result.signIns.password})`);
  return lines;
}
