// A real SMTP server (smtp-server) and a local HTTP SMS gateway for the message tests: nothing mocked.
import { simpleParser, type ParsedMail } from 'mailparser';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  mails: ParsedMail[];
  /** While set, every message is refused with this SMTP reply. */
  failWith: string | null;
  /** Each message is accepted after this many ms (a slow relay). */
  delayMs: number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = { url: '', mails: [], failWith: null, delayMs: 0, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    maxClients: 200,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (sink.failWith) {
          const error = new Error(sink.failWith) as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const accept = () => simpleParser(Buffer.concat(chunks)).then((mail) => { sink.mails.push(mail); callback(); }, callback);
        if (sink.delayMs > 0) setTimeout(accept, sink.delayMs); else void accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

export interface SmsSink {
  url: string;
  token: string;
  received: Array<{ to: string; body: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

export async function startSmsSink(token = 'sms-test-token'): Promise<SmsSink> {
  const sink: SmsSink = { url: '', token, received: [], close: async () => undefined };
  let next = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401).end('{"error":"bad token"}');
        return;
      }
      const parsed = JSON.parse(body) as { to: string; body: string };
      sink.received.push({ ...parsed, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${++next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** Every address a mail went to. */
export function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => v.address ?? ''));
}
