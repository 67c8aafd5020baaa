// The delivery cache holds an event's appointment for a few seconds, then lets it go:
// each entry keeps its request's whole EntityManager fork alive.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Appointment } from '../scheduling/appointment.entity';
import { cachedAppointment, cachedAppointmentCount, primeAppointment } from './delivery-cache';

afterEach(() => { vi.useRealTimers(); });

describe('delivery cache', () => {
  it('drops entries older than its TTL as new ones arrive, not only when full', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    const before = cachedAppointmentCount();
    for (let i = 0; i < 200; i += 1) primeAppointment(`test-${i}`, { id: i } as Appointment);
    expect(cachedAppointmentCount()).toBe(before + 200);
    vi.setSystemTime(new Date('2026-12-01T10:00:06Z'));
    primeAppointment('test-late', { id: 999 } as Appointment);
    expect(cachedAppointmentCount()).toBe(1);
    // A hit within the TTL is served from the cache; an expired one is loaded again.
    let loads = 0;
    const load = async () => { loads += 1; return { id: 1000 } as Appointment; };
    await cachedAppointment('test-late', load);
    expect(loads).toBe(0);
    vi.setSystemTime(new Date('2026-12-01T10:00:12Z'));
    await cachedAppointment('test-late', load);
    expect(loads).toBe(1);
  });
});
