import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.js';
import { gatedHash, HASH_SLOTS, MAX_WAITING } from './hash-gate.js';

/** A stand-in for one argon2 hash that finishes (or fails) only when the test says so. */
function fakeHashes() {
  const started: number[] = [];
  const finish = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  let active = 0;
  let peak = 0;
  const run = (n: number) =>
    gatedHash(() => {
      started.push(n);
      active += 1;
      peak = Math.max(peak, active);
      return new Promise<string>((resolve, reject) => {
        const done = () => (active -= 1);
        finish.set(n, { resolve: (v) => (done(), resolve(v)), reject: (e) => (done(), reject(e)) });
      });
    });
  return { run, started, finish: (n: number) => finish.get(n)!, peak: () => peak };
}

/** Lets every queued continuation run: a waiting request starts its hash a few microtasks after a slot frees. */
const settle = () => new Promise<void>((r) => setImmediate(r));

describe('the portal hash gate', () => {
  it('runs at most HASH_SLOTS hashes at once and starts the waiting ones in arrival order as slots free', async () => {
    const h = fakeHashes();
    const total = HASH_SLOTS + 3;
    const upTo = (k: number) => Array.from({ length: Math.min(k, total) }, (_, n) => n);
    // Each outcome is taken as it comes, so a failed hash is never an unhandled rejection.
    const outcomes = Array.from({ length: total }, (_, n) => h.run(n).then((v) => v, (e: Error) => e.message));
    for (let n = 0; n < total; n += 1) {
      await settle();
      expect(h.started, `before hash ${n} finishes`).toEqual(upTo(n + HASH_SLOTS));
      // A failed hash frees its slot as well, and its caller gets the failure.
      if (n === 1) h.finish(n).reject(new Error('argon2 failed'));
      else h.finish(n).resolve(`h${n}`);
    }
    expect(await Promise.all(outcomes)).toEqual(upTo(total).map((n) => (n === 1 ? 'argon2 failed' : `h${n}`)));
    expect(h.peak()).toBe(HASH_SLOTS);
  });

  it('turns a request away with RATE_LIMITED (429) once MAX_WAITING wait, and takes requests again as the queue drains', async () => {
    const h = fakeHashes();
    const admitted = HASH_SLOTS + MAX_WAITING;
    const results = Array.from({ length: admitted }, (_, n) => h.run(n));
    await settle();
    const refused = await h.run(admitted).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(h.started).toHaveLength(HASH_SLOTS);

    h.finish(0).resolve('h0');
    await settle();
    const late = h.run(admitted + 1);
    await settle();
    for (let n = 1; n < admitted; n += 1) {
      h.finish(n).resolve(`h${n}`);
      await settle();
    }
    h.finish(admitted + 1).resolve('late');
    expect(await late).toBe('late');
    expect(await Promise.all(results)).toEqual(Array.from({ length: admitted }, (_, n) => `h${n}`));
    expect(h.started).toEqual([...Array.from({ length: admitted }, (_, n) => n), admitted + 1]);
    expect(h.peak()).toBe(HASH_SLOTS);
  });
});
