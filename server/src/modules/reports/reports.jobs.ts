import { defineJob, defineSweep } from '../../jobs';
import { logger } from '../../logger';
import { runExportJob, setExportJobDispatcher, sweepExportJobs } from './export-jobs';
import { previousHospitalMonth } from './hospital-days';
import { reportMailer, sendMonthlyReports } from './monthly-mail';

/** Makes one export's file (the job row says what). The claim inside makes a repeat run a no-op. */
export const exportFile = defineJob<{ id: string }>('reports.export', async (data, ctx) => {
  await runExportJob(ctx.deps, data.id);
}, { attempts: 3, concurrency: 2 });

setExportJobDispatcher((deps, id) => {
  // If Redis does not take it, the sweep below enqueues it after a minute: the row is the ledger.
  deps.jobs.enqueue(exportFile, { id }, { jobId: `export-${id}` })
    .catch((error: Error) => logger.warn(`export ${id} not enqueued`, { error: error.message }));
});

/** Drops files past retention, re-dispatches exports left QUEUED, fails those abandoned RUNNING. */
export const exportSweep = defineSweep('reports.export-sweep', 60_000, async (ctx) => {
  await sweepExportJobs(ctx.deps);
});

/**
 * The 1st-of-month reports: every 10 minutes, last month (in hospital time) is
 * mailed to whoever has not had it yet. On the 1st that is everyone, once; after
 * a restart or outage it catches up; the ledger keeps it to one mail per person.
 */
export const monthlyReports = defineSweep('reports.monthly', 10 * 60_000, async (ctx) => {
  const mailer = reportMailer();
  if (!mailer) return;
  await sendMonthlyReports(ctx.deps, mailer, previousHospitalMonth(ctx.now(), ctx.config.timezone));
});
