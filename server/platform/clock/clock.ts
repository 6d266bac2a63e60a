/** All time comes from here: tests swap in a FakeClock, production uses the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FakeClock implements Clock {
  private t: number;
  constructor(start: string | Date = '2026-01-05T09:00:00+08:00') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: string | Date): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(n: number): void {
    this.advance(n * 60_000);
  }
  advanceDays(n: number): void {
    this.advance(n * 86_400_000);
  }
}

/** China has one offset and no DST, so every stored timestamp is local time with +08:00. */
const OFFSET_MS = 8 * 3600_000;

export function toIso(d: Date): string {
  const local = new Date(d.getTime() + OFFSET_MS).toISOString();
  return `${local.slice(0, 23)}+08:00`;
}

export function nowIso(clock: Clock): string {
  return toIso(clock.now());
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

export function today(clock: Clock): string {
  return localDate(clock.now());
}

export function addMs(iso: string, ms: number): string {
  return toIso(new Date(new Date(iso).getTime() + ms));
}
