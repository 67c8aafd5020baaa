import type { VisitType } from '../../gql/graphql';

/** How each visit type reads in forms and lists. */
export const VISIT_TYPE_LABELS: Record<VisitType, string> = {
  CONSULTATION: 'Consultation',
  FOLLOW_UP: 'Follow-up',
  EMERGENCY: 'Emergency',
  PROCEDURE: 'Procedure',
};
