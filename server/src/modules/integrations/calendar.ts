import type { Express } from 'express';
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { clientIpOf } from '../../client-ip';
import type { AppDeps, Context } from '../../context';
import { ForbiddenError, RateLimitedError } from '../../errors';
import { requireViewer } from '../../auth';
import { logger } from '../../logger';
import { withViewer } from '../billing/exports';
import { Role } from '../identity/user.entity';
import { AppointmentService } from '../scheduling/appointment.service';
import { clock } from '../../clock';

/** A feed covers this much of the past and the future. */
const PAST_DAYS = 90;
const FUTURE_DAYS = 400;

function feedToken(deps: Pick<AppDeps, 'secrets'>, userId: number, nonce: string): string {
  return createHmac('sha256', deps.secrets.jwtSecret).update(`calendar-feed:${userId}:${nonce}`).digest('base64url');
}

function feedUrl(deps: Pick<AppDeps, 'secrets' | 'config'>, userId: number, nonce: string): string {
  return `${deps.config.publicUrl}/calendar/${userId}/${feedToken(deps, userId, nonce)}.ics`;
}

function mayHaveFeed(ctx: Context): number {
  const viewer = requireViewer(ctx);
  if (viewer.apiKey || !(viewer.role === Role.DOCTOR || viewer.role === Role.PATIENT)) {
    throw new ForbiddenError('Calendar feeds are for doctors and patients');
  }
  return viewer.userId;
}

/** The viewer's feed URL, creating the feed on first ask (two first asks at once make one). */
export async function myCalendarFeed(ctx: Context): Promise<string> {
  const userId = mayHaveFeed(ctx);
  const connection = ctx.em.getConnection();
  await connection.execute('insert ignore into calendar_feed (user_id, nonce, created_at) values (?, ?, ?)', [userId, randomBytes(16).toString('hex'), clock.now()]);
  const rows = (await connection.execute('select nonce from calendar_feed where user_id = ?', [userId])) as Array<{ nonce: string }>;
  return feedUrl(ctx.deps, userId, rows[0].nonce);
}

/** A new secret URL: the old one stops at once. */
export async function rotateCalendarFeed(ctx: Context): Promise<string> {
  const userId = mayHaveFeed(ctx);
  const nonce = randomBytes(16).toString('hex');
  await ctx.em.getConnection().execute(
    'insert into calendar_feed (user_id, nonce, created_at) values (?, ?, ?) on duplicate key update nonce = values(nonce)', [userId, nonce, clock.now()]);
  return feedUrl(ctx.deps, userId, nonce);
}

interface FeedRow {
  id: number;
  starts_at: Date;
  ends_at: Date;
  status: string;
  version: number;
  updated_at: Date;
  doctor_name: string;
  department_name: string;
}

function calendar(deps: AppDeps, name: string): ICalCalendar {
  return ical({ name, prodId: { company: 'HMS', product: deps.config.hospitalName }, ttl: 15 * 60 });
}

/** Stable across moves and status changes: the appointment's id; SEQUENCE follows its version. */
function addVisit(deps: AppDeps, cal: ICalCalendar, row: FeedRow, forDoctor: boolean): void {
  const host = new URL(deps.config.publicUrl).hostname;
  cal.createEvent({
    id: `appointment-${row.id}@${host}`,
    start: new Date(row.starts_at),
    end: new Date(row.ends_at),
    stamp: new Date(row.updated_at),
    sequence: Number(row.version),
    // No patient names leave the hospital in a feed: doctors' calendars often live with a third party.
    summary: forDoctor ? 'Patient visit' : `Visit with ${row.doctor_name}`,
    location: `${deps.config.hospitalName}, ${row.department_name}`,
    status: row.status === 'CANCELLED' || row.status === 'NO_SHOW' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

const FEED_SQL =
  'select a.id, a.starts_at, a.ends_at, a.status, a.version, a.updated_at, d.full_name as doctor_name, dep.name as department_name ' +
  'from appointment a join doctor d on d.id = a.doctor_id join department dep on dep.id = d.department_id ';

export function registerCalendarFeeds(app: Express, deps: AppDeps): void {
  // "Add to calendar" for one appointment: whoever may read it (Bearer token, like the downloads).
  app.get('/calendar/appointments/:id.ics', (req, res) => withViewer(deps, req, res, async (ctx) => {
    const appointment = await new AppointmentService(ctx).get(String(req.params.id));
    const rows = (await ctx.em.getConnection().execute(`${FEED_SQL} where a.id = ?`, [appointment.id])) as FeedRow[];
    const cal = calendar(deps, 'HMS appointment');
    addVisit(deps, cal, rows[0], ctx.viewer!.role === Role.DOCTOR);
    return () => {
      res.type('text/calendar; charset=utf-8').set('Content-Disposition', `attachment; filename="appointment-${appointment.id}.ics"`).send(cal.toString());
    };
  }));
  // The secret URL: no header (calendar apps cannot send one), so the per-address 'tokenFree' budget applies.
  app.get('/calendar/:userId/:token.ics', async (req, res) => {
    try {
      await deps.rateLimits.consume('tokenFree', clientIpOf(req, deps.config.trustProxy));
    } catch (error) {
      if (error instanceof RateLimitedError) {
        res.status(429).set('Retry-After', String(error.extensions.retryAfterSeconds)).type('text').send('Too many requests');
        return;
      }
      throw error;
    }
    try {
      const userId = Number(req.params.userId);
      const token = String(req.params.token);
      const connection = deps.orm.em.getConnection();
      const feeds = Number.isSafeInteger(userId) && userId > 0
        ? (await connection.execute(
          'select f.nonce, u.role, u.active, d.id as doctor_id, p.id as patient_id from calendar_feed f join `user` u on u.id = f.user_id ' +
            'left join doctor d on d.user_id = u.id left join patient p on p.user_id = u.id where f.user_id = ?', [userId])) as Array<{ nonce: string; role: string; active: number; doctor_id: number | null; patient_id: number | null }>
        : [];
      const feed = feeds[0];
      const expected = feed ? Buffer.from(feedToken(deps, userId, feed.nonce)) : null;
      const given = Buffer.from(token);
      if (!feed || !feed.active || !expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
        res.status(404).type('text').send('No such calendar');
        return;
      }
      const forDoctor = feed.role === Role.DOCTOR && feed.doctor_id != null;
      const from = new Date(clock.nowMs() - PAST_DAYS * 86_400_000);
      const to = new Date(clock.nowMs() + FUTURE_DAYS * 86_400_000);
      const rows = (await connection.execute(
        `${FEED_SQL} where ${forDoctor ? 'a.doctor_id' : 'a.patient_id'} = ? and a.starts_at >= ? and a.starts_at < ? order by a.starts_at limit 5000`,
        [forDoctor ? feed.doctor_id : feed.patient_id ?? 0, from, to])) as FeedRow[];
      const cal = calendar(deps, forDoctor ? 'HMS: my schedule' : 'HMS: my appointments');
      for (const row of rows) addVisit(deps, cal, row, forDoctor);
      res.set('Cache-Control', 'private, max-age=300').type('text/calendar; charset=utf-8').send(cal.toString());
    } catch (error) {
      logger.error('calendar feed failed', error);
      res.status(500).type('text').send('Internal error');
    }
  });

}
