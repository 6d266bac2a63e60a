import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { download } from '../support/files.js';
import { signInHome } from '../support/ui.js';
import { desk } from '../complaints/complaint-helpers.js';

/** The committed 任务分解表 the key-task module's tests import too (merged two-row header, names not ids). */
export const BREAKDOWN_FIXTURE = new URL('../../server/modules/duty-tasks/fixtures/duty-task-breakdown-2026.xlsx', import.meta.url).pathname;

/** Opens a page from the side menu by its route name, where the path does not spell the name. */
export async function openMenuAt(page: Page, key: string, path: RegExp): Promise<void> {
  const item = page.locator(`[data-test=menu-${key}]`);
  if (!(await item.isVisible())) await page.locator('[data-test=menu-toggle]').click();
  await item.click();
  await expect(page).toHaveURL(path);
}

/** The app's one confirmation dialog: optionally types the reason or comment, then confirms. */
export async function confirmWith(page: Page, text?: string, reason?: string): Promise<void> {
  const box = page.locator('[data-test=confirm-dialog]');
  await expect(box).toBeVisible();
  if (text) await expect(box).toContainText(text);
  if (reason !== undefined) await box.locator('[data-test=confirm-reason]').fill(reason);
  await box.locator('[data-test=confirm-ok]').click();
  await expect(box).toBeHidden();
}

/**
 * Saves the three files of a signature export (message, DER signature, public key) from its dialog into
 * `dir` under the names the dialog gives them, and runs the openssl command the dialog prints there.
 */
export async function verifyWithOpenssl(page: Page, dialog: Locator, dir: string): Promise<{ ok: boolean; out: string; command: string }> {
  fs.mkdirSync(dir, { recursive: true });
  for (const [button, ext] of [['message', 'txt'], ['signature', 'der'], ['key', 'pem']] as const) {
    const file = await download(page, dialog.locator(`[data-test=duty-signature-save-${button}]`), ext);
    await file.saveAs(`${dir}/${file.suggestedFilename()}`);
  }
  const command = (await dialog.locator('[data-test=duty-signature-openssl]').innerText()).trim();
  expect(command).toMatch(/^openssl pkeyutl -verify -rawin -digest sm3 /);
  try {
    const { stdout, stderr } = await promisify(execFile)('sh', ['-c', command], { cwd: dir });
    return { ok: true, out: stdout + stderr, command };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}`, command };
  }
}

/** One indicator block of a score sheet (自评 or 初评 tab) by its code. */
export function sheetItem(page: Page, stage: 'self' | 'review', code: string): Locator {
  return page.locator(`[data-test=score-sheet-${stage}] [data-test="sheet-item-${code}"]`);
}

/** Types a score into every hand-scored field of a sheet: the awarded indicators and each member of an averaged one. */
export async function scoreSheet(page: Page, stage: 'self' | 'review', scores: Record<string, number>, memberScore: number): Promise<void> {
  for (const [code, score] of Object.entries(scores)) {
    const input = sheetItem(page, stage, code).locator('[data-test=sheet-score-input] input');
    await input.fill(String(score));
    await input.blur();
  }
  const members = page.locator(`[data-test=score-sheet-${stage}] [data-test=sheet-member] input`);
  const n = await members.count();
  for (let i = 0; i < n; i++) {
    await members.nth(i).fill(String(memberScore));
    await members.nth(i).blur();
  }
}

/** Another person at their own desk, signed in beside the others (a browser context each, nothing shared). */
export async function deskAs(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const page = await (await desk(browser, baseURL)).newPage();
  await signInHome(page, username);
  return page;
}
