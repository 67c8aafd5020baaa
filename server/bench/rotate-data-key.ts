// `npm run bench:rotate -w server`: how fast `rotate-data-key` re-encrypts clinical data.
// Seeds N treatments (diagnosis, prescription, medicines and ~1 KB of notes, all encrypted under
// an old key) into a scratch database, rotates them to a new key, reports rows/s, drops the database.
//
// Environment (all optional):
//   BENCH_DATABASE_URL   scratch database, dropped and re-created (default mysql://root@127.0.0.1:3306/hms_bench_rotate)
//   BENCH_ROWS           treatments to seed (default 20000)
//   BENCH_BATCH          rotation batch size (default 500, as the command's default)
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/orm';
import { Keyring, rotateDataKey, verifyDataKey } from '../src/modules/clinical/crypto';

const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms_bench_rotate';
const ROWS = Number(process.env.BENCH_ROWS || 20000);
const BATCH = Number(process.env.BENCH_BATCH || 500);

async function dropDatabase(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const connection = await mysql.createConnection({
    host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || 'root'), password: decodeURIComponent(url.password),
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${decodeURIComponent(url.pathname.slice(1))}\``);
  await connection.end();
}

async function main(): Promise<void> {
  await dropDatabase();
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const orm = await openDatabase(loadConfig({ DATABASE_URL, HMS_LOG: 'silent' } as NodeJS.ProcessEnv));
  try {
    const sql = orm.em.getConnection();
    const old = new Keyring(oldKey);
    await verifyDataKey(orm, old);
    await sql.execute("insert into `user` (email, password_hash, role, created_at, updated_at) values ('bench@hms.test', 'x', 'DOCTOR', now(3), now(3))");
    await sql.execute("insert into department (name, created_at) values ('Bench', now(3))");
    await sql.execute("insert into doctor (user_id, department_id, full_name, specialization, created_at) select max(u.id), max(d.id), 'Dr Bench', 'General', now(3) from `user` u, department d");
    await sql.execute("insert into patient (full_name, medical_record_number, created_at) values ('Bench Patient', 'MRN-BENCH', now(3))");
    const [{ doctor, patient }] = (await sql.execute('select (select max(id) from doctor) as doctor, (select max(id) from patient) as patient')) as Array<{ doctor: number; patient: number }>;
    const notes = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(18);
    const seeded = Date.now();
    for (let from = 0; from < ROWS; from += 500) {
      const starts = Array.from({ length: Math.min(500, ROWS - from) }, (_, i) => new Date(Date.UTC(2020, 0, 1) + (from + i) * 3600_000));
      await sql.execute(
        `insert into appointment (doctor_id, patient_id, starts_at, ends_at, status, created_at, updated_at) values ${starts.map(() => "(?, ?, ?, ?, 'COMPLETED', now(3), now(3))").join(', ')}`,
        starts.flatMap((s) => [doctor, patient, s, new Date(s.getTime() + 1800_000)]),
      );
      const [{ first }] = (await sql.execute('select min(id) as first from appointment where starts_at >= ?', [starts[0]])) as Array<{ first: number }>;
      await sql.execute(
        `insert into treatment (appointment_id, patient_id, doctor_id, diagnosis_enc, prescription_enc, medicines_enc, notes_enc, created_at, updated_at) values ${starts.map(() => '(?, ?, ?, ?, ?, ?, ?, now(3), now(3))').join(', ')}`,
        starts.flatMap((_, i) => [
          first + i, patient, doctor, old.encrypt(`Diagnosis ${from + i}`), old.encrypt('Rest and fluids'),
          old.encrypt(JSON.stringify([{ name: 'Paracetamol', dose: '1 g' }])), old.encrypt(notes),
        ]),
      );
    }
    console.log(`[bench] seeded ${ROWS} treatments in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    const started = Date.now();
    const result = await rotateDataKey(orm, new Keyring(newKey, [oldKey]), { batchSize: BATCH });
    const seconds = (Date.now() - started) / 1000;
    console.log(`[bench] rotated ${result.rows.treatment} treatments (4 encrypted columns each) in ${seconds.toFixed(1)} s, batch ${BATCH}: ${Math.round(result.rows.treatment / seconds)} rows/s`);
  } finally {
    await orm.close();
    await dropDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
