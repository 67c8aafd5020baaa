import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config';
import { logger } from '../../logger';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  ics?: string;
  /** Mail clients group retries of one message by this. */
  messageId: string;
}

export interface Transports {
  /** Returns the provider's id of the message. */
  email(mail: OutgoingEmail): Promise<string>;
  sms(to: string, body: string): Promise<string>;
  /** Whether e-mail really leaves (SMTP configured) or only goes to the log and Outbox. */
  readonly emailLive: boolean;
  readonly smsLive: boolean;
  close(): void;
}

const SMS_TIMEOUT_MS = 10_000;

/** SMTP via nodemailer when HMS_SMTP_URL is set, an HTTP SMS gateway when HMS_SMS_URL is; otherwise the log. */
export function createTransports(config: Config): Transports {
  let mailer: Transporter | undefined;
  if (config.smtpUrl) {
    // Pooled: one SMTP connection carries many messages (a new connection per message is ~5x slower).
    const url = new URL(config.smtpUrl);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '4');
    mailer = nodemailer.createTransport(url.toString(), { from: config.mailFrom });
  }
  return {
    emailLive: Boolean(mailer),
    smsLive: Boolean(config.smsUrl),
    async email(mail) {
      if (!mailer) {
        logger.info('e-mail (no HMS_SMTP_URL: not sent, see the admin Messages page)', { to: mail.to, subject: mail.subject, ...(config.production ? {} : { text: mail.text }) });
        return `log:${mail.messageId}`;
      }
      const info = await mailer.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.ics ? { attachments: [{ filename: 'appointment.ics', content: mail.ics, contentType: `text/calendar; charset=utf-8; method=${/METHOD:CANCEL/.test(mail.ics) ? 'CANCEL' : 'REQUEST'}` }] } : {}),
      });
      return String(info.messageId ?? mail.messageId);
    },
    async sms(to, body) {
      if (!config.smsUrl) {
        logger.info('SMS (no HMS_SMS_URL: not sent, see the admin Outbox)', { to, body });
        return 'log:sms';
      }
      const response = await fetch(config.smsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(config.smsToken ? { authorization: `Bearer ${config.smsToken}` } : {}) },
        body: JSON.stringify({ to, body }),
        signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}: ${text.slice(0, 200)}`);
      try {
        const parsed = JSON.parse(text) as { id?: unknown; sid?: unknown; messageId?: unknown };
        return String(parsed.id ?? parsed.sid ?? parsed.messageId ?? `http-${response.status}`);
      } catch {
        return `http-${response.status}`;
      }
    },
    close() {
      mailer?.close();
    },
  };
}
