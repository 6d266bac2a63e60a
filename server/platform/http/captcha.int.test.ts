import { createChallenge, solveChallenge, verifySolution } from 'altcha-lib/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../test/world.js';
import type { Deps } from '../context.js';
import { KeyRing, loadKeyMaterial } from '../crypto/keyring.js';
import { AppError } from './errors.js';
import { solveCaptcha } from './captcha-solver.js';
import { CAPTCHA_MAX_NUMBER, checkCaptcha, issueCaptcha, refuseSpentCaptcha, spendCaptcha, type Captcha } from './captcha.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const encode = (p: object) => Buffer.from(JSON.stringify(p)).toString('base64');
const decode = (s: string) => JSON.parse(Buffer.from(s, 'base64').toString('utf8')) as Record<string, unknown>;
const hexKey = (deps: Deps) => deps.keys.derive('altcha').toString('hex');

/** The widget's answer to a challenge, found with altcha-lib's own (slow) solver. */
async function solveWithAltcha(c: Captcha): Promise<string> {
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) throw new Error('unsolvable challenge');
  return encode({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature, took: solution.took });
}

/** What a protected route does: check, refuse a used one early, use it up in its transaction. */
async function use(deps: Deps, payload: string): Promise<void> {
  const solved = checkCaptcha(deps, payload);
  await refuseSpentCaptcha(deps, solved);
  await deps.db.transaction().execute((tx) => spendCaptcha(tx, solved));
}

async function refusal(run: () => unknown): Promise<string | number | undefined> {
  const e = await (async () => run())().then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('VALIDATION_FAILED');
  expect((e as AppError).params.field).toBe('captcha');
  return (e as AppError).params.reason;
}

describe('proof-of-work captcha', () => {
  it('issues ALTCHA v1 challenges: SHA-256, bounded work, a ten-minute expiry in the signed salt', () => {
    const c = issueCaptcha(w.deps);
    expect(c.algorithm).toBe('SHA-256');
    expect(c.maxnumber).toBe(CAPTCHA_MAX_NUMBER);
    expect(c.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(c.salt).toMatch(/^[0-9a-f]{24}\?expires=\d+&$/);
    const expires = Number(new URLSearchParams(c.salt.split('?')[1]).get('expires'));
    expect(expires * 1000 - w.clock.now().getTime()).toBe(10 * 60_000);
  });

  it('speaks altcha-lib both ways: its solver and verifier take our challenges, we take challenges it signs', async () => {
    const ours = issueCaptcha(w.deps);
    const solvedByAltcha = await solveWithAltcha(ours);
    expect(await verifySolution(solvedByAltcha, hexKey(w.deps), false)).toBe(true);
    await expect(use(w.deps, solvedByAltcha)).resolves.toBeUndefined();
    const theirs = await createChallenge({ hmacKey: hexKey(w.deps), maxnumber: 5000, expires: new Date(w.clock.now().getTime() + 60_000) });
    await expect(use(w.deps, solveCaptcha({ ...theirs, maxnumber: 5000 }))).resolves.toBeUndefined();
  });

  it('is used up once: a second use is refused early and, if it slips past, in the transaction', async () => {
    const payload = solveCaptcha(issueCaptcha(w.deps));
    await use(w.deps, payload);
    expect(await refusal(() => use(w.deps, payload))).toBe('used');
    const solved = checkCaptcha(w.deps, payload);
    expect(await refusal(() => w.deps.db.transaction().execute((tx) => spendCaptcha(tx, solved)))).toBe('used');
  });

  it('keeps its single-use marker in the shared table, keyed by a hash, with no client data', async () => {
    const payload = solveCaptcha(issueCaptcha(w.deps));
    await use(w.deps, payload);
    const signature = String(decode(payload).signature);
    const rows = await w.deps.db.selectFrom('rate_limit').selectAll().where('key', 'like', 'captcha:%').execute();
    expect(rows.some((r) => r.key === `captcha:${w.deps.crypto.sm3(signature)}`)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(signature);
  });

  it('accepts a challenge issued by another process sharing the master key, and nothing signed with another key', async () => {
    const sameMaster = { ...w.deps, keys: new KeyRing(loadKeyMaterial(w.dataDir, {})) };
    await expect(use(sameMaster, solveCaptcha(issueCaptcha(w.deps)))).resolves.toBeUndefined();
    const otherMaster = { ...w.deps, keys: new KeyRing(loadKeyMaterial(`${w.dataDir}/elsewhere`, {})) };
    expect(await refusal(() => checkCaptcha(w.deps, solveCaptcha(issueCaptcha(otherMaster))))).toBe('invalid');
  });

  it('refuses forged answers: wrong number, altered salt or challenge, weaker algorithm, garbage', async () => {
    const good = decode(solveCaptcha(issueCaptcha(w.deps)));
    const forged = [
      { ...good, number: (Number(good.number) + 1) % CAPTCHA_MAX_NUMBER },
      { ...good, salt: String(good.salt).replace(/expires=\d+/, 'expires=9999999999') },
      { ...good, challenge: 'f'.repeat(64) },
      { ...good, signature: '0'.repeat(64) },
      { ...good, algorithm: 'SHA-1' },
      { ...good, number: '12' },
      { ...good, number: CAPTCHA_MAX_NUMBER + 1 },
    ];
    for (const f of forged) expect(['invalid', 'malformed'], JSON.stringify(f)).toContain(await refusal(() => checkCaptcha(w.deps, encode(f))));
    expect(await refusal(() => checkCaptcha(w.deps, 'bm90IGpzb24='))).toBe('malformed');
    expect(await refusal(() => checkCaptcha(w.deps, encode([1, 2])))).toBe('malformed');
    await expect(use(w.deps, encode(good))).resolves.toBeUndefined();
  });

  it('refuses a challenge once its ten minutes are over, by the application clock', async () => {
    const payload = solveCaptcha(issueCaptcha(w.deps));
    w.clock.advanceMinutes(10);
    try {
      expect(await refusal(() => checkCaptcha(w.deps, payload))).toBe('expired');
    } finally {
      w.clock.advanceMinutes(-10);
    }
    await expect(use(w.deps, payload)).resolves.toBeUndefined();
  });
});
