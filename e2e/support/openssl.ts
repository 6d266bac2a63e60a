import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from '@playwright/test';

/**
 * Runs the openssl command a signature dialog shows (web/admin/src/utils/sm2-signature.ts) as a user would paste
 * it into a shell, in the folder holding the files saved from the page.
 */
export async function runShownOpenssl(command: string, dir: string): Promise<{ ok: boolean; out: string }> {
  expect(command).toMatch(/^openssl pkeyutl -verify -rawin -digest sm3 /);
  try {
    const { stdout, stderr } = await promisify(execFile)('sh', ['-c', command], { cwd: dir });
    return { ok: true, out: stdout + stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
