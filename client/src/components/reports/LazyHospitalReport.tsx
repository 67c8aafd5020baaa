// The charts library is large and only admins need it: load the report section on demand.
import { lazy, Suspense } from 'react';
import { Loading } from '../QueryState';
import { useT } from '../../i18n';

const HospitalReportSection = lazy(() => import('./HospitalReport').then((module) => ({ default: module.HospitalReport })));

export function LazyHospitalReport() {
  const { t } = useT();
  return (
    <Suspense fallback={<Loading label={t('Loading figures…')} />}>
      <HospitalReportSection />
    </Suspense>
  );
}
