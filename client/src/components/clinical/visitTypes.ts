import type { VisitType } from '../../gql/graphql';
import { t } from '../../i18n';

/** The visit types in the order forms offer them. */
export const VISIT_TYPES: VisitType[] = ['CONSULTATION', 'FOLLOW_UP', 'EMERGENCY', 'PROCEDURE'];

/** How a visit type reads in forms and lists, in the current language (call at render time). */
export function visitTypeLabel(type: VisitType): string {
  switch (type) {
    case 'CONSULTATION': return t('Consultation');
    case 'FOLLOW_UP': return t('Follow-up');
    case 'EMERGENCY': return t('Emergency');
    case 'PROCEDURE': return t('Procedure');
  }
  return type;
}
