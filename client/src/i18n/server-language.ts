// The server writes e-mails, SMS and mailed reports in the account's language (user.language,
// server/src/shared/i18n.ts): tell it when the reader switches. A plain fetch, so it works before
// Apollo has loaded; signed out, or offline, there is nobody to tell and nothing to do.
import { getToken } from '../auth/token';
import { graphql } from '../gql';
import { request } from '../lib/public-graphql';

const SetMyLanguageDocument = graphql(`
  mutation SetMyLanguage($language: String!) {
    setMyLanguage(language: $language)
  }
`);

/** Remembers `code` on the signed-in account; never throws (the interface language is already switched). */
export async function rememberLanguageOnServer(code: string): Promise<void> {
  const token = getToken();
  if (!token) return;
  try {
    await request(SetMyLanguageDocument, { language: code }, { token });
  } catch {
    // Unreachable or refused: the next switch (or sign-in in that language) tries again.
  }
}
