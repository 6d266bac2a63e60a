import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { mobile, uniqueTag } from '../support/accounts.js';
import { apiAs, json } from '../support/api.js';
import { runShownOpenssl } from '../support/openssl.js';
import { confirmWith, expectToast, rows, shot, signInHome } from '../support/ui.js';
import { deskAs } from '../complaints/complaint-helpers.js';
import { account, peopleOf, REPORTED_ORG, type ClueRef } from './clue-helpers.js';

/** A day the letter arrived, two days back (the register refuses future dates). */
const receivedOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

/**
 * Saves the three files of a step's signature as the page offers them and runs the openssl command it shows.
 * Chromium holds back a second download from the same page until the user allows it (a prompt headless
 * Chromium never answers), so the page is loaded afresh before each file.
 */
async function opensslVerifies(page: Page, seq: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-clue-sig-'));
  const pop = page.locator(`[data-test=clue-step-signature-pop-${seq}]`);
  let command = '';
  for (const part of ['message', 'signature', 'publicKey']) {
    await page.reload();
    await page.locator(`[data-test=clue-step-signature-${seq}]`).click();
    const [file] = await Promise.all([page.waitForEvent('download'), pop.locator(`[data-test=clue-step-download-${part}]`).click()]);
    await file.saveAs(path.join(dir, file.suggestedFilename()));
    command = (await pop.locator('[data-test=clue-step-openssl]').innerText()).trim();
  }
  try {
    return (await runShownOpenssl(command, dir)).out.trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('密封身份: a handler asks with a reason, the custodian approves in the queue without seeing the clue, the handler views once (借阅登记 in the signed step log), 验证 passes and a step signature verifies with openssl', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const [jijian2, baoguan] = await Promise.all([account(baseURL!, 'jijian2'), account(baseURL!, 'baoguan')]);
  const reporter = { name: `韩${tag.given}`, mobile: mobile(), unit: `河道巡查大队退休职工${tag.chinese}` };
  const summary = `违规使用执法车辆办私事${tag.chinese}`;
  const reason = `需向反映人核实用车的具体日期和地点${tag.chinese}`;

  // 纪检 registers a named letter, accepts it and puts jijian2 on the list as handler.
  const jijianApi = await apiAs(baseURL!, 'jijian');
  const [target] = await peopleOf(jijianApi, REPORTED_ORG);
  const org = await json<{ items: { id: string; name: string }[] }>(jijianApi.get('/api/orgs'));
  const clue = await json<ClueRef>(jijianApi.post('/api/clues', {
    data: {
      source: 'letter', named: true, reporter, reportedPersonId: target!.id, reportedOrgId: org.items.find((o) => o.name === REPORTED_ORG)!.id, reportedLevel: 'below',
      category: 'integrity', summary, content: `来信反映被反映人多次在周末驾驶执法车辆回老家。${tag.chinese}`, receivedOn,
    },
  }));
  await json(jijianApi.post(`/api/clues/${clue.id}/scope`, { data: { decision: 'accept' } }));
  await json(jijianApi.post(`/api/clues/${clue.id}/access`, { data: { accountId: jijian2.userId, role: 'handler' } }));
  const owner = await jijianApi.post(`/api/clues/${clue.id}/identity`, { data: { purpose: '电话核实' } });
  expect(owner.status(), 'the owner has no grant either').toBe(403);
  expect((await owner.json()).error.code).toBe('CLUE_GRANT_REQUIRED');
  await jijianApi.dispose();

  // The handler sees the reporter only as sealed, and asks.
  await signInHome(page, 'jijian2');
  await page.goto(`/clues/${clue.id}`);
  await expect(page.locator('[data-test=clue-code]')).toHaveText(clue.code);
  await expect(page.locator('[data-test=clue-identity-sealed]')).toBeVisible();
  await expect(page.locator('[data-test=clue-identity-view]'), 'no view without a grant').toHaveCount(0);
  for (const secret of Object.values(reporter)) await expect(page.locator('body')).not.toContainText(secret);
  await page.locator('[data-test=clue-identity-reason]').fill(reason);
  await page.locator('[data-test=clue-identity-request]').click();
  await expectToast(page, '已提交查阅申请');
  await expect(page.locator('[data-test=clue-identity-requests]')).toContainText('待审批');
  await page.locator('[data-test=clue-reporter]').scrollIntoViewIfNeeded();
  await shot(page, 'clues-identity-request');

  // The custodian's queue names the clue number, the requester and the reason, nothing of the clue itself.
  const custodian = await deskAs(browser, baseURL!, 'baoguan');
  await expect(custodian.locator('[data-test=menu-clues]'), 'a custodian has no clue list').toHaveCount(0);
  await custodian.locator('[data-test=menu-clue-custody]').click();
  await expect(custodian).toHaveURL(/\/clues\/custody$/);
  const request = rows(custodian, 'custody-table').filter({ hasText: clue.code });
  await expect(request).toHaveCount(1);
  await expect(request).toContainText(jijian2.displayName);
  await expect(request).toContainText(reason);
  for (const hidden of [summary, target!.name, ...Object.values(reporter)]) await expect(custodian.locator('body')).not.toContainText(hidden);
  await shot(custodian, 'clues-custody');
  await request.locator('[data-test=custody-approve]').click();
  await expect(custodian.locator('[data-test=confirm-dialog] [data-test=confirm-ok]'), 'a decision needs a reason').toBeDisabled();
  await confirmWith(custodian, undefined, '理由充分，同意在授权期内查阅一次');
  await expectToast(custodian, '已批准查阅申请');
  await custodian.goto(`/clues/${clue.id}`);
  await expect(custodian.locator('[data-test=forbidden], [data-test=clue-load-error]').first(), 'the custodian cannot open the clue').toBeVisible();
  await expect(custodian.locator('body')).not.toContainText(summary);
  await custodian.context().close();

  // With the grant, the handler views the identity once, stating the purpose; closing drops it from the page.
  await page.reload();
  await expect(page.locator('[data-test=clue-identity-grant]')).toBeVisible();
  await expect(page.locator('[data-test=clue-identity-requests]')).toContainText('已批准');
  await page.locator('[data-test=clue-identity-view]').click();
  await confirmWith(page, undefined, '电话核实用车日期');
  const shown = page.locator('[data-test=clue-identity-dialog]');
  await expect(shown.locator('[data-test=clue-identity-name]')).toHaveText(reporter.name);
  await expect(shown.locator('[data-test=clue-identity-mobile]')).toHaveText(reporter.mobile);
  await expect(shown.locator('[data-test=clue-identity-unit]')).toHaveText(reporter.unit);
  await shot(page, 'clues-identity-view');
  await shown.locator('[data-test=clue-identity-close]').click();
  await expect(shown).toBeHidden();
  for (const secret of Object.values(reporter)) await expect(page.locator('body'), 'nothing of the identity stays on the page').not.toContainText(secret);

  // The step log: request, decision and view, each by its own actor; 验证 checks every step.
  await page.reload();
  const steps = page.locator('[data-test=clue-steps] li.clue-step');
  const kind = (k: string) => steps.filter({ has: page.locator('.clue-step__kind', { hasText: new RegExp(`^${k.replace(/[()（）]/g, '.')}$`) }) });
  await expect(kind('申请查阅身份')).toContainText(jijian2.displayName);
  await expect(kind('审批查阅申请')).toContainText(baoguan.displayName);
  await expect(kind('查阅身份（借阅登记）')).toHaveCount(1);
  await expect(kind('查阅身份（借阅登记）')).toContainText(jijian2.displayName);
  const total = await steps.count();
  expect(total).toBeGreaterThanOrEqual(6);
  await page.locator('[data-test=clue-steps-verify]').click();
  await expect(page.locator('[data-test=clue-steps-ok]')).toHaveText(`验证通过：${total} 步编号连续、内容未被改动、签名有效`);
  await expect(page.locator('[data-test=clue-steps] [data-test=clue-step-ok]')).toHaveCount(total);
  await expect(page.locator('[data-test=clue-steps] [data-test^=clue-step-problem-]')).toHaveCount(0);
  await page.locator('[data-test=clue-steps-card]').scrollIntoViewIfNeeded();
  await shot(page, 'clues-steps-verified');

  // The view's own step carries a signature that openssl accepts with the signer's public key.
  const viewSeq = Number((await kind('查阅身份（借阅登记）').getAttribute('data-test'))!.replace('clue-step-', ''));
  expect(await opensslVerifies(page, viewSeq)).toBe('Signature Verified Successfully');
});
