import { Role } from '../identity/user.entity';
import { requestIdOf } from '../../request-id';
import { clientIpOf } from '../../client-ip';
import { stringify } from 'csv-stringify';
import type { Express, Request, Response } from 'express';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { buildContext, type AppDeps, type Context } from '../../context';
import { recordRefusals } from '../audit/refusals';
import { HmsError } from '../../errors';
import { logger } from '../../logger';
import { spreadsheetCell } from '../../shared/spreadsheet';
import { parseId } from '../../shared/validation';
import type { Patient } from '../directory/patient.entity';
import { ClinicalService, type HistoryEntry } from './clinical.service';
import type { Medicine } from './clinical.types';

/**
 * Downloads of a patient's history, behind the same rule as patientHistory
 * (the patient, or a doctor in their care; never admins), each download recorded:
 *   GET /exports/patients/:id/history.csv
 *   GET /exports/patients/:id/history.pdf
 * with `Authorization: Bearer <token>`. Errors are JSON `{ error: { code, message } }`
 * with 400/401/403/404, like the GraphQL codes.
 */
export function registerClinicalExports(app: Express, deps: AppDeps): void {
  app.get('/exports/patients/:id/history.csv', (req, res) => void exportHistory(deps, req, res, 'csv'));
  app.get('/exports/patients/:id/history.pdf', (req, res) => void exportHistory(deps, req, res, 'pdf'));
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

async function exportHistory(deps: AppDeps, req: Request, res: Response, format: 'csv' | 'pdf'): Promise<void> {
  const requestId = requestIdOf(req);
  let history: { patient: Patient; entries: HistoryEntry[] };
  let ctx: Context | null = null;
  try {
    ctx = await buildContext(deps, req.headers.authorization, requestId, clientIpOf(req, deps.config.trustProxy));
    if (!ctx.viewer) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: ctx.tokenError ?? 'Sign in first' } });
      return;
    }
    history = await new ClinicalService(ctx).historyForExport(parseId(String(req.params.id), 'patientId'), format);
  } catch (error) {
    if (error instanceof HmsError) {
      const code = String(error.extensions.code);
      if (ctx) await recordRefusals(ctx, `history.${format}`, [error]);
      res.status(STATUS[code] ?? 400).json({ error: { code, message: error.message } });
      return;
    }
    const errorId = randomUUID();
    logger.error(`history export failed ${errorId} (request ${requestId})`, error);
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: `Internal error (id ${errorId})`, errorId } });
    return;
  }

  const fileName = `medical-history-${history.patient.medicalRecordNumber}.${format}`;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    if (format === 'csv') writeCsv(deps, history.entries, res, ctx.viewer?.role === Role.DOCTOR);
    else writePdf(deps, history.patient, history.entries, res);
  } catch (error) {
    // Headers may be out already: log and cut the response rather than send a half file as complete.
    logger.error(`history export stream failed (request ${requestId})`, error);
    res.destroy();
  }
}

function visitDay(deps: AppDeps, entry: HistoryEntry): string {
  return DateTime.fromJSDate(entry.appointment.startsAt, { zone: deps.config.timezone }).toFormat('yyyy-MM-dd HH:mm');
}

export function medicineLine(m: Medicine): string {
  const parts = [m.name, m.dose, m.frequency, m.duration].filter(Boolean).join(', ');
  return m.instructions ? `${parts} (${m.instructions})` : parts;
}

function cell(value: string | null | undefined): string {
  return value ? spreadsheetCell(value) : '';
}

const CSV_COLUMNS = [
  'Visit', 'Recorded at', 'Doctor', 'Department', 'Visit type', 'Diagnosis', 'ICD-10', 'Prescription',
  'Medicines', 'Tests ordered', 'Precautions', 'Notes for the patient', 'Follow-up date',
];
/** Only a clinician's export carries the private clinical notes. */
const CSV_PRIVATE_COLUMN = 'Private clinical notes';

function writeCsv(deps: AppDeps, entries: HistoryEntry[], res: Response, clinician: boolean): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  const csv = stringify({ header: true, columns: clinician ? [...CSV_COLUMNS, CSV_PRIVATE_COLUMN] : CSV_COLUMNS, bom: true });
  csv.pipe(res);
  for (const entry of entries) {
    const c = entry.content;
    csv.write([
      visitDay(deps, entry),
      entry.treatment.createdAt.toISOString(),
      cell(entry.doctor.fullName),
      cell(entry.department.name),
      c.visitType,
      cell(c.diagnosis),
      cell(c.icdCode),
      cell(c.prescription),
      cell(c.medicines.map(medicineLine).join('; ')),
      cell(c.testsOrdered),
      cell(c.precautions),
      cell(c.patientNotes),
      c.followUpDate ?? '',
      ...(clinician ? [cell(c.notes)] : []),
    ]);
  }
  csv.end();
}

/**
 * PDF fonts. The built-in Helvetica only has the Windows-1252 characters, so a
 * Cyrillic or Greek name would come out as garbage: use a Unicode TrueType
 * family when the machine has one (Debian's fonts-dejavu-core, which chromium
 * pulls in), else Helvetica with unprintable characters shown as "?".
 */
const FONT_FAMILIES = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf'],
];
let unicodeFonts: string[] | null | undefined;
function findUnicodeFonts(): string[] | null {
  if (unicodeFonts === undefined) unicodeFonts = FONT_FAMILIES.find((family) => family.every((file) => existsSync(file))) ?? null;
  return unicodeFonts;
}
// Printable ASCII, Latin-1 and the extra Windows-1252 characters Helvetica has.
const NOT_WIN_ANSI = /[^\n\x20-\x7e\xa0-\xff\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/gu;

const VISIT_TYPE_LABEL: Record<string, string> = {
  CONSULTATION: 'Consultation', FOLLOW_UP: 'Follow-up', EMERGENCY: 'Emergency', PROCEDURE: 'Procedure',
};

function writePdf(deps: AppDeps, patient: Patient, entries: HistoryEntry[], res: Response): void {
  res.setHeader('Content-Type', 'application/pdf');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: `Medical history of ${patient.fullName}`, Author: deps.config.hospitalName, Subject: 'Medical history' },
  });
  const fonts = findUnicodeFonts();
  const clean = (value: string) => (fonts ? value : value.replace(NOT_WIN_ANSI, '?'));
  if (fonts) {
    doc.registerFont('Regular', fonts[0]);
    doc.registerFont('Bold', fonts[1]);
    doc.registerFont('Italic', fonts[2]);
  } else {
    doc.registerFont('Regular', 'Helvetica');
    doc.registerFont('Bold', 'Helvetica-Bold');
    doc.registerFont('Italic', 'Helvetica-Oblique');
    // Every text call goes through here: "?" beats a wrong glyph in a medical record.
    const text = doc.text.bind(doc);
    doc.text = ((value: unknown, ...rest: unknown[]) =>
      (text as (...args: unknown[]) => PDFKit.PDFDocument)(typeof value === 'string' ? clean(value) : value, ...rest)) as typeof doc.text;
  }
  doc.pipe(res);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const generated = DateTime.now().setZone(deps.config.timezone).toFormat('yyyy-MM-dd HH:mm ZZZZ');

  doc.font('Bold').fontSize(18).text(deps.config.hospitalName);
  doc.font('Regular').fontSize(13).fillColor('#444').text('Medical history');
  doc.moveDown(0.5);
  doc.fillColor('black').fontSize(10);
  doc.font('Bold').text('Patient: ', { continued: true }).font('Regular').text(patient.fullName);
  doc.font('Bold').text('Medical record number: ', { continued: true }).font('Regular').text(patient.medicalRecordNumber);
  if (patient.dateOfBirth) doc.font('Bold').text('Date of birth: ', { continued: true }).font('Regular').text(patient.dateOfBirth);
  doc.font('Bold').text('Generated: ', { continued: true }).font('Regular').text(generated);
  doc.font('Bold').text('Entries: ', { continued: true }).font('Regular').text(String(entries.length));
  doc.moveDown(0.5);
  doc.moveTo(doc.page.margins.left, doc.y).lineTo(doc.page.margins.left + width, doc.y).strokeColor('#999').stroke();
  doc.moveDown();

  if (entries.length === 0) doc.font('Italic').fontSize(11).text('No treatment entries recorded.');

  entries.forEach((entry, index) => {
    const c = entry.content;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
    doc.font('Bold').fontSize(12).fillColor('black')
      .text(`${index + 1}. ${visitDay(deps, entry)}  ${VISIT_TYPE_LABEL[c.visitType] ?? c.visitType}`);
    doc.font('Regular').fontSize(10).fillColor('#444').text(`${entry.doctor.fullName}, ${entry.department.name}`);
    doc.fillColor('black').moveDown(0.3);
    const field = (label: string, value: string | null) => {
      if (!value) return;
      doc.font('Bold').fontSize(10).text(label);
      doc.font('Regular').fontSize(10).text(value, { width });
      doc.moveDown(0.3);
    };
    field('Diagnosis', c.icdCode ? `${c.diagnosis} (ICD-10 ${c.icdCode})` : c.diagnosis);
    field('Prescription', c.prescription);
    if (c.medicines.length) {
      doc.font('Bold').fontSize(10).text('Medicines');
      doc.font('Regular').fontSize(10).list(c.medicines.map((m) => clean(medicineLine(m))), { width, bulletRadius: 1.5 });
      doc.moveDown(0.3);
    }
    field('Tests ordered', c.testsOrdered);
    field('Precautions', c.precautions);
    field('Notes for the patient', c.patientNotes);
    // content() already leaves private notes out for a patient; say what they are for a clinician.
    field('Private clinical notes', c.notes);
    field('Follow-up', c.followUpDate);
    doc.moveDown(0.5);
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Regular').fontSize(8).fillColor('#777').text(
      `Confidential medical record - ${patient.medicalRecordNumber} - page ${i + 1} of ${range.count}`,
      doc.page.margins.left,
      doc.page.height - 36,
      { width, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}
