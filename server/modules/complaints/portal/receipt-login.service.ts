import type { Static } from 'typebox';
import type { ReceiptLogin, ReporterSession } from '../../../../contracts/complaints.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { transact } from '../../../platform/db/transact.js';
import { checkCaptcha, refuseSpentCaptcha, spendCaptcha } from '../../../platform/http/captcha.js';
import { AppError } from '../../../platform/http/errors.js';
import { loadSettings } from '../../../platform/settings/settings.js';
import { normalizeReceiptCode, receiptHash } from '../complaints.receipt.js';
import { gatedHash } from './hash-gate.js';
import * as repo from './portal.repo.js';
import { createReporterSession } from './reporter-session.js';

/**
 * Wrong receipt codes a tenant tolerates per minute from everyone together. Each attempt already costs the
 * guesser a proof-of-work and the server a slow hash, and each client is limited on the route; this shared
 * budget stops a guesser spread over many addresses and processes. At 30 a minute a year of guessing
 * tries about 1.6·10⁷ codes: against 10⁵ live complaints in a space of 10¹⁶ codes, a hit has a chance of
 * about 1 in 6 000. When the budget is spent every code login waits for the next minute (429), which is
 * the price: an attacker can make honest reporters wait, never let them be guessed.
 */
export const FAILURE_BUDGET_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

const budgetKey = (tenantId: string) => `receipt-login-failures:${tenantId}`;

const action = 'complaint.reporter_login';

/**
 * Enter the receipt code once, get a short reporter session. A wrong, malformed or unknown code gets the
 * same LOGIN_FAILED after the same slow hash and one transaction of the same shape (captcha used up,
 * audit event, session or failure count); every attempt is audited, never with the code.
 */
export async function openReporterSession(ctx: Ctx, input: Static<typeof ReceiptLogin>): Promise<Static<typeof ReporterSession>> {
  const { deps, tenantId } = ctx;
  if ((await repo.failuresInWindow(deps.db, budgetKey(tenantId), deps.clock.now().getTime())) >= FAILURE_BUDGET_PER_MINUTE) {
    throw new AppError('RATE_LIMITED', { retryAfter: WINDOW_MS / 1000 });
  }
  const captcha = checkCaptcha(deps, input.captcha);
  await refuseSpentCaptcha(deps, captcha);
  const code = normalizeReceiptCode(input.receiptCode);
  const hash = await gatedHash(() => receiptHash(deps, tenantId, code ?? input.receiptCode));
  const found = code ? await repo.findByReceiptHash(deps.db, tenantId, hash) : undefined;
  if (!found) {
    const failures = await transact(ctx, async (tx) => {
      await spendCaptcha(tx, captcha);
      const n = await repo.countFailure(tx, budgetKey(tenantId), deps.clock.now().getTime(), WINDOW_MS);
      await writeAudit(tx, ctx, { action, objectType: 'complaint', result: 'failure' });
      return n;
    });
    if (failures === FAILURE_BUDGET_PER_MINUTE) deps.log.warn({ tenantId, failures }, 'receipt-code logins paused for this minute: failure budget spent');
    throw new AppError('LOGIN_FAILED');
  }
  const minutes = (await loadSettings(deps.db, tenantId))['system.complaint.reporterSessionMinutes'];
  return transact(ctx, async (tx) => {
    await spendCaptcha(tx, captcha);
    const session = await createReporterSession(tx, ctx, found.id, minutes);
    await writeAudit(tx, ctx, { action, objectType: 'complaint', objectId: found.id });
    return session;
  });
}
