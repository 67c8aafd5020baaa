/** Gender choices offered in forms; the API stores free text. */
export const GENDERS = ['Female', 'Male', 'Non-binary', 'Prefer not to say'];
