import type { Transporter } from 'nodemailer';
import { clock } from '../../clock';
import { contextForUser, type AppDeps } from '../../context';
import { logger } from '../../logger';
import { monthlyFigures } from './doctor-report.service';
import { ReportKind } from './export-job.entity';
import { hospitalMonth } from './hospital-days';
import { doctorMonthlyPdf, hospitalMonthlyPdf } from './report-pdfs';
import { toXlsx } from './reports.exports';
import { ReportsService } from './reports.service';
import { speech, type Speech } from '../../shared/i18n';

/** One e-mail with its attachments. */
export interface ReportMail {
  to: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/** Whatever sends the mail: the messages module's mailer, or `nodemailerReportMailer` over any nodemailer transport. */
export interface ReportMailer {
  send(mail: ReportMail): Promise<void>;
}

export function nodemailerReportMailer(transport: Transporter, from: string): ReportMailer {
  return { async send(mail) { await transport.sendMail({ from, ...mail }); } };
}

/**
 * The mailer the 1st-of-month sweep uses; none until the messages module (which
 * owns SMTP settings) sets one at start-up. Without one the sweep sends nothing and
 * leaves the ledger untouched, so the month goes out once a mailer is there.
 */
let configuredMailer: ReportMailer | null = null;
export function setReportMailer(mailer: ReportMailer | null): void { configuredMailer = mailer; }
export function reportMailer(): ReportMailer | null { return configuredMailer; }

const MAX_ATTEMPTS = 5;

/**
 * Mails `month`'s reports: each active doctor their own PDF, each active admin the
 * hospital's PDF and XLSX. The report_delivery ledger (unique per kind, month and
 * recipient) makes it once per person: each row is taken FOR UPDATE while its mail
 * goes out, so a second process (or a rerun) waits and then finds it SENT. A failed
 * send is retried on the next run, at most 5 times. Returns what was sent.
 */
export async function sendMonthlyReports(deps: AppDeps, mailer: ReportMailer, month: string): Promise<{ sent: number; failed: number }> {
  hospitalMonth(month, deps.config.timezone);
  const connection = deps.orm.em.getConnection();
  const recipients = await connection.execute<Array<{ user_id: number; email: string; role: string; doctor_id: number | null; language: string | null }>>(
    `select u.id as user_id, u.email, u.role, u.language, d.id as doctor_id from \`user\` u left join doctor d on d.user_id = u.id
     where u.active = 1 and (u.role = 'ADMIN' or (u.role = 'DOCTOR' and d.active = 1)) order by u.id`, []);
  const now = clock.now();
  for (const r of recipients) {
    await connection.execute(
      'insert ignore into report_delivery (kind, month, recipient_id, status, attempts, created_at) values (?, ?, ?, \'PENDING\', 0, ?)',
      [r.role === 'ADMIN' ? ReportKind.HOSPITAL_MONTHLY : ReportKind.DOCTOR_MONTHLY, month, r.user_id, now]);
  }
  // The hospital's files, made once per run and language, as the first admin of that language sees them.
  const hospital = new Map<string, { pdf: Buffer; xlsx: Buffer }>();
  let sent = 0;
  let failed = 0;
  for (const r of recipients) {
    const kind = r.role === 'ADMIN' ? ReportKind.HOSPITAL_MONTHLY : ReportKind.DOCTOR_MONTHLY;
    const em = deps.orm.em.fork();
    try {
      await em.transactional(async (tx) => {
        const run = <T>(sql: string, params: unknown[]) => tx.getConnection().execute<T>(sql, params, 'all', tx.getTransactionContext());
        const [row] = await run<Array<{ id: number; status: string; attempts: number }>>(
          'select id, status, attempts from report_delivery where kind = ? and month = ? and recipient_id = ? for update', [kind, month, r.user_id]);
        if (!row || row.status === 'SENT' || row.attempts >= MAX_ATTEMPTS) return;
        const words = speech(r.language);
        const { t } = words;
        try {
          if (kind === ReportKind.DOCTOR_MONTHLY) {
            const report = await monthlyFigures({ em: tx, deps }, r.doctor_id!, month);
            await mailer.send({
              to: r.email,
              subject: t('Your monthly report for {{month}} - {{hospital}}', { month, hospital: deps.config.hospitalName }),
              text: t('Attached is your report for {{month}}: {{visits}} visits, {{seen}} patients seen, {{noShows}} no-shows, {{followUps}} follow-ups due next month.', {
                month, visits: report.visits, seen: report.patientsSeen, noShows: report.noShows, followUps: report.followUpsDueNextMonth,
              }) + `\n\n${t('Any month can be downloaded from your dashboard.')}`,
              attachments: [{ filename: `${t('monthly-report')}-${month}.pdf`, content: await doctorMonthlyPdf(deps.config, report, words), contentType: 'application/pdf' }],
            });
          } else {
            let files = hospital.get(words.lang);
            if (!files) {
              files = await hospitalFiles(deps, r.user_id, month, words);
              hospital.set(words.lang, files);
            }
            await mailer.send({
              to: r.email,
              subject: t('Hospital report for {{month}} - {{hospital}}', { month, hospital: deps.config.hospitalName }),
              text: t('Attached is the hospital\'s report for {{month}}, as PDF and as a workbook.', { month }),
              attachments: [
                { filename: `${t('hospital-report')}-${month}.pdf`, content: files.pdf, contentType: 'application/pdf' },
                { filename: `${t('hospital-report')}-${month}.xlsx`, content: files.xlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
              ],
            });
          }
          await run('update report_delivery set status = \'SENT\', attempts = attempts + 1, sent_at = ?, last_error = null where id = ?', [clock.now(), row.id]);
          sent += 1;
        } catch (error) {
          failed += 1;
          const message = error instanceof Error ? error.message : String(error);
          await run('update report_delivery set status = \'FAILED\', attempts = attempts + 1, last_error = ? where id = ?', [message.slice(0, 500), row.id]);
        }
      });
    } catch (error) {
      failed += 1;
      logger.error(`monthly report for user ${r.user_id} (${month}) failed`, error);
    }
  }
  return { sent, failed };
}

/** The hospital's report files, made once per run, as an admin sees them. */
async function hospitalFiles(deps: AppDeps, adminUserId: number, month: string, words: Speech): Promise<{ pdf: Buffer; xlsx: Buffer }> {
  const ctx = await contextForUser(deps, adminUserId, `monthly-report-${month}`);
  const m = hospitalMonth(month, deps.config.timezone);
  const dashboard = await new ReportsService(ctx).dashboard({ from: m.from, to: m.to });
  return {
    pdf: await hospitalMonthlyPdf(deps.config, month, dashboard, words),
    xlsx: Buffer.from((await toXlsx(dashboard, words).xlsx.writeBuffer()) as ArrayBuffer),
  };
}
