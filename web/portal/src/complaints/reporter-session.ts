import type { Static } from 'typebox';
import type { Rating, ReporterSession, ReporterView } from '../../../../contracts/complaints';
import { call, PortalError } from '../api';

export const SESSION_HEADER = 'x-reporter-session';

/**
 * The reporter session token lives in this module only: not in storage, not in a cookie, not in the URL.
 * A reload forgets it and asks for the receipt code again, which is the point.
 */
let token: string | null = null;
/** The server ends a session a fixed time after the code was entered, however active the reporter is. */
let expiresAt: string | null = null;

export function hasSession(): boolean {
  return token !== null;
}

/** When the open session ends, as the server stated it when the code was entered. */
export function sessionEndsAt(): string | null {
  return token === null ? null : expiresAt;
}

export function forgetSession(): void {
  token = null;
  expiresAt = null;
}

/** The code's digits and a solved captcha open a short session; the code itself is never sent again. */
export async function openSession(receiptCode: string, captcha: string): Promise<void> {
  const session = await call<Static<typeof ReporterSession>>('/api/portal/complaints/session', { json: { receiptCode, captcha } });
  token = session.token;
  expiresAt = session.expiresAt;
}

async function withSession<T>(path: string, json?: unknown): Promise<T> {
  if (!token) throw new PortalError(401, 'SESSION_EXPIRED');
  try {
    return await call<T>(path, { json, headers: { [SESSION_HEADER]: token } });
  } catch (err) {
    if (err instanceof PortalError && err.status === 401) token = null;
    throw err;
  }
}

export function loadView(): Promise<ReporterView> {
  return withSession<ReporterView>('/api/portal/complaints/mine');
}

export function sendMessage(body: string): Promise<ReporterView> {
  return withSession<ReporterView>('/api/portal/complaints/mine/messages', { body });
}

export function rate(rating: Rating, comment: string): Promise<ReporterView> {
  return withSession<ReporterView>('/api/portal/complaints/mine/rating', comment ? { rating, comment } : { rating });
}

/** Ends the session on the server too; the token is forgotten even when that call fails. */
export async function logout(): Promise<void> {
  const current = token;
  token = null;
  if (!current) return;
  try {
    await call('/api/portal/complaints/mine/logout', { json: {}, headers: { [SESSION_HEADER]: current } });
  } catch {
    // The session expires on its own within minutes; the reporter is signed out here either way.
  }
}
