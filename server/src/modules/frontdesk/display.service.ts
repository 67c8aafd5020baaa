import { Repeater } from '@graphql-yoga/subscription';
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql';
import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { requireViewer } from '../../auth';
import { clock } from '../../clock';
import type { AppDeps, Context } from '../../context';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors';
import { leanQuery } from '../../db/lean';
import { parseId, requiredText, validate } from '../../shared/validation';
import { signalLiveReady } from '../../test-hooks';
import { recordAudit } from '../audit/audit.service';
import { Department } from '../directory/department.entity';
import { Role } from '../identity/user.entity';
import { sqlTime } from '../scheduling/scheduling.db';
import { dayBounds } from '../scheduling/slots';
import type { CreateDisplayTokenInput, CreatedDisplayToken, DisplayTokenView, LobbyDoctor, LobbyQueue } from './frontdesk.types';
import { DisplayToken } from './queue.entity';

const SECRET_PREFIX = 'hmsd_';
const hash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');
const newSecret = () => `${SECRET_PREFIX}${randomBytes(24).toString('base64url')}`;

interface ResolvedDisplay {
  id: number;
  departmentId: number | null;
  departmentName: string | null;
}

/**
 * Lobby screens. A display token is not a sign-in: it is accepted only as the argument of
 * `lobbyQueue` / `lobbyQueueChanged`, which show doctors' names and queue numbers — nothing
 * about any patient. Admins create, rotate and revoke them; only the SHA-256 is stored.
 */
export class DisplayService {
  constructor(private readonly ctx: Context) {}

  private requireAdmin(): void {
    const viewer = requireViewer(this.ctx);
    if (viewer.role !== Role.ADMIN) throw new ForbiddenError('Only admins manage lobby screens');
  }

  async list(): Promise<DisplayTokenView[]> {
    this.requireAdmin();
    const tokens = await this.ctx.em.find(DisplayToken, {}, { orderBy: { id: 'asc' }, populate: ['department'] });
    return tokens.map(view);
  }

  async create(input: CreateDisplayTokenInput): Promise<CreatedDisplayToken> {
    this.requireAdmin();
    const data = validate(z.object({ name: requiredText(100, 'Name') }), { name: input.name });
    const departmentId = input.departmentId ? parseId(input.departmentId, 'departmentId') : null;
    const secret = newSecret();
    const token = await this.ctx.em.transactional(async (em) => {
      const department = departmentId ? await em.findOne(Department, departmentId) : null;
      if (departmentId && !department) throw new NotFoundError('Department');
      const token = em.create(DisplayToken, { name: data.name, tokenHash: hash(secret), department, createdAt: clock.now() });
      await em.persist(token).flush();
      recordAudit(em, this.ctx, { action: 'display_token.create', entityType: 'display_token', entityId: token.id, changes: { name: { before: null, after: data.name } } });
      return token;
    });
    return { displayToken: view(token), secret };
  }

  /** A new secret; the old one stops at once and screens using it are closed. */
  async rotate(idArg: string): Promise<CreatedDisplayToken> {
    this.requireAdmin();
    const id = parseId(idArg);
    const secret = newSecret();
    const token = await this.ctx.em.transactional(async (em) => {
      const token = await em.findOne(DisplayToken, { id, revokedAt: null }, { populate: ['department'] });
      if (!token) throw new NotFoundError('Display token');
      token.tokenHash = hash(secret);
      token.rotatedAt = clock.now();
      token.version += 1;
      recordAudit(em, this.ctx, { action: 'display_token.rotate', entityType: 'display_token', entityId: token.id, changes: {} });
      return token;
    });
    this.ctx.deps.pubsub.publish('DISPLAY_TOKEN_REVOKED', { displayTokenId: token.id });
    return { displayToken: view(token), secret };
  }

  async revoke(idArg: string): Promise<boolean> {
    this.requireAdmin();
    const id = parseId(idArg);
    await this.ctx.em.transactional(async (em) => {
      const token = await em.findOne(DisplayToken, id);
      if (!token) throw new NotFoundError('Display token');
      if (token.revokedAt) return;
      token.revokedAt = clock.now();
      recordAudit(em, this.ctx, { action: 'display_token.revoke', entityType: 'display_token', entityId: token.id, changes: {} });
    });
    this.ctx.deps.pubsub.publish('DISPLAY_TOKEN_REVOKED', { displayTokenId: id });
    return true;
  }

  async lobby(secret: string): Promise<LobbyQueue> {
    return lobbyState(this.ctx.deps, await resolveDisplay(this.ctx.deps, secret));
  }

  /** The screen's state now, then again whenever it changes; ends when the token is rotated or revoked. */
  async lobbyStream(secret: string): Promise<AsyncIterable<LobbyQueue>> {
    const deps = this.ctx.deps;
    const display = await resolveDisplay(deps, secret);
    return new Repeater<LobbyQueue>(async (push, stop) => {
      let last = '';
      let timer: NodeJS.Timeout | null = null;
      let running = Promise.resolve();
      const refresh = () => {
        running = running.then(async () => {
          // The token may have gone since (another process rotated it and the event was missed).
          const state = await lobbyState(deps, await resolveDisplay(deps, secret));
          const json = JSON.stringify(state);
          if (json === last) return;
          last = json;
          await push(state);
        }).catch((error: Error) => stop(error instanceof UnauthenticatedError ? error : new UnauthenticatedError('This display token no longer works')));
      };
      // Many changes at once (a morning's check-ins) cost one read.
      const soon = () => { if (!timer) timer = setTimeout(() => { timer = null; refresh(); }, 50); };
      const schedule = deps.pubsub.subscribe('SCHEDULE_CHANGED');
      const revoked = deps.pubsub.subscribe('DISPLAY_TOKEN_REVOKED');
      void (async () => { for await (const _ of schedule) soon(); })().catch(() => {});
      void (async () => {
        for await (const event of revoked) {
          if (event.displayTokenId === display.id) stop(new UnauthenticatedError('This display token was rotated or revoked'));
        }
      })().catch(() => {});
      // Also once a minute: the day turns over at midnight with no event, and a missed event heals.
      const minutely = setInterval(soon, 60_000);
      minutely.unref();
      refresh();
      await running;
      signalLiveReady('lobbyQueueChanged', display.id);
      await stop;
      clearInterval(minutely);
      if (timer) clearTimeout(timer);
      await Promise.all([schedule.return?.(), revoked.return?.()]);
    });
  }
}

/** For the WebSocket's connection_init: the display token's id, or null when it does not work. */
export async function displayTokenId(deps: AppDeps, secret: string): Promise<number | null> {
  try {
    return (await resolveDisplay(deps, secret)).id;
  } catch (error) {
    // A database outage is not a bad token: the caller answers it as such.
    if (error instanceof UnauthenticatedError) return null;
    throw error;
  }
}

/** Whether the operation reads only the lobby fields (what a display socket may run). */
export function onlyLobbyFields(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation || operation.operation !== 'subscription') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === 'lobbyQueueChanged' || s.name.value === '__typename'));
}

function view(token: DisplayToken): DisplayTokenView {
  return {
    id: String(token.id),
    name: token.name,
    department: token.department ?? null,
    active: !token.revokedAt,
    createdAt: token.createdAt,
    rotatedAt: token.rotatedAt ?? null,
  };
}

async function resolveDisplay(deps: AppDeps, secret: string): Promise<ResolvedDisplay> {
  if (typeof secret !== 'string' || !secret.startsWith(SECRET_PREFIX) || secret.length > 200) {
    throw new UnauthenticatedError('This display token is not valid');
  }
  const rows = await leanQuery<{ id: number; department_id: number | null; department_name: string | null }>(deps.orm.em.fork(),
    'select t.id, t.department_id, d.name as department_name from display_token t left join department d on d.id = t.department_id ' +
      'where t.token_hash = ? and t.revoked_at is null',
    [hash(secret)]);
  const row = rows[0];
  if (!row) throw new UnauthenticatedError('This display token is not valid');
  return { id: Number(row.id), departmentId: row.department_id == null ? null : Number(row.department_id), departmentName: row.department_name };
}

/** One statement: per doctor with visits today, the latest number called in and how many wait. */
async function lobbyState(deps: AppDeps, display: ResolvedDisplay): Promise<LobbyQueue> {
  const zone = deps.config.timezone;
  const day = DateTime.fromJSDate(clock.now(), { zone }).startOf('day');
  const bounds = dayBounds(day);
  const date = day.toISODate()!;
  const rows = await leanQuery<{ id: number; full_name: string; department_name: string; now_calling: number | null; waiting: number }>(deps.orm.em.fork(),
    'select d.id, d.full_name, dep.name as department_name, ' +
      '(select q.number from queue_ticket q where q.doctor_id = d.id and q.day = ? and q.called_at is not null order by q.called_at desc, q.number desc limit 1) as now_calling, ' +
      "(select count(*) from queue_ticket q join appointment a on a.id = q.appointment_id where q.doctor_id = d.id and q.day = ? and a.status = 'CHECKED_IN') as waiting " +
      'from doctor d join department dep on dep.id = d.department_id ' +
      "where d.active = 1 and exists (select 1 from appointment a where a.doctor_id = d.id and a.starts_at >= ? and a.starts_at < ? and a.status not in ('CANCELLED','HELD','RELEASED'))" +
      (display.departmentId ? ' and d.department_id = ?' : '') +
      ' order by d.full_name, d.id',
    [date, date, sqlTime(bounds.startsAt), sqlTime(bounds.endsAt), ...(display.departmentId ? [display.departmentId] : [])]);
  const doctors: LobbyDoctor[] = rows.map((r) => ({
    doctorId: String(r.id),
    doctorName: r.full_name,
    departmentName: r.department_name,
    nowCalling: r.now_calling == null ? null : Number(r.now_calling),
    waiting: Number(r.waiting),
  }));
  return { date, title: display.departmentName ?? 'All departments', doctors };
}
