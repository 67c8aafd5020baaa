import { DateTime } from 'luxon';
import { clock } from '../../clock';
import type { Config } from '../../config';
import { speech, type Speech } from '../../shared/i18n';
import { createPdf, pdfBuffer } from '../../shared/pdf';
import type { Dashboard, DoctorMonthlyReport, Figures } from './reports.types';

const statusLabel = (t: Speech['t']): Record<string, string> => ({
  SCHEDULED: t('Scheduled'), CHECKED_IN: t('Checked in'), COMPLETED: t('Completed'), CANCELLED: t('Cancelled'), NO_SHOW: t('No-show'),
});
/** "Visits completed": the English lower-cases the status, other languages have a sentence of their own. */
const visitsWithStatus = (t: Speech['t']): Record<string, string> => ({
  SCHEDULED: t('Visits scheduled'), CHECKED_IN: t('Visits checked in'), COMPLETED: t('Visits completed'), CANCELLED: t('Visits cancelled'), NO_SHOW: t('Visits no-show'),
});

/** A document with the hospital's heading, a title and the "generated" line. */
function reportDocument(config: Pick<Config, 'hospitalName' | 'timezone'>, title: string, subtitle: string, words: Speech) {
  const doc = createPdf({ size: 'A4', margin: 50, bufferPages: true, info: { Title: `${title} - ${subtitle}`, Author: config.hospitalName } });
  const done = pdfBuffer(doc);
  doc.font('Bold').fontSize(18).text(config.hospitalName);
  doc.font('Regular').fontSize(13).fillColor('#444').text(title);
  doc.fontSize(10).text(subtitle);
  const generated = words.lang === 'en'
    ? DateTime.fromJSDate(clock.now(), { zone: config.timezone }).toFormat('yyyy-MM-dd HH:mm ZZZZ')
    : `${words.dateTime(clock.now(), config.timezone)} (${config.timezone})`;
  doc.text(words.t('Generated {{at}}', { at: generated }));
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

function footers(doc: Doc, label: string, words: Speech): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('Regular').fontSize(8).fillColor('#777')
      .text(words.t('{{label}} - page {{page}} of {{pages}}', { label, page: i + 1, pages: range.count }), doc.page.margins.left, doc.page.height - 36, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The doctor's monthly report as a PDF: counts only, no clinical free text. */
export async function doctorMonthlyPdf(config: Pick<Config, 'hospitalName' | 'timezone'>, r: DoctorMonthlyReport, words: Speech = speech('en')): Promise<Buffer> {
  const { t } = words;
  const n = (value: number) => words.number(value);
  const { doc, done } = reportDocument(config, t('Monthly report: {{name}}', { name: r.doctorName }),
    t('{{month}} ({{from}} to {{to}}, {{zone}}) - {{department}}', { month: words.month(r.month), from: words.date(r.from), to: words.date(r.to), zone: r.timezone, department: r.departmentName }), words);
  heading(doc, t('Summary'));
  table(doc, [t('Measure'), t('Count')], [
    [t('Visits'), n(r.visits)],
    [t('Patients seen (checked in or completed)'), n(r.patientsSeen)],
    [t('No-shows'), n(r.noShows)],
    [t('Follow-ups due this month'), n(r.followUpsDue)],
    [t('Follow-ups due next month'), n(r.followUpsDueNextMonth)],
  ], 0.7);
  heading(doc, t('Visits by status'));
  table(doc, [t('Status'), t('Visits')], r.visitsByStatus.map((s) => [statusLabel(t)[s.status] ?? s.status, n(s.count)]), 0.7);
  heading(doc, t('Visits by ICD-10 code'));
  if (r.byIcdCode.length === 0 && r.uncodedVisits === 0) doc.font('Regular').fontSize(10).text(t('No treatment entries this month.')).moveDown();
  else table(doc, [t('ICD-10 code'), t('Visits')], [...r.byIcdCode.map((c) => [c.code, n(c.visits)]), ...(r.uncodedVisits ? [[t('No code'), n(r.uncodedVisits)]] : [])], 0.7);
  footers(doc, `${r.doctorName} - ${r.month}`, words);
  doc.end();
  return done;
}

const figures = (t: Speech['t']): Array<[string, (f: Figures) => string | number]> => [
  [t('Visits'), (f) => f.appointments], [t('Completed'), (f) => f.completed], [t('Cancelled'), (f) => f.cancelled], [t('No-show'), (f) => f.noShow],
  [t('Patients'), (f) => f.patients], [t('Invoiced'), (f) => f.invoiced.amount], [t('Collected'), (f) => f.collected.amount], [t('Outstanding'), (f) => f.outstanding.amount],
];

/** The hospital's monthly report as a PDF (the dashboard of the month): totals, departments, doctors. */
export async function hospitalMonthlyPdf(config: Pick<Config, 'hospitalName' | 'timezone'>, month: string, d: Dashboard, words: Speech = speech('en')): Promise<Buffer> {
  const { t } = words;
  const n = (value: string | number) => words.number(value);
  const FIGURES = figures(t);
  const { doc, done } = reportDocument(config, t('Monthly hospital report'),
    t('{{month}} ({{from}} to {{to}}, {{zone}}); amounts in {{currency}}', { month: words.month(month), from: words.date(d.from), to: words.date(d.to), zone: d.timezone, currency: d.currency }), words);
  const totals = d.totals;
  heading(doc, t('Totals'));
  table(doc, [t('Measure'), t('Value')], [
    ...FIGURES.map(([name, get]): [string, string | number] => [name, n(get(totals))]),
    [t('Invoices issued'), n(totals.invoiceCount)], [t('New patients'), n(totals.newPatients)], [t('Active doctors'), n(totals.doctors)],
    ...totals.appointmentsByStatus.map((s): [string, string] => [visitsWithStatus(t)[s.status] ?? s.status, n(s.count)]),
  ], 0.6);
  heading(doc, t('Departments'));
  table(doc, [t('Department'), ...FIGURES.map(([name]) => name)], d.byDepartment.map((r) => [r.departmentName, ...FIGURES.map(([, get]) => n(get(r)))]), 0.2);
  heading(doc, t('Doctors'));
  table(doc, [t('Doctor'), ...FIGURES.map(([name]) => name)], d.byDoctor.map((r) => [r.doctorName, ...FIGURES.map(([, get]) => n(get(r)))]), 0.2);
  footers(doc, t('Monthly hospital report {{month}}', { month }), words);
  doc.end();
  return done;
}
