// Date arithmetic in the hospital's zone (luxon), for the pages that need more than formatting.
import { DateTime } from 'luxon';
import { hospitalZone } from './hospital-zone';
import './luxon-locale';

export function toHospitalTime(iso: string): DateTime {
  const time = DateTime.fromISO(iso, { zone: 'utc' });
  const zone = hospitalZone();
  return zone ? time.setZone(zone) : time.toLocal();
}

/** Midnight starting a hospital day (YYYY-MM-DD), in the hospital's zone. */
export function hospitalDayStart(date: string): DateTime {
  return DateTime.fromISO(date, { zone: hospitalZone() ?? 'local' }).startOf('day');
}
