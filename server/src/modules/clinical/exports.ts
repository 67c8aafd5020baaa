import { Role } from '../identity/user.entity';
import { requestIdOf } from '../../request-id';
import { clientIpOf } from '../../client-ip';
import { stringify } from 'csv-stringify';
import type { Express, Request, Response } from 'express';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { buildContext, type AppDeps, type Context } from '../../context';
import { recordRefusals } from '../audit/refusals';
import { HmsError } from '../../errors';
import { logger } from '../../logger';
import { clock } from '../../clock';
import { createPdf } from '../../shared/pdf';
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
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf');
    if (format === 'csv') writeHistoryCsv(deps, history.entries, res, ctx.viewer?.role === Role.DOCTOR);
    else writeHistoryPdf(deps, history.patient, history.entries, res);
  } catch (error) {
    // Headers may be out already: log and cut the response rather than send a half file as complete.
    logger.error(`history export stream failed (request ${requestId})`, error);
    res.destroy();
  }
}

function visitDay(deps: Pick<AppDeps, 'config'>, entry: HistoryEntry): string {
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

/** The history as CSV into `out` (also used by the export jobs of reports/export-jobs.ts); only a clinician's carries private notes. */
export function writeHistoryCsv(deps: Pick<AppDeps, 'config'>, entries: HistoryEntry[], out: NodeJS.WritableStream, clinician = false): void {
  const csv = stringify({ header: true, columns: clinician ? [...CSV_COLUMNS, CSV_PRIVATE_COLUMN] : CSV_COLUMNS, bom: true });
  csv.pipe(out);
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

const VISIT_TYPE_LABEL: Record<string, string> = {
  CONSULTATION: 'Consultation', FOLLOW_UP: 'Follow-up', EMERGENCY: 'Emergency', PROCEDURE: 'Procedure',
};

/** The history as PDF into `out` (also used by the export jobs of reports/export-jobs.ts). */
export function writeHistoryPdf(deps: Pick<AppDeps, 'config'>, patient: Patient, entries: HistoryEntry[], out: NodeJS.WritableStream): void {
  // Noto fonts with per-run fallback (shared/pdf.ts): names, diagnoses and medicines in any script print as themselves.
  const doc = createPdf({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: `Medical history of ${patient.fullName}`, Author: deps.config.hospitalName, Subject: 'Medical history' },
  });
  doc.pipe(out);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const generated = DateTime.fromJSDate(clock.now(), { zone: deps.config.timezone }).toFormat('yyyy-MM-dd HH:mm ZZZZ');

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
      doc.font('Regular').fontSize(10);
      for (const m of c.medicines) doc.text(`\u2022 ${medicineLine(m)}`, { width, indent: 6 });
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
