import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Captcha } from '../server/platform/http/captcha.js';

const WORKER = new URL('./captcha-worker.mjs', import.meta.url);

/**
 * Every intake and code login needs a fresh captcha, solved by real proof of work as a phone would. They
 * are fetched from the server and solved on every core before a measured run starts, so solving never
 * competes with the server for CPU while it is being measured.
 */
export async function solvedCaptchas(appUrl: string, count: number): Promise<string[]> {
  const challenges: Captcha[] = [];
  while (challenges.length < count) {
    const batch = Math.min(50, count - challenges.length);
    challenges.push(...(await Promise.all(Array.from({ length: batch }, async () => (await fetch(`${appUrl}/api/portal/complaints/captcha`)).json() as Promise<Captcha>))));
  }
  const threads = Math.max(1, os.availableParallelism());
  const share = Math.ceil(count / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const mine = challenges.slice(i * share, (i + 1) * share);
      const worker = new Worker(WORKER);
      return new Promise<string[]>((resolve, reject) => {
        worker.once('message', (solved: string[]) => resolve(solved));
        worker.once('error', reject);
        worker.postMessage(mine);
      }).finally(() => void worker.terminate());
    }),
  );
  return parts.flat();
}
