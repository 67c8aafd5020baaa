// Mutation check: breaks each contract promise on purpose, runs the test that should catch it, and
// restores the file. Every row must end "red". Run from server/ with the shared MariaDB and Redis up:
//   node test/mutations.mjs ["part of a promise|another part"]
// Run in a git checkout, it first exports the working tree (tracked and untracked files as they are
// now, node_modules linked) to a temporary folder and mutates that copy, so the checkout is never
// edited (and an interrupted run leaves nothing broken behind).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const checkout = path.resolve(import.meta.dirname, '../..');
if (existsSync(path.join(checkout, '.git'))) {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'hms-mutations-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: checkout, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(path.join(checkout, file))) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(checkout, file), path.join(copy, file));
  }
  for (const dir of ['', 'server', 'client']) {
    if (existsSync(path.join(checkout, dir, 'node_modules'))) symlinkSync(path.join(checkout, dir, 'node_modules'), path.join(copy, dir, 'node_modules'));
  }
  console.log(`mutating an export of the working tree in ${copy}`);
  const run = spawnSync(process.execPath, [path.join(copy, 'server/test/mutations.mjs'), ...process.argv.slice(2)], { cwd: path.join(copy, 'server'), stdio: 'inherit' });
  rmSync(copy, { recursive: true, force: true });
  process.exit(run.status ?? 1);
}

const root = checkout;
const S = (p) => path.join(root, 'server/src', p);

/** promise, test file, test name, edits: [file, find, replace] (each `find` must occur exactly once). */
const MUTATIONS = [
  ['one winner per slot', 'src/modules/scheduling/booking.test.ts', '40 concurrent bookings of one slot', [
    [S('modules/scheduling/appointment.service.ts'), '        await this.lockDoctorAndPatient(em, doctorId, patientId, true);\n', ''],
    [S('modules/scheduling/appointment.service.ts'), 'const what = new Set(clashes.map((c) => c.what));', "const what = new Set(clashes.map((c) => c.what).filter((w) => w !== 'doctor'));"],
    [path.join(root, 'migrations/Migration20261122181255_initial.ts'), 'add unique \\`appointment_doctor_active_slot_unique\\`', 'add index \\`appointment_doctor_active_slot_unique\\`'],
  ]],
  ['idempotency', 'src/modules/scheduling/booking.test.ts', 'idempotencyKey: 10 concurrent retries', [
    [S('modules/scheduling/appointment.service.ts'), 'return em.findOne(Appointment, { createdBy: userId, idempotencyKey: key }', 'return null && em.findOne(Appointment, { createdBy: userId, idempotencyKey: key }'],
  ]],
  ['no overlapping appointments for a patient', 'src/modules/scheduling/booking.test.ts', 'a patient never holds two overlapping appointments', [
    [S('modules/scheduling/appointment.service.ts'), 'const what = new Set(clashes.map((c) => c.what));', "const what = new Set(clashes.map((c) => c.what).filter((w) => w !== 'patient'));"],
  ]],
  ['lockout after 5 failures', 'src/modules/identity/identity.test.ts', 'locks the account after 5 failures', [
    [S('modules/identity/identity.service.ts'), "'locked_until = if(failed_login_count >= ?, ?, null) '", "'locked_until = if(failed_login_count >= ? + 1, ?, null) '"],
  ]],
  ['token revocation', 'src/modules/identity/identity.test.ts', 'changePassword ends every token issued before it', [
    [S('context.ts'), '!row || !row.active || row.token_version !== claims.tokenVersion', '!row || !row.active'],
  ]],
  ['care relationship (history readers)', 'src/modules/clinical/clinical.test.ts', 'patient A reads their own history', [
    [S('modules/clinical/clinical.service.ts'), 'return new Set(rows.map((r: { patient_id: number }) => Number(r.patient_id)));', 'return new Set(ids);'],
  ]],
  ['encryption in every table', 'src/modules/clinical/clinical.test.ts', 'no clinical plaintext in any table', [
    [S('modules/clinical/clinical.service.ts'), "changes: auditChanges(recorded, null, content) });", "changes: { ...auditChanges(recorded, null, content), text: { before: null, after: Buffer.from(JSON.stringify(content)).toString('base64') } } as AuditChanges });"],
  ]],
  ['outbox cursors in commit order', 'src/modules/live/live.test.ts', 'outbox cursors follow commit order', [
    [S('modules/scheduling/appointment.service.ts'), '        await this.lockDoctorAndPatient(em, doctorId, patientId, true);\n', ''],
  ]],
  ['rolled-back change publishes nothing', 'src/modules/live/live.test.ts', 'nothing for a change the service rolled back', [
    [S('modules/scheduling/appointment.service.ts'), "      await failurePoint('appointment.status', em);\n", "      await publishScheduleChanges(this.ctx, events);\n      await failurePoint('appointment.status', em);\n"],
  ]],
  ['catch-up after a Redis reconnect', 'src/modules/live/live.test.ts', 'after the Redis link drops', [
    // The topic hub's outbox read on reconnect is the one path (the doctor stream has no second one).
    [S('modules/live/live.service.ts'), '      void this.catchUp(from);\n      setTimeout(() => {\n        void this.catchUp(from).finally(', '      setTimeout(() => {\n        void Promise.resolve().finally('],
  ]],
  ['gapless numbers with a rolled-back issue', 'src/modules/billing/billing.test.ts', 'gives its number back', [
    [S('modules/billing/billing.service.ts'), "    await connection.execute('update invoice_counter set last_sequence = last_sequence + 1 where year = ?', [year], 'run', trx);", "    await connection.execute('update invoice_counter set last_sequence = last_sequence + 1 where year = ?', [year], 'run');"],
  ]],
  ['gapless queue numbers with a rolled-back check-in', 'src/modules/frontdesk/frontdesk.test.ts', '30 concurrent check-ins over two processes', [
    [S('modules/frontdesk/queue.service.ts'), "await sql(em, 'insert into queue_counter (doctor_id, day, last_number) values (?, ?, 1) on duplicate key update last_number = last_number + 1', [doctorId, day]);",
      "await em.getConnection().execute('insert into queue_counter (doctor_id, day, last_number) values (?, ?, 1) on duplicate key update last_number = last_number + 1', [doctorId, day], 'run');"],
  ]],
  ['one queue number per doctor and day (database)', 'src/modules/frontdesk/frontdesk.test.ts', 'the unique index refuses a duplicate number', [
    [path.join(root, 'migrations/Migration20261201115613_frontdesk_queue_patients.ts'), 'add unique \\`queue_ticket_number_unique\\`', 'add index \\`queue_ticket_number_unique\\`'],
  ]],
  ['a display token reads the lobby only', 'src/modules/frontdesk/frontdesk.test.ts', 'a display token reads', [
    [S('modules/frontdesk/display.service.ts'), "if (!operation || operation.operation !== 'subscription') return false;", 'return true;'],
  ]],
  ['depth 10 allowed', 'test/app.test.ts', 'runs a query exactly 10 levels deep', [
    [S('query-limits.ts'), 'if (depth > MAX_QUERY_DEPTH) {', 'if (depth >= MAX_QUERY_DEPTH) {'],
  ]],
  ['depth 11 refused', 'test/app.test.ts', 'runs a query exactly 10 levels deep', [
    [S('query-limits.ts'), 'if (depth > MAX_QUERY_DEPTH) {', 'if (depth > MAX_QUERY_DEPTH + 1) {'],
  ]],
  ['no slot in the past (time of day)', 'src/modules/scheduling/availability.test.ts', 'never lists taken, blocked, past', [
    [S('modules/scheduling/slots.ts'), 'slot.startsAt.getTime() > query.now.getTime() &&', 'slot.startsAt.getTime() > query.now.getTime() - 24 * 3600_000 &&'],
  ]],
  ['Redis channels per database', 'src/modules/live/live.test.ts', "never delivered to the other's subscribers", [
    [S('pubsub.ts'), 'const channel = (topic: string) => `${prefix}:${topic}`;', 'const channel = (topic: string) => `hms:${topic}`;'],
  ]],
  ['unpublished rows of any age are relayed', 'src/modules/live/live.test.ts', 'left unpublished for over an hour', [
    [S('modules/live/relay.ts'), '    if (started.affectedRows !== 1) return;\n', ''],
  ]],
  ['WebSocket opens and subscribes during a database outage: SERVICE_UNAVAILABLE', 'test/db-outage.test.ts', 'answers SERVICE_UNAVAILABLE', [
    [S('app.ts'), '          if (isUnreachable(error)) {\n            databaseOutage.failed(error);\n            return refuse(', '          if (false) {\n            databaseOutage.failed(error);\n            return refuse('],
  ]],
  ['message ledger: two senders never send one message twice', 'src/modules/messages/messages.test.ts', 'two senders (workers, sweeps) never send one message twice', [
    // The claim ignores a row another sender holds (its not_before claim time).
    [S('modules/messages/sender.ts'), "where id = ? and status = 'PENDING' and due_at <= ? and (not_before is null or not_before <= ?)\"", "where id = ? and status = 'PENDING' and due_at <= ? and ? is not null\""],
  ]],
  ['a HELD waitlist slot is in the slot index', 'src/modules/waitlist/waitlist.test.ts', 'a racing booker cannot take the held slot', [
    // HELD left out of the generated columns that the unique indexes and the clash checks read.
    [path.join(root, 'migrations/Migration20261201115623_scheduling_series_waitlist_urgent.ts'), "'COMPLETED','HELD'),\\`starts_at\\`", "'COMPLETED'),\\`starts_at\\`"],
    [path.join(root, 'migrations/Migration20261201115623_scheduling_series_waitlist_urgent.ts'), "'COMPLETED','HELD') and \\`urgent\\`", "'COMPLETED') and \\`urgent\\`"],
  ]],
  ['API-key scopes: a key without the scope is refused', 'src/modules/integrations/api-keys.test.ts', 'schedule:read reads slots and day views', [
    [S('modules/integrations/scopes.ts'), '        if (!has(scopes)) {\n', '        if (false) {\n'],
  ]],
  ['webhook signatures (Standard Webhooks)', 'src/modules/integrations/webhooks.test.ts', 'signed per Standard Webhooks', [
    // The timestamp left out of the signed content (replay protection gone).
    [S('modules/integrations/webhooks.service.ts'), 'update(`${id}.${timestampSeconds}.${body}`)', 'update(`${id}.${body}`)'],
  ]],
  ['query cost budget', 'test/security.test.ts', 'a list costs its size argument times its children', [
    [S('query-limits.ts'), '  if (cost > budget) {', '  if (cost > budget * 1000) {'],
  ]],
  ['the 600-alias request is refused before it runs', 'test/security.test.ts', 'the 600-alias availableDays request is refused before it runs', [
    // Both guards off: the parser's token cap (which refuses it first) and the cost budget.
    [S('query-limits.ts'), 'export const PARSE_OPTIONS = { maxTokens: MAX_QUERY_TOKENS } as const;', 'export const PARSE_OPTIONS = { maxTokens: 1_000_000 } as const;'],
    [S('query-limits.ts'), '  if (cost > budget) {', '  if (cost > budget * 1000) {'],
  ]],
  ['per-connection statement cap', 'test/security.test.ts', 'a read statement running past HMS_DB_STATEMENT_TIMEOUT_MS is cut', [
    [S('db/orm.ts'), '      ...(cap > 0 ? {', '      ...(false ? {'],
  ]],
  ['rate limits shared over two processes', 'test/security.test.ts', 'two processes sharing Redis share the counters', [
    // Each process counts in its own memory.
    [S('rate-limit.ts'), '    limiters.set(setting, redis\n', '    limiters.set(setting, false\n'],
  ]],
  ['mustChangePassword enforced', 'src/modules/identity/identity.test.ts', 'must change it: until then the server refuses everything else', [
    [S('auth.ts'), '  if (!viewer?.mustChangePassword) return null;', '  if (viewer) return null;'],
  ]],
  ['mustChangePassword: no way around it through a fragment', 'src/modules/identity/identity.test.ts', 'must change it: until then the server refuses everything else', [
    [S('auth.ts'), '        if (fragment) collect(fragment);', '        void fragment;'],
  ]],
];

const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
const filter = process.argv[2];
const rows = [];
for (const [promise, file, name, edits] of MUTATIONS) {
  if (filter && !filter.split('|').some((f) => promise.includes(f))) continue;
  const originals = new Map();
  try {
    for (const [target, find, replace] of edits) {
      const text = originals.get(target) ?? readFileSync(target, 'utf8');
      if (!originals.has(target)) originals.set(target, text);
      const current = readFileSync(target, 'utf8');
      const count = current.split(find).length - 1;
      if (count !== 1) throw new Error(`${promise}: "${find.slice(0, 60)}" occurs ${count} times in ${target}`);
      writeFileSync(target, current.replace(find, replace));
    }
    const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.config.mts', file, '-t', name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')], { // -t takes a regular expression
      cwd: path.join(root, 'server'), encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    // vitest writes the summary on stdout and the failures on stderr.
    const out = plain(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
    let status;
    if (run.status === 0) {
      status = /\b[1-9]\d* passed/.test(out) ? 'GREEN (the test did not notice)' : `error: no test ran: ${out.slice(-300)}`;
    } else {
      // Red only when the named test ran and failed (not a crash before it): the first error line
      // of the first failed test (after vitest's "Failed Tests" heading).
      const failed = out.slice(Math.max(0, out.indexOf('Failed Tests')));
      const assertion = /(AssertionError|Error): [^\n]+/.exec(failed)?.[0].slice(0, 160) ?? '';
      status = /\b[1-9]\d* failed/.test(out) ? `red: ${assertion}` : `error: ${out.slice(-300)}`;
    }
    rows.push([promise, file, name, status]);
    console.log(`${promise} | ${file} › ${name} | ${status}`);
  } catch (error) {
    rows.push([promise, file, name, `not applied: ${error.message}`]);
    console.log(`ERROR    ${error.message}`);
  } finally {
    for (const [target, text] of originals) writeFileSync(target, text);
  }
}
if (rows.some((r) => !r[3].startsWith('red'))) process.exit(1);
