import { solveChallenge } from 'altcha-lib/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../test/world.js';
import { KeyRing, loadKeyMaterial } from '../crypto/keyring.js';
import { AppError } from './errors.js';
import { solveCaptcha } from './captcha-solver.js';
import { CAPTCHA_MAX_NUMBER, checkCaptcha, issueCaptcha, requireCaptcha, type Captcha } from './captcha.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const encode = (p: object) => Buffer.from(JSON.stringify(p)).toString('base64');
const decode = (s: string) => JSON.parse(Buffer.from(s, 'base64').toString('utf8')) as Record<string, unknown>;

/** The widget's answer to a challenge, found with altcha-lib's own (slow) solver. */
async function solveWithAltcha(c: Captcha): Promise<string> {
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) throw new Error('unsolvable challenge');
  return encode({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature, took: solution.took });
}

async function refusal(p: Promise<unknown>): Promise<string | number | undefined> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('VALIDATION_FAILED');
  expect((e as AppError).params.field).toBe('captcha');
  return (e as AppError).params.reason;
}

describe('proof-of-work captcha', () => {
  it('issues a v1 challenge the widget accepts: SHA-256, bounded work, an expiry in the signed salt', async () => {
    const c = await issueCaptcha(w.deps);
    expect(c.algorithm).toBe('SHA-256');
    expect(c.maxnumber).toBe(CAPTCHA_MAX_NUMBER);
    expect(c.challenge).toMatch(/^[0-9a-f]{64}$/);
    const expires = Number(new URLSearchParams(c.salt.split('?')[1]).get('expires'));
    expect(expires * 1000 - w.clock.now().getTime()).toBe(10 * 60_000);
  });

  it('accepts a challenge solved by altcha-lib once and refuses it the second time', async () => {
    const payload = await solveWithAltcha(await issueCaptcha(w.deps));
    await expect(requireCaptcha(w.deps, payload)).resolves.toBeUndefined();
    expect(await refusal(requireCaptcha(w.deps, payload))).toBe('used');
  });

  it('is single-use across processes: the marker is in the shared table, keyed by a hash, with no client data', async () => {
    const payload = solveCaptcha(await issueCaptcha(w.deps));
    await requireCaptcha(w.deps, payload);
    const signature = String(decode(payload).signature);
    const rows = await w.deps.db.selectFrom('rate_limit').selectAll().where('key', 'like', 'captcha:%').execute();
    expect(rows.some((r) => r.key === `captcha:${w.deps.crypto.sm3(signature)}`)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(signature);
  });

  it('accepts a challenge issued by another process sharing the master key, and nothing signed with another key', async () => {
    const sameMaster = { ...w.deps, keys: new KeyRing(loadKeyMaterial(w.dataDir, {})) };
    await expect(requireCaptcha(sameMaster, solveCaptcha(await issueCaptcha(w.deps)))).resolves.toBeUndefined();
    const otherMaster = { ...w.deps, keys: new KeyRing(loadKeyMaterial(`${w.dataDir}/elsewhere`, {})) };
    expect(await refusal(requireCaptcha(w.deps, solveCaptcha(await issueCaptcha(otherMaster))))).toBe('invalid');
  });

  it('refuses forged answers: wrong number, altered salt or challenge, weaker algorithm, garbage', async () => {
    const c = await issueCaptcha(w.deps);
    const good = decode(solveCaptcha(c));
    const forged = [
      { ...good, number: (Number(good.number) + 1) % CAPTCHA_MAX_NUMBER },
      { ...good, salt: String(good.salt).replace(/expires=\d+/, 'expires=9999999999') },
      { ...good, challenge: 'f'.repeat(64) },
      { ...good, signature: '0'.repeat(64) },
      { ...good, algorithm: 'SHA-1' },
      { ...good, number: '12' },
    ];
    for (const f of forged) expect(['invalid', 'malformed']).toContain(await refusal(checkCaptcha(w.deps, encode(f))));
    expect(await refusal(checkCaptcha(w.deps, 'bm90IGpzb24='))).toBe('malformed');
    expect(await refusal(checkCaptcha(w.deps, encode([1, 2])))).toBe('malformed');
    await expect(requireCaptcha(w.deps, encode(good))).resolves.toBeUndefined();
  });

  it('refuses a challenge once its ten minutes are over, by the application clock', async () => {
    const payload = solveCaptcha(await issueCaptcha(w.deps));
    w.clock.advanceMinutes(10);
    try {
      expect(await refusal(requireCaptcha(w.deps, payload))).toBe('expired');
    } finally {
      w.clock.advanceMinutes(-10);
    }
    await expect(requireCaptcha(w.deps, payload)).resolves.toBeUndefined();
  });
});
