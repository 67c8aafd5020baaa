import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';

// exceljs (~28 MB resident) loads with the first spreadsheet, not at start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;
import { spreadsheetCell } from '../../shared/spreadsheet';
import { attachment, requestLanguage, speech, type Speech } from '../../shared/i18n';
import type { Express, Request } from 'express';
import type { AppDeps } from '../../context';
import { withViewer } from '../billing/exports';
import { Role } from '../identity/user.entity';
import { ForbiddenError } from '../../errors';
import { DoctorReportService } from './doctor-report.service';
import { registerExportJobDownloads } from './export-jobs';
import { hospitalMonth } from './hospital-days';
import { doctorMonthlyPdf, hospitalMonthlyPdf } from './report-pdfs';
import { ReportsService, type DashboardArgs } from './reports.service';
import type { Dashboard, Figures } from './reports.types';

/**
 * The dashboard's figures as files, ADMIN only (same arguments as the
 * `dashboard` query, as query parameters):
 *   GET /exports/reports/dashboard.csv?from=YYYY-MM-DD&to=YYYY-MM-DD[&departmentId=][&doctorId=]
 *   GET /exports/reports/dashboard.xlsx?...   (sheets Totals, Daily, Doctors, Departments)
 *   GET /exports/reports/monthly.pdf?month=YYYY-MM      the hospital's monthly report (the dashboard of the month)
 *   GET /exports/reports/monthly.xlsx?month=YYYY-MM     the same as a workbook
 * and, DOCTOR (own) or ADMIN (`&doctorId=` required):
 *   GET /exports/reports/doctor-monthly.pdf?month=YYYY-MM[&doctorId=]
 * with `Authorization: Bearer <token>`. Export jobs' files: see export-jobs.ts.
 */
export function registerReportExports(app: Express, deps: AppDeps): void {
  registerExportJobDownloads(app, deps);
  app.get('/exports/reports/doctor-monthly.pdf', (req, res) => void withViewer(deps, req, res, async (ctx) => {
    const report = await new DoctorReportService(ctx).monthly(param(req, 'month') ?? '', param(req, 'doctorId'));
    const words = speech(requestLanguage(req));
    const pdf = await doctorMonthlyPdf(deps.config, report, words);
    return () => {
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', attachment(`monthly-report-${report.month}-doctor-${report.doctorId}.pdf`,
        `${words.t('monthly-report')}-${report.month}-${words.t('doctor')}-${report.doctorId}.pdf`));
      res.setHeader('Content-Language', words.lang);
      res.send(pdf);
    };
  }));
  app.get('/exports/reports/monthly.:format', (req, res) => void withViewer(deps, req, res, async (ctx) => {
    const format = String(req.params.format);
    if (format !== 'pdf' && format !== 'xlsx') return () => { res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found' } }); };
    if (ctx.viewer?.role !== Role.ADMIN) throw new ForbiddenError('Only admins see the hospital\'s figures');
    const month = hospitalMonth(param(req, 'month') ?? '', deps.config.timezone);
    const dashboard = await new ReportsService(ctx).dashboard({ from: month.from, to: month.to });
    const words = speech(requestLanguage(req));
    const file = format === 'pdf'
      ? await hospitalMonthlyPdf(deps.config, month.month, dashboard, words)
      : Buffer.from((await toXlsx(dashboard, words).xlsx.writeBuffer()) as ArrayBuffer);
    return () => {
      res.setHeader('Content-Type', format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', attachment(`hospital-report-${month.month}.${format}`, `${words.t('hospital-report')}-${month.month}.${format}`));
      res.setHeader('Content-Language', words.lang);
      res.send(file);
    };
  }));
  app.get('/exports/reports/dashboard.csv', (req, res) => void withViewer(deps, req, res, async (ctx) => {
    const dashboard = await new ReportsService(ctx).dashboard(args(req));
    const words = speech(requestLanguage(req));
    return () => {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', attachment(`${fileName(dashboard)}.csv`, `${fileName(dashboard, words)}.csv`));
      res.setHeader('Content-Language', words.lang);
      res.send(toCsv(dashboard, words));
    };
  }));
  app.get('/exports/reports/dashboard.xlsx', (req, res) => void withViewer(deps, req, res, async (ctx) => {
    const dashboard = await new ReportsService(ctx).dashboard(args(req));
    const words = speech(requestLanguage(req));
    return async () => {
      const buffer = await toXlsx(dashboard, words).xlsx.writeBuffer();
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', attachment(`${fileName(dashboard)}.xlsx`, `${fileName(dashboard, words)}.xlsx`));
      res.setHeader('Content-Language', words.lang);
      res.send(Buffer.from(buffer as ArrayBuffer));
    };
  }));
}

function param(req: Request, name: string): string | null {
  return typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : null;
}

function args(req: Request): DashboardArgs {
  const param = (name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : null);
  return { from: param('from') ?? '', to: param('to') ?? '', departmentId: param('departmentId'), doctorId: param('doctorId') };
}

const fileName = (d: Dashboard, words?: Speech) => `${words ? words.t('hms-dashboard') : 'hms-dashboard'}-${d.from}-${words ? words.t('to') : 'to'}-${d.to}`;

/**
 * The columns every table shares, in order; money as decimal strings (exact). The English
 * headers are the column names integrators read; other languages get their words.
 */
const figureColumns = (t: Speech['t']): Array<[string, (f: Figures) => string | number]> => [
  [t('appointments'), (f) => f.appointments],
  [t('completed'), (f) => f.completed],
  [t('cancelled'), (f) => f.cancelled],
  [t('no_show'), (f) => f.noShow],
  [t('patients'), (f) => f.patients],
  [t('invoices'), (f) => f.invoiceCount],
  [t('invoiced'), (f) => f.invoiced.amount],
  [t('collected'), (f) => f.collected.amount],
  [t('outstanding'), (f) => f.outstanding.amount],
];

const statusMeasure = (t: Speech['t']): Record<string, string> => ({
  SCHEDULED: t('appointments_scheduled'), CHECKED_IN: t('appointments_checked_in'), COMPLETED: t('appointments_completed'),
  CANCELLED: t('appointments_cancelled'), NO_SHOW: t('appointments_no_show'),
});

interface Table { name: string; header: string[]; rows: Array<Array<string | number>> }

/** The same four tables for CSV and Excel. */
function tables(d: Dashboard, words: Speech): Table[] {
  const { t } = words;
  const FIGURE_COLUMNS = figureColumns(t);
  const figures = (f: Figures) => FIGURE_COLUMNS.map(([, get]) => get(f));
  const names = FIGURE_COLUMNS.map(([name]) => name);
  const totals = d.totals;
  return [
    {
      name: t('Totals'),
      header: [t('measure'), t('value')],
      rows: [
        [t('from'), d.from], [t('to'), d.to], [t('timezone'), d.timezone], [t('currency'), d.currency],
        [t('doctors'), totals.doctors], [t('new_patients'), totals.newPatients],
        ...FIGURE_COLUMNS.map(([name, get]): [string, string | number] => [name, get(totals)]),
        ...totals.appointmentsByStatus.map((s): [string, number] => [statusMeasure(t)[s.status] ?? `appointments_${s.status.toLowerCase()}`, s.count]),
      ],
    },
    { name: t('Daily'), header: [t('date'), ...names], rows: d.daily.map((r) => [r.date, ...figures(r)]) },
    {
      name: t('Doctors'),
      header: [t('doctor_id'), t('doctor'), t('department_id'), t('department'), ...names],
      rows: d.byDoctor.map((r) => [r.doctorId, r.doctorName, r.departmentId, r.departmentName, ...figures(r)]),
    },
    {
      name: t('Departments'),
      header: [t('department_id'), t('department'), ...names],
      rows: d.byDepartment.map((r) => [r.departmentId, r.departmentName, ...figures(r)]),
    },
  ];
}

const safe = (value: string | number) => spreadsheetCell(value);

/** One CSV with the four tables one after another: a `# name` line, a header, the rows, a blank line. */
export function toCsv(d: Dashboard, words: Speech = speech('en')): string {
  return tables(d, words)
    .map((table) => `# ${table.name}\n${stringify([table.header, ...table.rows.map((r) => r.map(safe))])}`)
    .join('\n');
}

export function toXlsx(d: Dashboard, words: Speech = speech('en')): ExcelJS.Workbook {
  const workbook = new (excel().Workbook)();
  workbook.creator = 'HMS';
  for (const table of tables(d, words)) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) {
      // Money stays a decimal string in the data; Excel shows it as a number with the currency's decimals.
      sheet.addRow(row.map((v) => (typeof v === 'string' && /^-?\d+\.\d+$/.test(v) ? Number(v) : safe(v))));
    }
    sheet.columns.forEach((column) => { column.width = 16; });
  }
  return workbook;
}
