// The audit log must not read the whole table as it grows: ANALYZE runs the totalCount of a
// filtered first page and reports the rows it read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { createTestApp, recordStatements, type TestApp } from '../../../test/harness';
import { createAdmin, type Session } from '../../../test/factories';
import { auditEventQueries } from './audit.query';

const ROWS = 3000;
const mariadb = process.env.TEST_DB_FLAVOR !== 'mysql';

let t: TestApp;
let admin: Session;

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  t.orm.em.fork().getConnection().execute<T[]>(query, params);

/**
 * Index entries MariaDB read from `audit_event` running `statement` (ANALYZE FORMAT=JSON): the rows of
 * each access, or with a rowid filter the entries looked up plus those the filter was built from.
 */
async function auditRowsRead(statement: { sql: string; params: unknown[] }): Promise<number> {
  const [result] = await sql<Record<string, string>>(`analyze format=json ${statement.sql}`, statement.params);
  let read = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.table_name === 'e' && typeof record.r_rows === 'number') {
      const filter = record.rowid_filter as { r_rows?: number; r_lookups?: number } | undefined;
      read += (filter ? Number(filter.r_rows ?? 0) + Number(filter.r_lookups ?? 0) : record.r_rows) * Number(record.r_loops ?? 1);
    }
    Object.values(record).forEach(walk);
  };
  walk(JSON.parse(String(Object.values(result)[0])));
  return read;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  // 800 days of history, one row in five an invoice's (as in bench:scale): the type alone selects a fifth of the table.
  const now = clock.now().toISOString().slice(0, 23).replace('T', ' ');
  await sql(
    `insert into audit_event (actor_id, action, entity_type, entity_id, changes, request_id, created_at)
     select null, elt(1 + seq % 5, 'appointment.book', 'appointment.status', 'appointment.cancel', 'invoice.issue', 'treatment.record'),
       elt(1 + seq % 5, 'appointment', 'appointment', 'appointment', 'invoice', 'treatment'), seq, null, null,
       timestamp(?) - interval (seq * ${Math.floor((800 * 86400) / ROWS)}) second
     from seq_1_to_${ROWS}`,
    [now],
  );
  await sql('analyze table audit_event');
});
afterAll(async () => { await t.close(); });

describe('the audit log on a grown table', () => {
  it.skipIf(!mariadb)('filtered by type and the last 90 days, its totalCount reads that range, not the table', async () => {
    const from = new Date(clock.nowMs() - 90 * 86_400_000).toISOString();
    const filter = { entityType: 'invoice', from };
    const { result, statements } = await recordStatements(t, () => t.ok(
      'query($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 30) { totalCount items { id entityType } } }',
      { filter }, admin.token));
    const expected = Math.round((ROWS / 5) * (90 / 800));
    expect(Math.abs(result.auditEvents.totalCount - expected)).toBeLessThan(5);
    // These are the statements the API ran.
    const queries = auditEventQueries({ entityType: 'invoice', from: new Date(from) }, null, 30);
    expect(statements).toEqual(expect.arrayContaining([queries.page.sql, queries.count.sql]));
    expect(await auditRowsRead(queries.count)).toBeLessThan(150);
  });
});
