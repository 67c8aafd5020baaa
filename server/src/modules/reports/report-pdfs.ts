import { DateTime } from 'luxon';
import { clock } from '../../clock';
import type { Config } from '../../config';
import { createPdf, pdfBuffer } from '../../shared/pdf';
import type { Dashboard, DoctorMonthlyReport, Figures } from './reports.types';

const STATUS_LABEL: Record<string, string> = {
  SCHEDULED: 'Scheduled', CHECKED_IN: 'Checked in', COMPLETED: 'Completed', CANCELLED: 'Cancelled', NO_SHOW: 'No-show',
};

const monthTitle = (month: string) => DateTime.fromISO(`${month}-01`).toFormat('LLLL yyyy');

/** A document with the hospital's heading, a title and the "generated" line. */
function reportDocument(config: Pick<Config, 'hospitalName' | 'timezone'>, title: string, subtitle: string) {
  const doc = createPdf({ size: 'A4', margin: 50, bufferPages: true, info: { Title: `${title} - ${subtitle}`, Author: config.hospitalName } });
  const done = pdfBuffer(doc);
  doc.font('Bold').fontSize(18).text(config.hospitalName);
  doc.font('Regular').fontSize(13).fillColor('#444').text(title);
  doc.fontSize(10).text(subtitle);
  const generated = DateTime.fromJSDate(clock.now(), { zone: config.timezone }).toFormat('yyyy-MM-dd HH:mm ZZZZ');
  doc.text(`Generated ${generated}`);
  doc.fillColor('black').moveDown();
  return { doc, done };
}

type Doc = PDFKit.PDFDocument;

/** A table with a bold header row; the first column left, the others right-aligned; new pages as needed. */
function table(doc: Doc, header: string[], rows: Array<Array<string | number>>, firstShare = 0.4): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rest = (1 - firstShare) / Math.max(1, header.length - 1);
  const widths = header.map((_, i) => width * (i === 0 ? firstShare : rest));
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const row = (cells: Array<string | number>, bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    let bottom = y;
    doc.font(bold ? 'Bold' : 'Regular').fontSize(9);
    cells.forEach((cell, i) => {
      doc.text(String(cell), xs[i], y, { width: widths[i] - 4, align: i === 0 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = left;
    doc.y = bottom + 3;
  };
  row(header, true);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor('#999').stroke();
  doc.moveDown(0.2);
  for (const cells of rows) row(cells, false);
  doc.moveDown();
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.font('Bold').fontSize(12).text(text, doc.page.margins.left);
  doc.moveDown(0.3);
}

function footers(doc: Doc, label: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('Regular').fontSize(8).fillColor('#777')
      .text(`${label} - page ${i + 1} of ${range.count}`, doc.page.margins.left, doc.page.height - 36, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The doctor's monthly report as a PDF: counts only, no clinical free text. */
export async function doctorMonthlyPdf(config: Pick<Config, 'hospitalName' | 'timezone'>, r: DoctorMonthlyReport): Promise<Buffer> {
  const { doc, done } = reportDocument(config, `Monthly report: ${r.doctorName}`, `${monthTitle(r.month)} (${r.from} to ${r.to}, ${r.timezone}) - ${r.departmentName}`);
  heading(doc, 'Summary');
  table(doc, ['Measure', 'Count'], [
    ['Visits', r.visits],
    ['Patients seen (checked in or completed)', r.patientsSeen],
    ['No-shows', r.noShows],
    ['Follow-ups due this month', r.followUpsDue],
    ['Follow-ups due next month', r.followUpsDueNextMonth],
  ], 0.7);
  heading(doc, 'Visits by status');
  table(doc, ['Status', 'Visits'], r.visitsByStatus.map((s) => [STATUS_LABEL[s.status] ?? s.status, s.count]), 0.7);
  heading(doc, 'Visits by ICD-10 code');
  if (r.byIcdCode.length === 0 && r.uncodedVisits === 0) doc.font('Regular').fontSize(10).text('No treatment entries this month.').moveDown();
  else table(doc, ['ICD-10 code', 'Visits'], [...r.byIcdCode.map((c) => [c.code, c.visits]), ...(r.uncodedVisits ? [['No code', r.uncodedVisits]] : [])], 0.7);
  footers(doc, `${r.doctorName} - ${r.month}`);
  doc.end();
  return done;
}

const FIGURES: Array<[string, (f: Figures) => string | number]> = [
  ['Visits', (f) => f.appointments], ['Completed', (f) => f.completed], ['Cancelled', (f) => f.cancelled], ['No-show', (f) => f.noShow],
  ['Patients', (f) => f.patients], ['Invoiced', (f) => f.invoiced.amount], ['Collected', (f) => f.collected.amount], ['Outstanding', (f) => f.outstanding.amount],
];

/** The hospital's monthly report as a PDF (the dashboard of the month): totals, departments, doctors. */
export async function hospitalMonthlyPdf(config: Pick<Config, 'hospitalName' | 'timezone'>, month: string, d: Dashboard): Promise<Buffer> {
  const { doc, done } = reportDocument(config, 'Monthly hospital report', `${monthTitle(month)} (${d.from} to ${d.to}, ${d.timezone}); amounts in ${d.currency}`);
  const t = d.totals;
  heading(doc, 'Totals');
  table(doc, ['Measure', 'Value'], [
    ...FIGURES.map(([name, get]): [string, string | number] => [name, get(t)]),
    ['Invoices issued', t.invoiceCount], ['New patients', t.newPatients], ['Active doctors', t.doctors],
    ...t.appointmentsByStatus.map((s): [string, number] => [`Visits ${STATUS_LABEL[s.status]?.toLowerCase() ?? s.status}`, s.count]),
  ], 0.6);
  heading(doc, 'Departments');
  table(doc, ['Department', ...FIGURES.map(([n]) => n)], d.byDepartment.map((r) => [r.departmentName, ...FIGURES.map(([, get]) => get(r))]), 0.2);
  heading(doc, 'Doctors');
  table(doc, ['Doctor', ...FIGURES.map(([n]) => n)], d.byDoctor.map((r) => [r.doctorName, ...FIGURES.map(([, get]) => get(r))]), 0.2);
  footers(doc, `Monthly hospital report ${month}`);
  doc.end();
  return done;
}
