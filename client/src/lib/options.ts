import { t } from '../i18n';

/** Gender choices offered in forms; the API stores free text (the English word), shown through genderLabel. */
export const GENDERS = ['Female', 'Male', 'Non-binary', 'Prefer not to say']; // i18n-ignore: stored values

/** A stored gender in the reader's language (free text someone typed stays as it is). */
export function genderLabel(gender: string): string {
  // i18n-ignore-next: the keys are the stored values
  const labels: Record<string, string> = { Female: t('Female'), Male: t('Male'), 'Non-binary': t('Non-binary'), 'Prefer not to say': t('Prefer not to say') };
  return labels[gender] ?? gender;
}
