/**
 * Server timestamps carry +08:00 (the institution's clock); the portal shows them as written rather than
 * converting to the phone's zone, so the date a reporter sees is the date the handlers see.
 */
export function formatTime(ts: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(ts) ? ts.slice(0, 16).replace('T', ' ') : ts;
}

export function formatDate(ts: string): string {
  return ts.slice(0, 10);
}

/** Today on the phone's calendar, as the `max` of a date input. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
