import { expect, test } from '@playwright/test';
import { mobile, uniqueTag } from '../support/accounts.js';
import { choose, openMenu, rows, shot, signInHome } from '../support/ui.js';
import { followWithCode, phone } from './complaint-helpers.js';

test('电话登记: a named phone complaint gets a receipt code shown once, the identity shows masked and 查看身份 asks a reason; statistics show the rates', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const name = `孙${tag.given}`;
  const phoneNumber = mobile();
  const content = `来电反映：河道巡查大队去年冬季的防汛值班补贴至今未发放，询问多次无人答复。${tag.chinese}`;

  await signInHome(page, 'jijian');
  await openMenu(page, 'complaints');
  await page.locator('[data-test=complaint-intake]').click();
  await expect(page).toHaveURL(/\/complaints\/new$/);
  await page.locator('[data-test=intake-channel-phone]').click();
  await page.locator('[data-test=intake-matter] .el-cascader').click();
  const cascader = page.locator('.el-cascader__dropdown:visible');
  await cascader.getByText('民生资金', { exact: true }).click();
  await cascader.getByText('各类补贴补助发放', { exact: true }).click();
  await expect(page.locator('[data-test=intake-matter-hint]')).toContainText('该事项由长江河道管理局负责办理');
  await choose(page, page.locator('[data-test=intake-org]').first(), '河道巡查大队', '河道巡查大队');
  await page.locator('[data-test=intake-content]').fill(content);
  await page.locator('[data-test=intake-anonymous-no]').click();
  await page.locator('[data-test=intake-name]').fill(name);
  await page.locator('[data-test=intake-mobile]').fill(phoneNumber);
  await shot(page, 'complaints-intake');
  await page.locator('[data-test=intake-submit]').click();

  // The receipt code exists in readable form only in this dialog.
  const receipt = page.locator('[data-test=receipt-dialog]');
  await expect(receipt).toBeVisible();
  const code = (await receipt.locator('[data-test=receipt-code]').innerText()).trim();
  expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  const number = (await receipt.locator('[data-test=receipt-complaint-code]').innerText()).trim();
  await expect(receipt.locator('[data-test=receipt-open]'), 'closed only once the officer confirms the hand-over').toBeDisabled();
  await shot(page, 'complaints-intake-receipt');
  await receipt.locator('[data-test=receipt-ack]').click();
  await receipt.locator('[data-test=receipt-open]').click();
  await expect(receipt).toBeHidden();

  await expect(page.locator('[data-test=complaint-code]')).toHaveText(number);
  await expect(page.locator('[data-test=complaint-reporter-name]')).toHaveText(`${[...name][0]}*`);
  await expect(page.locator('[data-test=complaint-reporter-mobile]')).toHaveText(`${phoneNumber.slice(0, 3)}****${phoneNumber.slice(-4)}`);
  const body = page.locator('body');
  for (const secret of [name, phoneNumber, code, code.replaceAll(' ', '')]) await expect(body, 'neither the identity nor the receipt code shows on the page').not.toContainText(secret);

  await page.locator('[data-test=complaint-identity-reveal]').click();
  const confirm = page.locator('[data-test=confirm-dialog]');
  await expect(confirm.locator('[data-test=confirm-ok]'), 'a reason is required').toBeDisabled();
  await confirm.locator('[data-test=confirm-reason]').fill('需电话联系反映人核实补贴发放情况');
  await confirm.locator('[data-test=confirm-ok]').click();
  const identity = page.locator('[data-test=identity-dialog]');
  await expect(identity.locator('[data-test=identity-name]')).toHaveText(name);
  await expect(identity.locator('[data-test=identity-mobile]')).toHaveText(phoneNumber);
  await shot(page, 'complaints-identity');
  await identity.locator('[data-test=identity-close]').click();
  await expect(identity).toBeHidden();
  await expect(body, 'the identity is dropped when the dialog closes').not.toContainText(name);

  await page.reload();
  await expect(page.locator('[data-test=complaint-code]')).toHaveText(number);
  const viewed = page.locator('[data-test=timeline-identity_viewed]');
  await expect(viewed, 'the view is on the record with its reason').toContainText('需电话联系反映人核实补贴发放情况');
  await expect(viewed.locator('[data-test=timeline-visibility-internal]')).toBeVisible();
  for (const secret of [code, code.replaceAll(' ', '')]) await expect(body, 'the receipt code cannot be shown again').not.toContainText(secret);

  // The code handed over the phone opens the reporter's view on the portal.
  const reporterContext = await phone(browser, baseURL!);
  const reporter = await reporterContext.newPage();
  await followWithCode(reporter, code);
  await expect(reporter.locator('[data-test=follow-status]')).toHaveAttribute('data-status', 'submitted');
  await expect(reporter.locator('[data-test=follow-view]')).toContainText('各类补贴补助发放');
  await expect(reporter.locator('[data-test=follow-view]')).toContainText(number);
  await reporterContext.close();

  // Statistics: by channel, 电话 counts this complaint; every rate is a percentage or “—”.
  await page.locator('[data-test=menu-complaint-stats]').click();
  await expect(page).toHaveURL(/\/complaints\/stats$/);
  await page.locator('[data-test=stats-by-channel]').click();
  const byPhone = rows(page, 'complaint-stats-table').filter({ hasText: '电话' });
  await expect(byPhone).toHaveCount(1);
  expect(Number(await byPhone.locator('td').nth(1).innerText())).toBeGreaterThanOrEqual(1);
  await expect(byPhone.locator('[data-test=rate-replyRate]')).toHaveText(/^\d+(\.\d+)?%$/);
  for (const rate of ['replyRate', 'onTimeRate', 'satisfactionRate']) await expect(page.locator(`[data-test=total-${rate}]`)).toHaveText(/^(\d+(\.\d+)?%|—)$/);
  await expect(page.locator('[data-test=total-replyRate]')).toHaveText(/%$/);
});
