// The hospital's time zone, set once the server tells us (CurrentUser). Kept apart from
// format.ts so the app shell can set it without downloading luxon on the sign-in page.
let zone: string | undefined;

export function setHospitalZone(timezone: string | undefined): void {
  zone = timezone;
}

/** The hospital's zone when known, else undefined (callers fall back to the browser's). */
export function hospitalZone(): string | undefined {
  return zone;
}
