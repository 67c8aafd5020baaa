import type {
  Appointment as FhirAppointment, Bundle, CapabilityStatement, OperationOutcome, Patient as FhirPatient, Practitioner,
  PractitionerRole, Resource, Schedule, Slot as FhirSlot,
} from '@medplum/fhirtypes';
import express, { type Express, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { requireViewer } from '../../auth';
import { clientIpOf } from '../../client-ip';
import { buildContext, type AppDeps, type Context } from '../../context';
import { BadInputError, HmsError, NotFoundError } from '../../errors';
import { logger } from '../../logger';
import { requestIdOf } from '../../request-id';
import { clock } from '../../clock';
import type { Doctor } from '../directory/doctor.entity';
import { DirectoryService } from '../directory/directory.service';
import type { Patient } from '../directory/patient.entity';
import { PatientService } from '../directory/patient.service';
import { Role } from '../identity/user.entity';
import { requireScope } from '../integrations/scopes';
import { type Appointment, AppointmentStatus } from '../scheduling/appointment.entity';
import { AppointmentService } from '../scheduling/appointment.service';
import { AvailabilityService } from '../scheduling/availability.service';
import { localDateOf } from '../scheduling/slots';

/**
 * FHIR R4 (JSON) at /fhir/R4: a thin mapping over the services the GraphQL resolvers call, so
 * booking here has exactly bookAppointment's rules and guarantees. Same Bearer tokens and API keys.
 */
const FHIR_JSON = 'application/fhir+json';
const MAX_SLOT_DAYS = 31;

const STATUS_TO_FHIR: Record<AppointmentStatus, FhirAppointment['status']> = {
  [AppointmentStatus.SCHEDULED]: 'booked',
  [AppointmentStatus.CHECKED_IN]: 'checked-in',
  // With the doctor: FHIR has no closer status than "arrived" (the patient is on site).
  [AppointmentStatus.IN_CONSULTATION]: 'arrived',
  [AppointmentStatus.COMPLETED]: 'fulfilled',
  [AppointmentStatus.CANCELLED]: 'cancelled',
  [AppointmentStatus.NO_SHOW]: 'noshow',
  // Waitlist holds are machinery, not visits; searches leave them out, these only keep the map total.
  [AppointmentStatus.HELD]: 'pending',
  [AppointmentStatus.RELEASED]: 'cancelled',
};
const FHIR_TO_STATUS: Record<string, AppointmentStatus> = {
  booked: AppointmentStatus.SCHEDULED, arrived: AppointmentStatus.CHECKED_IN, 'checked-in': AppointmentStatus.CHECKED_IN,
  fulfilled: AppointmentStatus.COMPLETED, cancelled: AppointmentStatus.CANCELLED, noshow: AppointmentStatus.NO_SHOW,
};
const HTTP_OF: Record<string, number> = {
  UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, SLOT_UNAVAILABLE: 409, CONFLICT: 409,
  INVALID_TRANSITION: 409, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503, ACCOUNT_LOCKED: 403,
};
const ISSUE_OF: Record<string, NonNullable<OperationOutcome['issue']>[number]['code']> = {
  UNAUTHENTICATED: 'login', FORBIDDEN: 'forbidden', NOT_FOUND: 'not-found', BAD_USER_INPUT: 'invalid', SLOT_UNAVAILABLE: 'conflict',
  CONFLICT: 'conflict', INVALID_TRANSITION: 'business-rule', RATE_LIMITED: 'throttled', SERVICE_UNAVAILABLE: 'transient', ACCOUNT_LOCKED: 'security',
};

export function operationOutcome(code: string, message: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: ISSUE_OF[code] ?? 'exception', diagnostics: message, details: { coding: [{ system: 'https://hms.example/error-code', code }], text: message } }],
  };
}

const iso = (d: Date) => d.toISOString();

function practitioner(d: Doctor): Practitioner {
  return { resourceType: 'Practitioner', id: String(d.id), active: d.active, name: [{ text: d.fullName }], ...(d.phone ? { telecom: [{ system: 'phone', value: d.phone, use: 'work' }] } : {}) };
}

function practitionerRole(d: Doctor): PractitionerRole {
  return {
    resourceType: 'PractitionerRole', id: String(d.id), active: d.active,
    practitioner: { reference: `Practitioner/${d.id}`, display: d.fullName },
    specialty: [{ text: d.specialization }],
    ...(d.department ? { organization: { display: d.department.name } } : {}),
  };
}

function schedule(d: Doctor): Schedule {
  return { resourceType: 'Schedule', id: String(d.id), active: d.active, actor: [{ reference: `Practitioner/${d.id}`, display: d.fullName }] };
}

function patientResource(p: Patient): FhirPatient {
  const gender = p.gender?.toLowerCase();
  return {
    resourceType: 'Patient', id: String(p.id), name: [{ text: p.fullName }],
    identifier: [{ system: 'https://hms.example/mrn', value: p.medicalRecordNumber }],
    ...(gender && ['male', 'female', 'other', 'unknown'].includes(gender) ? { gender: gender as FhirPatient['gender'] } : {}),
    ...(p.dateOfBirth ? { birthDate: p.dateOfBirth } : {}),
    ...(p.phone ? { telecom: [{ system: 'phone', value: p.phone }] } : {}),
  };
}

function appointmentResource(a: Appointment, showPatientName: boolean): FhirAppointment {
  return {
    resourceType: 'Appointment', id: String(a.id), status: STATUS_TO_FHIR[a.status as AppointmentStatus], meta: { versionId: String(a.version), lastUpdated: iso(a.updatedAt) },
    start: iso(a.startsAt), end: iso(a.endsAt), created: iso(a.createdAt),
    ...(a.reason ? { description: a.reason } : {}),
    ...(a.cancelReason ? { cancelationReason: { text: a.cancelReason } } : {}),
    participant: [
      { actor: { reference: `Practitioner/${a.doctor.id}`, display: a.doctor.fullName }, status: 'accepted' },
      { actor: { reference: `Patient/${a.patient.id}`, ...(showPatientName ? { display: a.patient.fullName } : {}) }, status: 'accepted' },
    ],
  };
}

function slotId(doctorId: number, start: Date): string {
  return `${doctorId}-${start.getTime()}`;
}

/** The base URL links in bundles point at. */
function base(deps: AppDeps): string {
  return `${deps.config.publicUrl}/fhir/R4`;
}

function searchset(deps: AppDeps, req: Request, resources: Resource[], nextCursor?: string | null): Bundle {
  const self = new URL(`${base(deps)}${req.path}`);
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') self.searchParams.set(k, v);
  const link: NonNullable<Bundle['link']> = [{ relation: 'self', url: self.toString() }];
  if (nextCursor) {
    const next = new URL(self);
    next.searchParams.set('_cursor', nextCursor);
    link.push({ relation: 'next', url: next.toString() });
  }
  return {
    resourceType: 'Bundle', type: 'searchset', link,
    ...(nextCursor ? {} : { total: resources.length }),
    entry: resources.map((resource) => ({ fullUrl: `${base(deps)}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
  };
}

function stringParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (Array.isArray(value)) return value.map(String)[0];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function listParam(req: Request, name: string): string[] {
  const value = req.query[name];
  return (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []).filter(Boolean);
}

/** `date=ge2026-12-01&date=lt2026-12-02` (prefixes ge, gt, le, lt, eq; a bare date is that day). */
function dateRange(req: Request, name: string, zone: string): { from: Date | null; to: Date | null } {
  let from: Date | null = null;
  let to: Date | null = null;
  for (const raw of listParam(req, name)) {
    const match = /^(eq|ge|gt|le|lt)?(.+)$/.exec(raw)!;
    const prefix = match[1] ?? 'eq';
    const value = match[2];
    const isDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const instant = isDay ? DateTime.fromISO(value, { zone }) : DateTime.fromISO(value, { setZone: true });
    if (!instant.isValid) throw new BadInputError(`${name} must be a FHIR date or dateTime, got "${raw}"`, { [name]: 'Invalid date' });
    const start = instant.toJSDate();
    const end = isDay ? instant.plus({ days: 1 }).toJSDate() : new Date(start.getTime() + 1);
    if (prefix === 'ge' || prefix === 'eq') from = start;
    if (prefix === 'gt') from = end;
    if (prefix === 'lt') to = start;
    if (prefix === 'le' || prefix === 'eq') to = end;
  }
  return { from, to };
}

function idOfReference(value: string | undefined, type: string): string | undefined {
  if (!value) return undefined;
  const id = value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
  if (!/^\d{1,10}$/.test(id)) throw new BadInputError(`${type} reference must be ${type}/<id>`, { [type.toLowerCase()]: 'Invalid reference' });
  return id;
}

function pageCount(req: Request): number {
  const raw = stringParam(req, '_count');
  if (raw === undefined) return 20;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100) throw new BadInputError('_count must be from 1 to 100', { _count: 'From 1 to 100' });
  return value;
}

type Handler = (ctx: Context, req: Request, res: Response) => Promise<{ status?: number; body: Resource; location?: string }>;

export function registerFhir(app: Express, deps: AppDeps, _schema: GraphQLSchema): void {
  const router = express.Router();
  router.use(express.json({ type: ['application/fhir+json', 'application/json', 'application/json-patch+json'], limit: '1mb' }));

  const send = (res: Response, status: number, body: Resource) => res.status(status).type(FHIR_JSON).send(JSON.stringify(body));

  /** Builds the context from the Bearer token (or API key) and answers errors as OperationOutcome. */
  const handle = (handler: Handler, anonymous = false) => async (req: Request, res: Response) => {
    let ctx: Context | null = null;
    try {
      ctx = await buildContext(deps, req.headers.authorization, requestIdOf(req), clientIpOf(req, deps.config.trustProxy));
      if (!anonymous) requireViewer(ctx);
      if (ctx.viewer?.mustChangePassword) throw new HmsError('FORBIDDEN', 'Change your password first');
      const result = await handler(ctx, req, res);
      if (result.location) res.setHeader('Location', result.location);
      send(res, result.status ?? 200, result.body);
    } catch (error) {
      if (error instanceof HmsError) {
        const code = String(error.extensions.code);
        const retry = error.extensions.retryAfterSeconds;
        if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
        send(res, HTTP_OF[code] ?? 400, operationOutcome(code, error.message));
        return;
      }
      const errorId = randomUUID();
      logger.error(`FHIR request failed ${errorId}`, error);
      send(res, 500, operationOutcome('INTERNAL_SERVER_ERROR', `Internal error (id ${errorId})`));
    }
  };

  router.get('/metadata', handle(async () => {
    const searchParams = (names: string[]) => names.map((name) => ({ name, type: name === 'date' || name === 'start' ? 'date' as const : name === 'status' ? 'token' as const : 'reference' as const }));
    const statement: CapabilityStatement = {
      resourceType: 'CapabilityStatement', status: 'active', date: iso(clock.now()), kind: 'instance', fhirVersion: '4.0.1', format: ['json'],
      software: { name: 'HMS' }, implementation: { description: deps.config.hospitalName, url: base(deps) },
      rest: [{
        mode: 'server',
        security: { description: 'Authorization: Bearer <token or API key (hms_…)>. Scopes: schedule:read (Practitioner, PractitionerRole, Schedule, Slot), appointments:read / appointments:write (Appointment), patients:read (Patient).' },
        resource: [
          { type: 'Practitioner', interaction: [{ code: 'read' }, { code: 'search-type' }] },
          { type: 'PractitionerRole', interaction: [{ code: 'read' }, { code: 'search-type' }] },
          { type: 'Schedule', interaction: [{ code: 'read' }, { code: 'search-type' }], searchParam: searchParams(['actor']) },
          { type: 'Slot', interaction: [{ code: 'search-type' }], searchParam: searchParams(['schedule', 'start', 'status']) },
          { type: 'Appointment', interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }, { code: 'update' }, { code: 'patch' }], searchParam: searchParams(['practitioner', 'patient', 'date', 'status']) },
          { type: 'Patient', interaction: [{ code: 'read' }, { code: 'search-type' }], searchParam: [{ name: 'name', type: 'string' }] },
        ],
      }],
    };
    return { body: statement };
  }, true));

  const doctors = async (ctx: Context) => {
    requireScope(ctx.viewer!, 'schedule:read', 'reading practitioners');
    return new DirectoryService(ctx).listDoctors(null, null, false);
  };
  const doctor = async (ctx: Context, id: string) => {
    requireScope(ctx.viewer!, 'schedule:read', 'reading practitioners');
    const found = await new DirectoryService(ctx).getDoctor(id);
    await ctx.em.populate(found, ['department']);
    return found;
  };

  router.get('/Practitioner', handle(async (ctx, req) => ({ body: searchset(deps, req, (await doctors(ctx)).map(practitioner)) })));
  router.get('/Practitioner/:id', handle(async (ctx, req) => ({ body: practitioner(await doctor(ctx, String(req.params.id))) })));
  router.get('/PractitionerRole', handle(async (ctx, req) => {
    const list = await doctors(ctx);
    await ctx.em.populate(list, ['department']);
    return { body: searchset(deps, req, list.map(practitionerRole)) };
  }));
  router.get('/PractitionerRole/:id', handle(async (ctx, req) => ({ body: practitionerRole(await doctor(ctx, String(req.params.id))) })));
  router.get('/Schedule', handle(async (ctx, req) => {
    const actor = idOfReference(stringParam(req, 'actor'), 'Practitioner');
    const list = actor ? [await doctor(ctx, actor)] : await doctors(ctx);
    return { body: searchset(deps, req, list.map(schedule)) };
  }));
  router.get('/Schedule/:id', handle(async (ctx, req) => ({ body: schedule(await doctor(ctx, String(req.params.id))) })));

  // Free slots come from availableSlots (hours, blocks, bookings, window); busy ones are the booked visits.
  router.get('/Slot', handle(async (ctx, req) => {
    requireScope(ctx.viewer!, 'schedule:read', 'reading slots');
    const scheduleId = idOfReference(stringParam(req, 'schedule'), 'Schedule');
    if (!scheduleId) throw new BadInputError('Slot search needs schedule=Schedule/<id>', { schedule: 'Required' });
    const zone = deps.config.timezone;
    const range = dateRange(req, 'start', zone);
    const from = range.from ?? clock.now();
    const to = range.to ?? new Date(from.getTime() + 7 * 86_400_000);
    if (to.getTime() - from.getTime() > MAX_SLOT_DAYS * 86_400_000) throw new BadInputError(`A slot search spans at most ${MAX_SLOT_DAYS} days`, { start: 'Range too long' });
    const status = stringParam(req, 'status');
    if (status && !['free', 'busy'].includes(status)) throw new BadInputError('status must be free or busy', { status: 'free or busy' });
    const doctorId = Number(scheduleId);
    const slots: FhirSlot[] = [];
    if (status !== 'busy') {
      const availability = new AvailabilityService(ctx);
      for (let day = DateTime.fromJSDate(from).setZone(zone).startOf('day'); day.toJSDate() < to; day = day.plus({ days: 1 })) {
        for (const slot of await availability.availableSlots(scheduleId, localDateOf(day.toJSDate(), zone))) {
          if (slot.startsAt < from || slot.startsAt >= to) continue;
          slots.push({ resourceType: 'Slot', id: slotId(doctorId, slot.startsAt), schedule: { reference: `Schedule/${scheduleId}` }, status: 'free', start: iso(slot.startsAt), end: iso(slot.endsAt) });
        }
      }
    }
    const viewer = ctx.viewer!;
    if (status !== 'free' && (viewer.role === Role.ADMIN || viewer.doctorId === doctorId)) {
      const page = await new AppointmentService(ctx).list({ doctorId: scheduleId, from, to, status: AppointmentStatus.SCHEDULED }, 100, null);
      for (const a of page.items) slots.push({ resourceType: 'Slot', id: slotId(doctorId, a.startsAt), schedule: { reference: `Schedule/${scheduleId}` }, status: 'busy', start: iso(a.startsAt), end: iso(a.endsAt) });
    }
    slots.sort((x, y) => x.start.localeCompare(y.start));
    return { body: searchset(deps, req, slots) };
  }));

  const showNames = (ctx: Context) => !ctx.viewer!.apiKey || ctx.viewer!.apiKey.scopes.includes('patients:read') || ctx.viewer!.apiKey.scopes.includes('appointments:read');

  router.get('/Appointment', handle(async (ctx, req) => {
    requireScope(ctx.viewer!, 'appointments:read', 'reading appointments');
    const zone = deps.config.timezone;
    const { from, to } = dateRange(req, 'date', zone);
    const statusParam = stringParam(req, 'status');
    const status = statusParam ? FHIR_TO_STATUS[statusParam] : undefined;
    if (statusParam && !status) throw new BadInputError(`Unknown status "${statusParam}"`, { status: 'booked, arrived, checked-in, fulfilled, cancelled or noshow' });
    const filter = {
      doctorId: idOfReference(stringParam(req, 'practitioner'), 'Practitioner') ?? null,
      patientId: idOfReference(stringParam(req, 'patient'), 'Patient') ?? null,
      from, to, status: status ?? null,
    };
    const service = new AppointmentService(ctx);
    const viewer = ctx.viewer!;
    const page = viewer.role === Role.PATIENT
      ? await service.mine(null, filter.status, pageCount(req), stringParam(req, '_cursor'))
      : await service.list(filter, pageCount(req), stringParam(req, '_cursor'));
    await ctx.em.populate(page.items, ['doctor', 'patient']);
    return { body: searchset(deps, req, page.items.map((a) => appointmentResource(a, showNames(ctx))), page.nextCursor) };
  }));

  router.get('/Appointment/:id', handle(async (ctx, req) => {
    requireScope(ctx.viewer!, 'appointments:read', 'reading appointments');
    const a = await new AppointmentService(ctx).get(String(req.params.id));
    await ctx.em.populate(a, ['doctor', 'patient']);
    return { body: appointmentResource(a, showNames(ctx)) };
  }));

  // Booking: bookAppointment's own rules (one winner per slot, window, hours, overlap); taken = 409.
  router.post('/Appointment', handle(async (ctx, req) => {
    requireScope(ctx.viewer!, 'appointments:write', 'booking appointments');
    const body = req.body as Partial<FhirAppointment> | undefined;
    if (!body || body.resourceType !== 'Appointment') throw new BadInputError('The body must be an Appointment resource', { resourceType: 'Must be Appointment' });
    const refs = (body.participant ?? []).map((p) => p.actor?.reference ?? '');
    const practitionerRef = refs.find((r) => r.startsWith('Practitioner/'));
    const patientRef = refs.find((r) => r.startsWith('Patient/'));
    if (!practitionerRef) throw new BadInputError('A participant must be Practitioner/<id>', { participant: 'Practitioner required' });
    if (!body.start || Number.isNaN(Date.parse(body.start))) throw new BadInputError('start must be a dateTime', { start: 'Required' });
    const service = new AppointmentService(ctx);
    const booked = await service.book({
      doctorId: idOfReference(practitionerRef, 'Practitioner')!,
      patientId: idOfReference(patientRef, 'Patient') ?? null,
      startsAt: new Date(body.start),
      reason: body.description ?? null,
      idempotencyKey: typeof req.headers['if-none-exist'] === 'string' ? req.headers['if-none-exist'].slice(0, 100) : null,
    });
    ctx.em.clear();
    const a = await service.get(String(booked.id));
    await ctx.em.populate(a, ['doctor', 'patient']);
    return { status: 201, body: appointmentResource(a, showNames(ctx)), location: `${base(deps)}/Appointment/${a.id}/_history/${a.version}` };
  }));

  /** PUT (whole resource) or PATCH (JSON Patch on /status): only cancelling is supported. */
  const changeStatus = (read: (req: Request) => { status?: string; reason?: string }) => handle(async (ctx, req) => {
    requireScope(ctx.viewer!, 'appointments:write', 'changing appointments');
    const { status, reason } = read(req);
    if (status !== 'cancelled') throw new BadInputError('Only status "cancelled" can be set here', { status: 'Only cancelled' });
    const service = new AppointmentService(ctx);
    const cancelled = await service.cancel(String(req.params.id), reason ?? null);
    // A fresh read: the cancel ran in a transaction of its own.
    ctx.em.clear();
    const a = await new AppointmentService(ctx).get(String(cancelled.id));
    await ctx.em.populate(a, ['doctor', 'patient']);
    return { body: appointmentResource(a, showNames(ctx)) };
  });
  router.put('/Appointment/:id', changeStatus((req) => {
    const body = req.body as Partial<FhirAppointment> | undefined;
    if (body?.resourceType !== 'Appointment' || (body.id && body.id !== String(req.params.id))) throw new BadInputError('The body must be this Appointment', { id: 'Must match the URL' });
    return { status: body.status, reason: body.cancelationReason?.text };
  }));
  router.patch('/Appointment/:id', changeStatus((req) => {
    const ops = Array.isArray(req.body) ? (req.body as Array<{ op?: string; path?: string; value?: unknown }>) : [];
    const op = ops.find((o) => o.op === 'replace' && o.path === '/status');
    if (!op) throw new BadInputError('Send a JSON Patch: [{"op":"replace","path":"/status","value":"cancelled"}]', { patch: 'Invalid' });
    const reason = ops.find((o) => (o.op === 'add' || o.op === 'replace') && o.path === '/cancelationReason');
    return { status: String(op.value), reason: (reason?.value as { text?: string } | undefined)?.text };
  }));

  router.get('/Patient', handle(async (ctx, req) => {
    requireScope(ctx.viewer!, 'patients:read', 'reading patients');
    const page = await new PatientService(ctx).search(stringParam(req, 'name') ?? null, pageCount(req), stringParam(req, '_cursor') ?? null);
    return { body: searchset(deps, req, page.items.map(patientResource), page.nextCursor) };
  }));
  router.get('/Patient/:id', handle(async (ctx, req) => {
    requireScope(ctx.viewer!, 'patients:read', 'reading patients');
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError('Patient');
    return { body: patientResource(await new PatientService(ctx).get(id)) };
  }));

  router.use((req, res) => send(res, 404, operationOutcome('NOT_FOUND', `No FHIR interaction ${req.method} ${req.path}`)));
  // A body that is not JSON: an OperationOutcome, not Express's HTML page.
  router.use(((error, _req, res, next) => {
    if (res.headersSent || !error?.status || error.status >= 500) return next(error);
    send(res, error.status, operationOutcome('BAD_USER_INPUT', 'The request body is not valid JSON'));
  }) as express.ErrorRequestHandler);
  app.use('/fhir/R4', router);
}
