// Visits still SCHEDULED when their hospital day has ended become NO_SHOW (HMS_AUTO_NO_SHOW).
import { LockMode } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { clock } from '../../clock';
import type { AppDeps } from '../../context';
import { logger } from '../../logger';
import { diff, recordAudit } from '../audit/audit.service';
import type { OutboxEvent } from '../live/outbox-event.entity';
import { publishScheduleChanges, recordScheduleChange } from '../live/schedule-events';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { sql, sqlTime, withDeadlockRetry } from './scheduling.db';

const BATCH = 200;

/** Marks every visit of a hospital day that ended before `now` and is still SCHEDULED. Returns how many. */
export async function markNoShows(deps: AppDeps, now: Date = clock.now()): Promise<number> {
  const today = DateTime.fromJSDate(now, { zone: deps.config.timezone }).startOf('day').toJSDate();
  const actor = { deps, viewer: null, requestId: 'sweep:no-show', clientIp: '' };
  let total = 0;
  for (;;) {
    // (status, starts_at) index: only the still-scheduled visits of days that are over.
    const rows = await sql<{ id: number; doctor_id: number; patient_id: number }>(deps.orm.em.fork(),
      "select id, doctor_id, patient_id from appointment where status = 'SCHEDULED' and starts_at < ? order by starts_at, id limit ?", [sqlTime(today), BATCH]);
    if (!rows.length) return total;
    for (const row of rows) {
      const events: OutboxEvent[] = [];
      try {
        const changed = await withDeadlockRetry(deps.orm.em, async (em) => {
          events.length = 0;
          // The booking lock order, so outbox cursors keep commit order per doctor.
          await sql(em, 'select d.id from doctor d, patient p where d.id = ? and p.id = ? for update', [row.doctor_id, row.patient_id]);
          const appointment = await em.findOne(Appointment, row.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!appointment || appointment.status !== AppointmentStatus.SCHEDULED) return false;
          appointment.status = AppointmentStatus.NO_SHOW;
          appointment.version += 1;
          await em.flush();
          recordAudit(em, actor, { action: 'appointment.no_show_auto', entityType: 'appointment', entityId: appointment.id, actorId: null, changes: diff({ status: AppointmentStatus.SCHEDULED }, { status: AppointmentStatus.NO_SHOW }) });
          events.push(recordScheduleChange(em, { kind: 'STATUS_CHANGED', appointment }, null));
          return true;
        });
        if (changed) total += 1;
        await publishScheduleChanges({ deps }, events);
      } catch (error) {
        logger.warn('marking a no-show failed', { appointmentId: row.id, error: (error as Error).message });
        return total;
      }
    }
    if (rows.length < BATCH) return total;
  }
}
