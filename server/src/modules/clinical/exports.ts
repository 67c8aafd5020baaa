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
import { attachment, requestLanguage, speech, type Speech } from '../../shared/i18n';
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

  const words = speech(requestLanguage(req));
  const mrn = history.patient.medicalRecordNumber;
  const localName = `${words.t('medical-history')}-${mrn}.${format}`;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Disposition', attachment(`medical-history-${mrn}.${format}`, localName));
  res.setHeader('Content-Language', words.lang);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf');
    if (format === 'csv') writeHistoryCsv(deps, history.entries, res, ctx.viewer?.role === Role.DOCTOR, words);
    else writeHistoryPdf(deps, history.patient, history.entries, res, words);
  } catch (error) {
    // Headers may be out already: log and cut the response rather than send a half file as complete.
    logger.error(`history export stream failed (request ${requestId})`, error);
    res.destroy();
  }
}

function visitDay(deps: Pick<AppDeps, 'config'>, entry: HistoryEntry, words: Speech): string {
  return words.dateTime(entry.appointment.startsAt, deps.config.timezone);
}

export function medicineLine(m: Medicine): string {
  const parts = [m.name, m.dose, m.frequency, m.duration].filter(Boolean).join(', ');
  return m.instructions ? `${parts} (${m.instructions})` : parts;
}

function cell(value: string | null | undefined): string {
  return value ? spreadsheetCell(value) : '';
}

const csvColumns = (t: Speech['t']) => [
  t('Visit'), t('Recorded at'), t('Doctor'), t('Department'), t('Visit type'), t('Diagnosis'), t('ICD-10'), t('Prescription'),
  t('Medicines'), t('Tests ordered'), t('Precautions'), t('Notes for the patient'), t('Follow-up date'),
];

/** The history as CSV into `out` (also used by the export jobs of reports/export-jobs.ts); only a clinician's carries private notes. */
export function writeHistoryCsv(deps: Pick<AppDeps, 'config'>, entries: HistoryEntry[], out: NodeJS.WritableStream, clinician = false, words: Speech = speech('en')): void {
  const { t } = words;
  // Only a clinician's export carries the private clinical notes.
  const columns = clinician ? [...csvColumns(t), t('Private clinical notes')] : csvColumns(t);
  const csv = stringify({ header: true, columns, bom: true });
  csv.pipe(out);
  for (const entry of entries) {
    const c = entry.content;
    csv.write([
      visitDay(deps, entry, words),
      entry.treatment.createdAt.toISOString(),
      cell(entry.doctor.fullName),
      cell(entry.department.name),
      words.lang === 'en' ? c.visitType : visitTypeLabel(t)[c.visitType] ?? c.visitType,
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

const visitTypeLabel = (t: Speech['t']): Record<string, string> => ({
  CONSULTATION: t('Consultation'), FOLLOW_UP: t('Follow-up'), EMERGENCY: t('Emergency'), PROCEDURE: t('Procedure'),
});

/** The history as PDF into `out` (also used by the export jobs of reports/export-jobs.ts). */
export function writeHistoryPdf(deps: Pick<AppDeps, 'config'>, patient: Patient, entries: HistoryEntry[], out: NodeJS.WritableStream, words: Speech = speech('en')): void {
  const { t } = words;
  // Noto fonts with per-run fallback (shared/pdf.ts): names, diagnoses and medicines in any script print as themselves.
  const doc = createPdf({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: t('Medical history of {{name}}', { name: patient.fullName }), Author: deps.config.hospitalName, Subject: t('Medical history') },
  });
  doc.pipe(out);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const generated = words.lang === 'en'
    ? DateTime.fromJSDate(clock.now(), { zone: deps.config.timezone }).toFormat('yyyy-MM-dd HH:mm ZZZZ')
    : `${words.dateTime(clock.now(), deps.config.timezone)} (${deps.config.timezone})`;

  doc.font('Bold').fontSize(18).text(deps.config.hospitalName);
  doc.font('Regular').fontSize(13).fillColor('#444').text(t('Medical history'));
  doc.moveDown(0.5);
  doc.fillColor('black').fontSize(10);
  const line = (label: string, value: string) => doc.font('Bold').text(`${label}: `, { continued: true }).font('Regular').text(value);
  line(t('Patient'), patient.fullName);
  line(t('Medical record number'), patient.medicalRecordNumber);
  if (patient.dateOfBirth) line(t('Date of birth'), words.date(patient.dateOfBirth));
  line(t('Generated'), generated);
  line(t('Entries'), words.number(entries.length));
  doc.moveDown(0.5);
  doc.moveTo(doc.page.margins.left, doc.y).lineTo(doc.page.margins.left + width, doc.y).strokeColor('#999').stroke();
  doc.moveDown();

  if (entries.length === 0) doc.font('Italic').fontSize(11).text(t('No treatment entries recorded.'));

  entries.forEach((entry, index) => {
    const c = entry.content;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
    doc.font('Bold').fontSize(12).fillColor('black')
      .text(`${index + 1}. ${visitDay(deps, entry, words)}  ${visitTypeLabel(t)[c.visitType] ?? c.visitType}`);
    doc.font('Regular').fontSize(10).fillColor('#444').text(`${entry.doctor.fullName}, ${entry.department.name}`);
    doc.fillColor('black').moveDown(0.3);
    const field = (label: string, value: string | null) => {
      if (!value) return;
      doc.font('Bold').fontSize(10).text(label);
      doc.font('Regular').fontSize(10).text(value, { width });
      doc.moveDown(0.3);
    };
    field(t('Diagnosis'), c.icdCode ? `${c.diagnosis} (ICD-10 ${c.icdCode})` : c.diagnosis);
    field(t('Prescription'), c.prescription);
    if (c.medicines.length) {
      doc.font('Bold').fontSize(10).text(t('Medicines'));
      doc.font('Regular').fontSize(10);
      for (const m of c.medicines) doc.text(`\u2022 ${medicineLine(m)}`, { width, indent: 6 });
      doc.moveDown(0.3);
    }
    field(t('Tests ordered'), c.testsOrdered);
    field(t('Precautions'), c.precautions);
    field(t('Notes for the patient'), c.patientNotes);
    // content() already leaves private notes out for a patient; say what they are for a clinician.
    field(t('Private clinical notes'), c.notes);
    field(t('Follow-up'), c.followUpDate ? words.date(c.followUpDate) : null);
    doc.moveDown(0.5);
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Regular').fontSize(8).fillColor('#777').text(
      t('Confidential medical record - {{number}} - page {{page}} of {{pages}}', { number: patient.medicalRecordNumber, page: i + 1, pages: range.count }),
      doc.page.margins.left,
      doc.page.height - 36,
      { width, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}
