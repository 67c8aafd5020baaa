import { requestIdOf } from '../../request-id';
import { clientIpOf } from '../../client-ip';
import type { Express, Request, Response } from 'express';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type PDFKitDocument from 'pdfkit';

// pdfkit (~24 MB resident with its fonts and tables) loads with the first PDF, not at start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfKit = (): typeof PDFKitDocument => require('pdfkit') as typeof PDFKitDocument;
import { buildContext, type AppDeps, type Context } from '../../context';
import { HmsError } from '../../errors';
import { recordRefusals } from '../audit/refusals';
import { logger } from '../../logger';
import { formatMinor } from '../../shared/money';
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
    return () => {
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${invoice.number}.pdf"`);
      writeInvoicePdf(deps, invoice, res);
    };
  }));
}

function writeInvoicePdf(deps: AppDeps, invoice: Invoice, out: NodeJS.WritableStream): void {
  const { timezone, hospitalName } = deps.config;
  const digits = currencyDigits(invoice.currency);
  const amount = (minor: number) => `${formatMinor(minor, digits)} ${invoice.currency}`;
  const when = (date: Date | null | undefined) => (date ? DateTime.fromJSDate(date, { zone: timezone }).toFormat('yyyy-MM-dd HH:mm') : '-');
  const appointment = invoice.appointment;
  const doctor = appointment.doctor;

  const doc = new (pdfKit())({ size: 'A4', margin: 50, info: { Title: `Invoice ${invoice.number}`, Author: hospitalName } });
  doc.pipe(out);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(18).text(hospitalName);
  doc.font('Helvetica').fontSize(13).fillColor('#444').text(`Invoice ${invoice.number}`);
  doc.moveDown(0.5).fillColor('black').fontSize(10);
  const field = (label: string, value: string) => doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  field('Status', invoice.status);
  field('Issued', when(invoice.issuedAt));
  field('Patient', `${invoice.patient.fullName} (${invoice.patient.medicalRecordNumber})`);
  field('Doctor', `${doctor.fullName}, ${doctor.department.name}`);
  field('Visit', `${when(appointment.startsAt)} (${timezone})`);
  if (invoice.status === InvoiceStatus.VOID) field('Voided', `${when(invoice.voidedAt)}: ${invoice.voidReason ?? ''}`);
  if (invoice.status === InvoiceStatus.PAID) field('Paid in full', when(invoice.paidAt));
  doc.moveDown();

  // Lines: description | qty | unit price | amount
  const cols = [left, left + width * 0.55, left + width * 0.65, left + width * 0.82];
  const colWidths = [width * 0.53, width * 0.1, width * 0.17, width * 0.18];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    let bottom = y;
    cells.forEach((text, i) => {
      doc.text(text, cols[i], y, { width: colWidths[i], align: i === 0 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = left;
    doc.y = bottom + 4;
  };
  row(['Description', 'Qty', 'Unit price', 'Amount'], true);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor('#999').stroke();
  doc.moveDown(0.3);
  for (const line of invoice.lines.getItems()) {
    row([`${line.description} (${line.kind})`, String(line.quantity), formatMinor(line.unitPriceMinor, digits), formatMinor(line.quantity * line.unitPriceMinor, digits)]);
  }
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor('#999').stroke();
  doc.moveDown(0.3);
  const balance = invoice.status === InvoiceStatus.VOID ? 0 : invoice.totalMinor - invoice.paidMinor;
  row(['Total', '', '', amount(invoice.totalMinor)], true);
  row(['Paid', '', '', amount(invoice.paidMinor)]);
  row(['Balance due', '', '', amount(balance)], true);

  const payments = invoice.payments.getItems();
  if (payments.length) {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text('Payments', left);
    doc.moveDown(0.3);
    for (const p of payments) {
      const what = p.amountMinor < 0 ? `Refund (${p.method})${p.reason ? `: ${p.reason}` : ''}` : `${p.method}${p.reference ? ` ref ${p.reference}` : ''}`;
      row([`${when(p.createdAt)}  ${what}`, '', '', amount(p.amountMinor)]);
    }
  }
  doc.end();
}
