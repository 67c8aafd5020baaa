import { requestIdOf } from '../../request-id';
import { clientIpOf } from '../../client-ip';
import type { Express, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { buildContext, type AppDeps, type Context } from '../../context';
import { HmsError } from '../../errors';
import { recordRefusals } from '../audit/refusals';
import { logger } from '../../logger';
import { formatMinor } from '../../shared/money';
import { createPdf } from '../../shared/pdf';
import { attachment, requestLanguage, speech, type Speech } from '../../shared/i18n';
import { BillingService, currencyDigits } from './billing.service';
import { type Invoice, InvoiceStatus } from './invoice.entity';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/**
 * Runs `work` with a context built from the Bearer token, answering contract
 * errors as JSON `{ error: { code, message } }` with 400/401/403/404.
 * `work` returns a function that writes the response once everything it needs is loaded.
 */
export async function withViewer(
  deps: AppDeps,
  req: Request,
  res: Response,
  work: (ctx: Context) => Promise<() => Promise<void> | void>,
): Promise<void> {
  const requestId = requestIdOf(req);
  let write: () => Promise<void> | void;
  let ctx: Context | null = null;
  try {
    ctx = await buildContext(deps, req.headers.authorization, requestId, clientIpOf(req, deps.config.trustProxy));
    if (!ctx.viewer) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: ctx.tokenError ?? 'Sign in first' } });
      return;
    }
    write = await work(ctx);
  } catch (error) {
    if (error instanceof HmsError) {
      const code = String(error.extensions.code);
      // A refused download is audited like a refused GraphQL operation.
      if (ctx) await recordRefusals(ctx, req.path.split('/').slice(2, 4).join('.'), [error]);
      res.status(STATUS[code] ?? 400).json({ error: { code, message: error.message } });
      return;
    }
    const errorId = randomUUID();
    logger.error(`export failed ${errorId} (request ${requestId})`, error);
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: `Internal error (id ${errorId})`, errorId } });
    return;
  }
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    await write();
  } catch (error) {
    // Headers may be out already: cut the response rather than send a half file as complete.
    logger.error(`export stream failed (request ${requestId})`, error);
    res.destroy();
  }
}

/**
 * Invoice printout, behind the same rule as the `invoice` query (admins any,
 * a patient their own non-draft invoices, doctors FORBIDDEN):
 *   GET /exports/invoices/:id.pdf   with `Authorization: Bearer <token>`
 */
export function registerBillingExports(app: Express, deps: AppDeps): void {
  app.get('/exports/invoices/:id.pdf', (req, res) => void withViewer(deps, req, res, async (ctx) => {
    const invoice = await new BillingService(ctx).getForPrint(String(req.params.id));
    const words = speech(requestLanguage(req));
    return () => {
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', attachment(`${invoice.number}.pdf`));
      res.setHeader('Content-Language', words.lang);
      writeInvoicePdf(deps, invoice, res, words);
    };
  }));
}

/** Invoice statuses, payment methods and line kinds as printed (the codes stay in the data). */
const STATUS_LABEL = (t: Speech['t']): Record<string, string> => ({
  DRAFT: t('Draft'), ISSUED: t('Issued'), PAID: t('Paid'), VOID: t('Void'),
});
const METHOD_LABEL = (t: Speech['t']): Record<string, string> => ({
  CASH: t('Cash'), CARD: t('Card'), INSURANCE: t('Insurance'), ONLINE: t('Online'),
});
const KIND_LABEL = (t: Speech['t']): Record<string, string> => ({
  CONSULTATION: t('Consultation'), LAB_TEST: t('Lab test'), MEDICINE: t('Medicine'), PROCEDURE: t('Procedure'), OTHER: t('Other'),
});

function writeInvoicePdf(deps: AppDeps, invoice: Invoice, out: NodeJS.WritableStream, words: Speech = speech('en')): void {
  const { timezone, hospitalName } = deps.config;
  const { t } = words;
  const english = words.lang === 'en';
  const digits = currencyDigits(invoice.currency);
  const money = (minor: number) => words.number(formatMinor(minor, digits));
  const amount = (minor: number) => `${money(minor)} ${invoice.currency}`;
  const when = (date: Date | null | undefined) => (date ? words.dateTime(date, timezone) : '-');
  // English prints the codes as it always did; other languages their words.
  const status = (code: string) => (english ? code : STATUS_LABEL(t)[code] ?? code);
  const method = (code: string) => (english ? code : METHOD_LABEL(t)[code] ?? code);
  const appointment = invoice.appointment;
  const doctor = appointment.doctor;

  const doc = createPdf({ size: 'A4', margin: 50, info: { Title: t('Invoice {{number}}', { number: invoice.number }), Author: hospitalName } });
  doc.pipe(out);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Bold').fontSize(18).text(hospitalName);
  doc.font('Regular').fontSize(13).fillColor('#444').text(t('Invoice {{number}}', { number: invoice.number }));
  doc.moveDown(0.5).fillColor('black').fontSize(10);
  const field = (label: string, value: string) => doc.font('Bold').text(`${label}: `, { continued: true }).font('Regular').text(value);
  field(t('Status'), status(invoice.status));
  field(t('Issued'), when(invoice.issuedAt));
  field(t('Patient'), `${invoice.patient.fullName} (${invoice.patient.medicalRecordNumber})`);
  field(t('Doctor'), `${doctor.fullName}, ${doctor.department.name}`);
  field(t('Visit'), `${when(appointment.startsAt)} (${timezone})`);
  if (invoice.status === InvoiceStatus.VOID) field(t('Voided'), `${when(invoice.voidedAt)}: ${invoice.voidReason ?? ''}`);
  if (invoice.status === InvoiceStatus.PAID) field(t('Paid in full'), when(invoice.paidAt));
  doc.moveDown();

  // Lines: description | qty | unit price | amount
  const cols = [left, left + width * 0.55, left + width * 0.65, left + width * 0.82];
  const colWidths = [width * 0.53, width * 0.1, width * 0.17, width * 0.18];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Bold' : 'Regular').fontSize(10);
    let bottom = y;
    cells.forEach((text, i) => {
      doc.text(text, cols[i], y, { width: colWidths[i], align: i === 0 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = left;
    doc.y = bottom + 4;
  };
  row([t('Description'), t('Qty'), t('Unit price'), t('Amount')], true);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor('#999').stroke();
  doc.moveDown(0.3);
  for (const line of invoice.lines.getItems()) {
    row([`${line.description} (${english ? line.kind : KIND_LABEL(t)[line.kind] ?? line.kind})`, words.number(line.quantity), money(line.unitPriceMinor), money(line.quantity * line.unitPriceMinor)]);
  }
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor('#999').stroke();
  doc.moveDown(0.3);
  const balance = invoice.status === InvoiceStatus.VOID ? 0 : invoice.totalMinor - invoice.paidMinor;
  row([t('Total'), '', '', amount(invoice.totalMinor)], true);
  row([t('Paid'), '', '', amount(invoice.paidMinor)]);
  row([t('Balance due'), '', '', amount(balance)], true);

  const payments = invoice.payments.getItems();
  if (payments.length) {
    doc.moveDown();
    doc.font('Bold').fontSize(12).text(t('Payments'), left);
    doc.moveDown(0.3);
    for (const p of payments) {
      const what = p.amountMinor < 0
        ? `${t('Refund ({{method}})', { method: method(p.method) })}${p.reason ? `: ${p.reason}` : ''}`
        : `${method(p.method)}${p.reference ? ` ${t('ref {{reference}}', { reference: p.reference })}` : ''}`;
      row([`${when(p.createdAt)}  ${what}`, '', '', amount(p.amountMinor)]);
    }
  }
  doc.end();
}
