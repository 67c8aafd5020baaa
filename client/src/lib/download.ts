// Files the server makes (PDFs, CSV, Excel) sit behind the same Bearer token as GraphQL,
// so a plain link cannot fetch them: fetch with the token and save the blob via an object URL.
import { getToken } from '../auth/token';
import { locale, t } from '../i18n';

/** The server's `{ error: { message } }` answer, or the HTTP status. */
async function failure(response: Response): Promise<Error> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return new Error(body.error.message);
  } catch {
    // not JSON
  }
  return new Error(t('The download failed (HTTP {{status}}).', { status: response.status }));
}

/** The name from Content-Disposition, else `fallback`. */
function fileName(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(header);
  return match?.[1] ?? fallback;
}

/** Downloads `url` (same origin) as the signed-in person and saves it; throws a readable Error. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const token = getToken();
  // The file is written in the reader's language (PDFs, spreadsheets: server/src/shared/i18n.ts).
  const headers: Record<string, string> = { 'accept-language': locale() };
  if (token) headers.authorization = `Bearer ${token}`; // i18n-ignore
  const response = await fetch(url, { headers });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start saving before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
