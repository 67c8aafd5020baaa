// The yardstick for bench:dayview: the doctor's day view served by hand with mysql2 and
// node:http, no framework. Same token check (verifyToken) and viewer lookup as HMS's
// context, the same JOIN, the same JSON; it answers only that one operation.
import http from 'node:http';
import mysql from 'mysql2/promise';
import { verifyToken } from '../src/modules/identity/tokens';

const url = new URL(process.env.DATABASE_URL!);
const pool = mysql.createPool({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username || 'root'),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  timezone: 'Z',
  connectionLimit: 10,
});
const secret = process.env.HMS_JWT_SECRET!;

const VIEWER = 'select u.id, u.role, u.email, u.active, u.token_version, u.must_change_password, p.id as patient_id, d.id as doctor_id ' +
  'from `user` u left join patient p on p.user_id = u.id left join doctor d on d.user_id = u.id where u.id = ?';
const DAY = 'select a.id, a.starts_at, a.ends_at, a.status, a.reason, p.id as patient_id, p.full_name, p.medical_record_number ' +
  'from appointment a join patient p on p.id = a.patient_id ' +
  "where a.doctor_id = ? and a.starts_at >= ? and a.starts_at < ? and a.status not in ('CANCELLED') order by a.starts_at, a.id";

interface ViewerRow { id: number; role: string; active: number; token_version: number; doctor_id: number | null }
interface DayRow { id: number; starts_at: Date; ends_at: Date; status: string; reason: string | null; patient_id: number; full_name: string; medical_record_number: string }

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function dayView(req: http.IncomingMessage, body: string): Promise<unknown> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const claims = match ? verifyToken(match[1], secret) : null;
  if (!claims) return { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] };
  const [viewers] = await pool.query(VIEWER, [claims.userId]) as unknown as [ViewerRow[]];
  const viewer = viewers[0];
  if (!viewer || !viewer.active || viewer.token_version !== claims.tokenVersion) {
    return { errors: [{ message: 'Your session has ended; sign in again', extensions: { code: 'UNAUTHENTICATED' } }] };
  }
  const { variables } = JSON.parse(body) as { variables: { d: string; date: string } };
  const doctorId = Number(variables.d);
  if (!(viewer.role === 'ADMIN' || (viewer.role === 'DOCTOR' && viewer.doctor_id === doctorId))) {
    return { errors: [{ message: 'Only this doctor or an admin may see this day', extensions: { code: 'FORBIDDEN' } }] };
  }
  const from = new Date(`${variables.date}T00:00:00.000Z`);
  const to = new Date(from.getTime() + 86_400_000);
  const [rows] = await pool.query(DAY, [doctorId, from, to]) as unknown as [DayRow[]];
  return {
    data: {
      doctorDay: rows.map((r) => ({
        id: String(r.id),
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        status: r.status,
        reason: r.reason,
        patient: { id: String(r.patient_id), fullName: r.full_name, medicalRecordNumber: r.medical_record_number },
      })),
    },
  };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, { status: 'ok' });
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { error: 'not found' });
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    dayView(req, Buffer.concat(chunks).toString('utf8'))
      .then((result) => send(res, 200, result))
      .catch(() => send(res, 500, { errors: [{ message: 'Internal error' }] }));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
