import os from 'node:os';
import { AppError } from '../../../platform/http/errors.js';

/**
 * argon2 runs in libuv's thread pool, off the event loop, yet its threads compete with the event loop
 * for the same cores: four hashes at once on a two-core server leave the event loop a sliver of a core,
 * and every public read waits seconds. So the portal runs at most one hash per core but one at a time
 * (at least one), and the rest wait their turn here. Beyond MAX_WAITING a request is turned away with
 * 429 rather than queued without end: the captcha and the per-client limits make that a flood.
 */
export const HASH_SLOTS = Math.max(1, os.availableParallelism() - 1);
export const MAX_WAITING = 64;

let running = 0;
const waiting: (() => void)[] = [];

export async function gatedHash<T>(hash: () => Promise<T>): Promise<T> {
  if (running >= HASH_SLOTS) {
    if (waiting.length >= MAX_WAITING) throw new AppError('RATE_LIMITED', { retryAfter: 5 });
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await hash();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
