import crypto from 'node:crypto';
import { CSRF_HEADER } from '../server/platform/http/route-config.js';
import { multipart } from '../server/platform/storage/test-files.js';
import { REPORTER_SESSION_HEADER } from '../server/modules/complaints/portal/reporter-session.js';
import { solvedCaptchas } from './captchas.js';
import type { RequestSpec, Target } from './load.js';

const PORTAL = '/api/portal/complaints';
const CONTENT = '河道巡查大队在办理涉河建设项目现场核查时，工作人员暗示申请人安排吃饭，否则拖延出具核查意见，前后拖了两个多星期。希望组织上核实处理。';

/**
 * Each request as if from its own phone behind the reverse proxy (the server runs with
 * QINGFENG_TRUST_PROXY=1): the per-client limits (20 intakes or code logins a minute) hold per address,
 * and a benchmark from one loopback address would otherwise measure refusals.
 */
let clients = 0;
function nextClient(): string {
  clients += 1;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
}

/** What the portal form needs: a matter and the org it is about, from the public catalogue. */
export async function portalChoice(appUrl: string): Promise<{ matterId: string; orgId: string }> {
  const catalogue = (await (await fetch(`${appUrl}${PORTAL}/catalogue`)).json()) as { categories: { matters: { id: string; orgId: string }[] }[] };
  const matter = catalogue.categories.flatMap((c) => c.matters)[0];
  if (!matter) throw new Error('the portal catalogue offers no matter to complain about');
  return { matterId: matter.id, orgId: matter.orgId };
}

/** Captchas for `rate` requests a second over a run of `seconds`, with room to spare. */
export function captchasFor(rate: number, seconds: number): number {
  return Math.ceil(rate * seconds * 1.5) + 20;
}

/**
 * The next unused captcha. Once the stock runs out (the run went faster than its estimate) requests go out
 * without one and are refused: they count as non-2xx, so the run is reported as failed rather than
 * stopped halfway or quietly measuring something else.
 */
function nextCaptcha(captchas: string[]): string {
  return captchas.pop() ?? '';
}

/** Anonymous portal intake, each with a fresh solved captcha and Idempotency-Key; the receipt codes it hands out are kept. */
export function intakeTarget(appUrl: string, choice: { matterId: string; orgId: string }, captchas: string[], receipts: string[]): Target {
  const next = (): RequestSpec => {
    const { payload, headers } = multipart([{ field: 'data', data: JSON.stringify({ ...choice, content: CONTENT, anonymous: true, captcha: nextCaptcha(captchas) }), type: 'text/plain' }]);
    return { method: 'POST', path: PORTAL, body: payload, headers: { ...headers, [CSRF_HEADER]: '1', 'idempotency-key': crypto.randomUUID(), 'x-forwarded-for': nextClient() } };
  };
  const onResponse = (status: number, body: string) => {
    if (status === 201) receipts.push((JSON.parse(body) as { receiptCode: string }).receiptCode);
  };
  return { name: 'intake', url: appUrl, paths: [PORTAL], next, onResponse, connections: 8 };
}

/** Receipt-code logins, one slow hash each, cycling over codes handed out by the intake run. */
export function loginTarget(appUrl: string, captchas: string[], receipts: string[]): Target {
  let n = 0;
  const next = (): RequestSpec => {
    const receiptCode = receipts[(n += 1) % receipts.length]!;
    const body = JSON.stringify({ receiptCode, captcha: nextCaptcha(captchas) });
    return { method: 'POST', path: `${PORTAL}/session`, body, headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', 'x-forwarded-for': nextClient() } };
  };
  return { name: 'login', url: appUrl, paths: [`${PORTAL}/session`], next, connections: 8 };
}

/** A reporter session opened with one receipt code, as the follow page does. */
export async function reporterSession(appUrl: string, receiptCode: string): Promise<Record<string, string>> {
  const [captcha] = await solvedCaptchas(appUrl, 1);
  const res = await fetch(`${appUrl}${PORTAL}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', 'x-forwarded-for': nextClient() },
    body: JSON.stringify({ receiptCode, captcha }),
  });
  if (res.status !== 200) throw new Error(`code login: ${res.status} ${await res.text()}`);
  return { [REPORTER_SESSION_HEADER]: ((await res.json()) as { token: string }).token };
}

/** The public reads every portal visitor makes: the site, the complaint catalogue, the statistics. */
export const publicReadPaths = ['/api/portal/site', `${PORTAL}/catalogue`, `${PORTAL}/stats`];
export const reporterViewPath = `${PORTAL}/mine`;
