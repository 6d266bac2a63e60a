import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { json } from '../support/api.js';
import { download } from '../support/files.js';
import { choose, expectToast, openMenu, shot, signInHome } from '../support/ui.js';
import { phone } from './complaint-helpers.js';

const ORG = '巡查一中队';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const node = (page: Page, name: string) => page.locator('[data-test=org-tree] .org-node__name').getByText(name, { exact: true });

test('投诉二维码: the org panel gives the form link for one unit, its QR image and a printable PNG; the link opens the phone form with that unit chosen', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const catalogue = await json<{ orgs: { id: string; name: string }[] }>(request.get('/api/portal/complaints/catalogue'));
  const org = catalogue.orgs.find((o) => o.name === ORG)!;
  const expected = `${new URL(baseURL!).origin}/portal/complaint?org=${org.id}`;

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInHome(page, 'jijian');
  await openMenu(page, 'orgs');
  await node(page, ORG).click();
  await expect(page.locator('.orgs-detail-card .card-head__title')).toHaveText(ORG);
  await page.locator('[data-test=org-complaint-qr]').click();

  const dialog = page.locator('[data-test=complaint-qr-dialog]');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-test=complaint-qr-org]').first()).toContainText(ORG);
  await expect(dialog.locator('[data-test=complaint-qr-link]')).toHaveValue(expected);
  const image = dialog.locator('[data-test=complaint-qr-image]');
  await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), 'the QR picture has loaded').toBe(240);

  await dialog.locator('[data-test=complaint-qr-copy]').click();
  await expectToast(page, '已复制到剪贴板');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await shot(page, 'complaints-qr');

  const file = await download(page, dialog.locator('[data-test=complaint-qr-download]'), 'png');
  expect(file.suggestedFilename()).toBe(`投诉二维码-${ORG}.png`);
  const png = await fs.readFile(await file.path());
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'a PNG file').toBe(true);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'the printable poster, not the small preview').toEqual([720, 970]);

  // The same dialog on the catalogue page starts without a unit and makes the link of the one chosen.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.locator('[data-test=menu-complaint-catalogue]').click();
  await expect(page).toHaveURL(/\/complaints\/catalogue$/);
  await page.locator('[data-test=catalogue-complaint-qr]').click();
  await expect(dialog.locator('[data-test=complaint-qr-link]')).toHaveCount(0);
  await choose(page, dialog.locator('[data-test=complaint-qr-org]').first(), ORG, ORG);
  await expect(dialog.locator('[data-test=complaint-qr-link]')).toHaveValue(expected);

  const context = await phone(browser, baseURL!);
  const reporter = await context.newPage();
  await reporter.goto(expected);
  await expect(reporter.locator('[data-test=portal-complaint-org-qr]')).toHaveText(`已根据您扫描的二维码选择单位：${ORG}`);
  expect(await reporter.evaluate(() => document.documentElement.scrollWidth), 'the form fits the 375 px phone').toBeLessThanOrEqual(375);
  await context.close();
});
