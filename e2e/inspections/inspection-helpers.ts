import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { json } from '../support/api.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * A real PNG (the server sniffs contents) standing in for a photo taken on site: a sheet of paper with
 * ruled lines and a red stamp, so the guide's pictures show something that looks like a document.
 */
export function photoPng(width = 240, height = 160): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const ruled = y > 24 && y % 16 === 0 && x > 16 && x < width - 16;
      const stamp = (x - width + 56) ** 2 + (y - height + 48) ** 2 < 900 && (x - width + 56) ** 2 + (y - height + 48) ** 2 > 600;
      const [r, g, b] = stamp ? [200, 22, 29] : ruled ? [150, 160, 175] : y < 18 ? [226, 232, 240] : [250, 248, 242];
      row.writeUInt8(r, 1 + x * 3);
      row.writeUInt8(g, 2 + x * 3);
      row.writeUInt8(b, 3 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

export interface PersonRow {
  id: string;
  name: string;
  primaryOrgName: string;
}

/** Active people of one org, as a reader with person:read sees them. */
export async function peopleOf(api: APIRequestContext, orgName: string): Promise<PersonRow[]> {
  const page = await json<{ items: PersonRow[] }>(api.get('/api/people', { params: { status: 'active', page: 1, pageSize: 100 } }));
  const found = page.items.filter((p) => p.primaryOrgName === orgName);
  if (found.length === 0) throw new Error(`nobody in ${orgName}`);
  return found;
}

/** The person behind a demo account (its name as pickers show it). */
export async function personOfAccount(reader: APIRequestContext, account: APIRequestContext): Promise<{ id: string; name: string }> {
  const me = await json<{ personId: string | null }>(account.get('/api/auth/me'));
  if (!me.personId) throw new Error('account without a person');
  return json<{ id: string; name: string }>(reader.get(`/api/people/${me.personId}`));
}

/**
 * Picks several options of a multiple el-select or el-tree-select by their exact texts, typing each into
 * the filter first (remote person search), and closes the list again.
 */
export async function chooseMany(page: Page, select: Locator, texts: string[], { search = false } = {}): Promise<void> {
  for (const text of texts) {
    await select.click();
    const input = select.locator('input').first();
    if (search) {
      // The list first loads unfiltered; typing before it arrives lets that answer overwrite the search.
      await expect(page.locator('.el-popper:visible .el-select-dropdown__item').first()).toBeVisible();
      await input.fill('');
      await input.pressSequentially(text);
    }
    await page.locator('.el-popper:visible').getByText(text, { exact: true }).first().click();
    await page.keyboard.press('Escape');
  }
}

/** Fills an el-date-picker of type daterange through its two inputs. */
export async function pickRange(picker: Locator, start: string, end: string): Promise<void> {
  const inputs = picker.locator('input');
  await inputs.nth(0).fill(start);
  await inputs.nth(1).fill(end);
  await inputs.nth(1).press('Enter');
  await expect(inputs.nth(0)).toHaveValue(start);
  await expect(inputs.nth(1)).toHaveValue(end);
}

/** `qingfeng draw verify <file>` on a downloaded 公示文件: exit code and what it printed. */
export async function cliVerify(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/main.ts', 'draw', 'verify', file], { cwd: ROOT, env: { ...process.env, QINGFENG_LOCALE: 'zh-CN' } });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? -1, out: e.stdout ?? '' };
  }
}
