import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { download } from '../support/files.js';
import { runShownOpenssl } from '../support/openssl.js';

/** The committed 任务分解表 the key-task module's tests import too (merged two-row header, names not ids). */
export const BREAKDOWN_FIXTURE = new URL('../../server/modules/duty-tasks/fixtures/duty-task-breakdown-2026.xlsx', import.meta.url).pathname;

/**
 * Saves the three files of a signature export (message, DER signature, public key) from its dialog into
 * `dir` under the names the dialog gives them, and runs the openssl command the dialog prints there.
 */
export async function verifyWithOpenssl(page: Page, dialog: Locator, dir: string): Promise<{ ok: boolean; out: string }> {
  fs.mkdirSync(dir, { recursive: true });
  for (const [button, ext] of [['message', 'txt'], ['signature', 'der'], ['key', 'pem']] as const) {
    const file = await download(page, dialog.locator(`[data-test=duty-signature-save-${button}]`), ext);
    await file.saveAs(`${dir}/${file.suggestedFilename()}`);
  }
  return runShownOpenssl((await dialog.locator('[data-test=duty-signature-openssl]').innerText()).trim(), dir);
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
