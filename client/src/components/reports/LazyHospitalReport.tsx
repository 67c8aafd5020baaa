// The charts library is large and only admins need it: load the report section on demand.
import { lazy, Suspense } from 'react';
import { Loading } from '../QueryState';

const HospitalReportSection = lazy(() => import('./HospitalReport').then((module) => ({ default: module.HospitalReport })));

export function LazyHospitalReport() {
  return (
    <Suspense fallback={<Loading label="Loading figures…" />}>
      <HospitalReportSection />
    </Suspense>
  );
}
