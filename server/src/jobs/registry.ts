// Every module that defines jobs or sweeps, imported once so their definitions exist before an
// engine starts (API process and `npm run worker` alike). Add your feature's `<feature>.jobs.ts` here.
import '../modules/scheduling/scheduling.jobs';
import '../modules/integrations/webhooks.jobs';
import '../modules/reports/reports.jobs';

export {};
import '../modules/messages/messages.jobs';
