import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { apiAs } from '../support/api.js';
import { uniqueTag } from '../support/accounts.js';
import { choose, expectToast, openMenu, rows, shot, signInHome, signOut } from '../support/ui.js';
import { chooseMany, cliVerify, peopleOf, personOfAccount, photoPng, pickRange } from './inspection-helpers.js';

const sm3 = (text: string) => createHash('sm3').update(text, 'utf8').digest('hex');
const year = new Date().getFullYear();

test('检查清单: built-in templates are marked and readable; a custom checklist is created, edited and disabled', async ({ page }) => {
  const tag = uniqueTag();
  const name = `公车使用自查清单${tag.chinese}`;

  await signInHome(page, 'jijian');
  await openMenu(page, 'inspection-checklists');
  const list = rows(page, 'checklist-table');
  for (const builtin of ['中央八项规定精神及“四风”问题监督检查', '“三重一大”决策制度执行情况抽查', '“三公”经费使用情况抽查']) {
    await expect(list.filter({ hasText: builtin }).locator('[data-test=checklist-builtin]')).toHaveText('内置');
  }
  await list.filter({ hasText: '中央八项规定精神' }).locator('[data-test=checklist-view]').click();
  const drawer = page.locator('[data-test=checklist-drawer]');
  await expect(drawer.locator('[data-test=checklist-items] li')).toHaveCount(11);
  await expect(drawer).toContainText('公务接待是否有派出单位公函和接待清单');
  await expect(drawer).toContainText('抽查接待审批单、公函、接待清单和报销凭证');
  await shot(page, 'inspections-checklist-items');
  await drawer.getByRole('button', { name: /关闭|Close/ }).first().click();
  await expect(drawer).toBeHidden();
  await shot(page, 'inspections-checklists');

  await page.locator('[data-test=checklist-create]').click();
  const dialog = page.locator('[data-test=checklist-dialog]');
  await dialog.locator('[data-test=checklist-code]').fill(`car_${tag.latin}`);
  await dialog.locator('[data-test=checklist-name]').fill(name);
  const texts = ['公务用车是否逐次登记派车单', '节假日公车是否封存停放', '加油卡是否专车专用'];
  for (const [i, text] of texts.entries()) {
    if (i > 0) await dialog.locator('[data-test=checklist-item-add]').click();
    await dialog.locator(`[data-test=checklist-item-${i + 1}] [data-test=checklist-item-text]`).fill(text);
  }
  await dialog.locator('[data-test=checklist-item-1] [data-test=checklist-item-guidance]').fill('核对派车单、行车记录与加油记录');
  await shot(page, 'inspections-checklist-form');
  await dialog.locator('[data-test=checklist-dialog-confirm]').click();
  await expect(dialog).toBeHidden();
  const mine = list.filter({ hasText: name });
  await expect(mine).toContainText('自定义');
  await expect(mine.locator('td').nth(3)).toHaveText('3');

  await mine.locator('[data-test=checklist-edit]').click();
  await dialog.locator('[data-test=checklist-item-3] [data-test=checklist-item-remove]').click();
  await dialog.locator('[data-test=checklist-dialog-confirm]').click();
  await expect(dialog).toBeHidden();
  await expect(mine.locator('td').nth(3)).toHaveText('2');

  await mine.locator('[data-test=checklist-enabled]').click();
  await expectToast(page, `已停用“${name}”`);
  await openMenu(page, 'inspections');
  await page.locator('[data-test=plan-create]').click();
  await page.locator('[data-test=plan-checklist]').click();
  await expect(page.locator('.el-popper:visible'), 'a disabled checklist is not offered for new plans').not.toContainText(name);
  await expect(page.locator('.el-popper:visible')).toContainText('“三公”经费使用情况抽查');
});

test('双随机 → 检查 → 整改: a random draw picks the targets, a finding becomes a rectification item, the owner evidences it, another person closes it, 回头看 reopens it', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const tag = uniqueTag();
  const title = `“三公”经费专项抽查${tag.chinese}`;
  const jijian = await apiAs(baseURL!, 'jijian');
  const staff = await apiAs(baseURL!, 'staff');
  const [inspectorA, inspectorB] = await peopleOf(jijian, '纪检监察室');
  const [financeClerk] = await peopleOf(jijian, '财务股');
  const owner = await personOfAccount(jijian, staff);
  await Promise.all([jijian.dispose(), staff.dispose()]);

  // 纪检委员 plans a 双随机 check: the pool is published with the SM3 commitment of a hidden seed.
  await signInHome(page, 'jijian');
  await openMenu(page, 'inspections');
  await page.locator('[data-test=plan-create]').click();
  const form = page.locator('[data-test=plan-dialog]');
  await form.locator('[data-test=plan-title]').fill(title);
  await form.locator('[data-test=plan-kind-random_check]').click();
  await form.locator('[data-test=plan-subject]').fill(`${year} 年度公务接待、公务用车和因公出国（境）经费使用情况`);
  await choose(page, form.locator('[data-test=plan-checklist]'), '“三公”经费使用情况抽查');
  await pickRange(form.locator('[data-test=plan-period]'), `${year}-01-01`, `${year}-12-31`);
  await expect(form.locator('[data-test=plan-pick-draw] input')).toBeChecked();
  await chooseMany(page, form.locator('[data-test=draw-pool-orgs]'), ['办公室', '财务股', '人事股', '工程管理股']);
  await chooseMany(page, form.locator('[data-test=draw-pool-inspectors]'), [inspectorA!.name, inspectorB!.name, financeClerk!.name], { search: true });
  await form.locator('[data-test=draw-target-count] input').fill('2');
  await form.locator('[data-test=draw-inspectors-per-target] input').fill('1');
  await form.locator('[data-test=plan-title]').click();
  await shot(page, 'inspections-plan-create');
  await form.locator('[data-test=plan-dialog-confirm]').click();
  await expect(form).toBeHidden();

  const panel = page.locator('[data-test=draw-panel]');
  await expect(page.locator('[data-test=plan-title]')).toHaveText(title);
  await expect(panel.locator('[data-test=draw-status]')).toHaveText('已公示，待抽取');
  const commitment = (await panel.locator('[data-test=draw-commitment]').innerText()).trim();
  expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  await expect(panel.locator('[data-test=draw-pool-org-list] .el-tag')).toHaveCount(4);
  await expect(panel.locator('[data-test=draw-excluded]'), 'a finance clerk never inspects 财务股').toContainText(`财务股：${financeClerk!.name}`);
  await expect(panel.locator('[data-test=draw-seed]'), 'the seed stays hidden until the draw').toHaveCount(0);
  await expect(page.locator('[data-test=plan-targets-table]')).toContainText('待随机抽取');
  await shot(page, 'inspections-draw-declared');

  // The draw reveals the seed; the selection becomes the plan's targets and inspectors.
  await panel.locator('[data-test=draw-execute]').click();
  const execute = page.locator('[data-test=execute-dialog]');
  await execute.locator('[data-test=execute-entropy]').fill('FC3D-2026088 4 7 2');
  await execute.locator('[data-test=execute-confirm]').click();
  await expect(execute).toBeHidden();
  await expect(panel.locator('[data-test=draw-status]')).toHaveText('已抽取');
  const seed = (await panel.locator('[data-test=draw-seed]').innerText()).trim();
  expect(sm3(`qingfeng-draw-seed|${seed}`), 'the revealed seed is the one committed to').toBe(commitment);
  await expect(panel.locator('[data-test=draw-commitment]')).toHaveText(commitment);
  const picks = panel.locator('[data-test=draw-selection] .el-table__body-wrapper tr');
  await expect(picks).toHaveCount(2);
  const targets = rows(page, 'plan-targets-table');
  await expect(targets).toHaveCount(2);
  const picked = new Map<string, string>();
  for (const row of await picks.all()) picked.set((await row.locator('td').nth(1).innerText()).trim(), (await row.locator('td').nth(2).innerText()).trim());
  const targetNames = (await targets.locator('td:nth-child(2)').allInnerTexts()).map((s) => s.trim());
  expect(new Set(targetNames), 'the drawn units are the plan\'s targets').toEqual(new Set(picked.keys()));
  const firstTarget = targetNames[0]!;

  await panel.locator('[data-test=draw-verify-run]').click();
  await expect(panel.locator('[data-test=draw-verify-local]')).toContainText('浏览器本地验证通过');
  await expect(panel.locator('[data-test=draw-verify-server]')).toContainText('服务器复核通过');
  await expect(panel.locator('[data-test=draw-cli-hint]')).toContainText('qingfeng draw verify');
  await shot(page, 'inspections-draw-verified');

  const [file] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-test=draw-download]').click()]);
  expect(file.suggestedFilename()).toMatch(/^draw-.*\.json$/);
  const saved = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  const offline = await cliVerify(saved);
  expect(offline.out).toContain('验证通过');
  expect(offline.code).toBe(0);

  // A record for the first drawn target, with the inspector drawn for it.
  await targets.first().locator('[data-test=plan-target-record]').click();
  const recordForm = page.locator('[data-test=record-dialog]');
  await expect(recordForm.locator('[data-test=record-inspectors] .el-tag'), 'the inspector drawn for that unit').toHaveText([picked.get(firstTarget)!]);
  await recordForm.locator('[data-test=record-dialog-confirm]').click();
  await expect(page.locator('[data-test=record-org]')).toHaveText(`${firstTarget} 检查记录`);
  const items = page.locator('[data-test=result-list] > .insp-result');
  const count = await items.count();
  expect(count).toBe(9);

  await page.locator('[data-test=result-3-fail]').click();
  await page.locator('[data-test=result-note-3]').fill('3 月 12 日公务接待未附派出单位公函，接待清单缺陪餐人员');
  await page.locator('[data-test=result-upload-3] input[type=file]').setInputFiles({ name: '接待报销单.png', mimeType: 'image/png', buffer: photoPng() });
  await expect(page.locator('[data-test=result-3] [data-test=result-photo-pending]')).toHaveCount(1);
  for (const i of [1, 2, 4, 5, 6, 7, 8, 9]) await page.locator(`[data-test=result-${i}-${i === 8 ? 'na' : 'pass'}]`).click();
  await page.locator('[data-test=record-summary-input]').fill('公务用车和出国（境）经费管理规范，公务接待审批手续不全。');
  await page.locator('[data-test=record-save]').click();
  await expectToast(page, '检查情况已保存');
  await expect(page.locator('[data-test=result-3] [data-test=result-photo]'), 'the photo is claimed by the answer').toHaveCount(1);
  await expect(page.locator('[data-test=result-3] [data-test=result-photo] img'), 'and readable by the recorder').toHaveJSProperty('naturalWidth', 240);
  await expect(page.locator('[data-test=record-tally]')).toContainText('不通过 1');

  await page.locator('[data-test=result-finding-3]').click();
  const findingForm = page.locator('[data-test=finding-dialog]');
  await expect(findingForm.locator('[data-test=finding-description]')).toHaveValue('3 月 12 日公务接待未附派出单位公函，接待清单缺陪餐人员');
  await findingForm.locator('[data-test=finding-confirm]').click();
  await expect(findingForm).toBeHidden();
  await expect(page.locator('[data-test=finding-1]')).toContainText('第 3 项');
  await shot(page, 'inspections-record');

  await page.locator('[data-test=record-submit]').click();
  await page.locator('[data-test=confirm-ok]').click();
  await expect(page.locator('[data-test=record-status]')).toHaveText('已提交');
  await expect(page.locator('[data-test=record-save]')).toHaveCount(0);

  // One action: the finding becomes a rectification item of the inspected unit.
  await page.locator('[data-test=finding-1] [data-test=finding-rectify]').click();
  const rectify = page.locator('[data-test=rectify-dialog]');
  await expect(rectify.locator('[data-test=rectify-title]')).toHaveValue('3 月 12 日公务接待未附派出单位公函，接待清单缺陪餐人员');
  await rectify.locator('[data-test=rectify-title]').fill(`公务接待手续不全${tag.chinese}`);
  await choose(page, rectify.locator('[data-test=rectify-owner]'), owner.name, owner.name);
  await rectify.locator('[data-test=rectify-days] input').fill('15');
  await rectify.locator('[data-test=rectify-measure]').fill('补齐 3 月以来接待公函和清单，修订公务接待审批流程');
  await shot(page, 'inspections-rectify');
  await rectify.locator('[data-test=rectify-confirm]').click();
  await expect(rectify).toBeHidden();
  const link = page.locator('[data-test=finding-1] [data-test=finding-rectification-link]');
  await expect(link).toHaveText(/ZG-\d{4}-\d+/);
  await expect(page.locator('[data-test=finding-1] [data-test=finding-rectification-status]')).toHaveText('待整改');
  await shot(page, 'inspections-finding-rectified');
  const code = (await link.innerText()).trim();
  const recordUrl = page.url();
  await link.click();
  await expect(page.locator('[data-test=rectification-code]')).toHaveText(code);
  const itemUrl = page.url();
  await expect(page.locator('[data-test=rectification-head]')).toContainText(`监督检查 · ${title}`);
  await signOut(page);

  // The owner works the item: evidence on the measure, then submission. No verify button for them.
  await signInHome(page, 'staff');
  await page.goto(itemUrl);
  await expect(page.locator('[data-test=rectification-code]')).toHaveText(code);
  await expect(page.locator('[data-test=rectification-owner-notice]')).toBeVisible();
  await page.locator('[data-test=rectification-action-start]').click();
  await page.locator('[data-test=start-confirm]').click();
  await expect(page.locator('[data-test=rectification-status]')).toHaveText('整改中');
  await page.locator('[data-test=measure-evidence-1]').click();
  const evidence = page.locator('[data-test=evidence-dialog]');
  await evidence.locator('[data-test=evidence-upload] input[type=file]').setInputFiles({ name: '补办公函.png', mimeType: 'image/png', buffer: photoPng() });
  await evidence.locator('[data-test=evidence-note]').fill('补办的接待公函和清单');
  await evidence.locator('[data-test=evidence-confirm]').click();
  await expect(evidence).toBeHidden();
  await expect(page.locator('[data-test=measure-1] [data-test=evidence-download]')).toHaveText('补办公函.png');
  await page.locator('[data-test=measure-done-1]').click();
  await page.locator('[data-test=measure-confirm]').click();
  await expect(page.locator('[data-test=measure-status-1]')).toHaveText('已完成');
  await shot(page, 'rectification-owner-evidence');
  await page.locator('[data-test=rectification-action-submit]').click();
  await page.locator('[data-test=submit-confirm]').click();
  await expect(page.locator('[data-test=rectification-status]')).toHaveText('待验证');
  await expect(page.locator('[data-test=verify-pass]'), 'the owner cannot verify their own item').toHaveCount(0);
  await signOut(page);

  // Someone else (书记, with the verify permission) verifies and closes it.
  await signInHome(page, 'secretary');
  await page.goto(itemUrl);
  await page.locator('[data-test=verify-pass]').click();
  await page.locator('[data-test=verify-note]').fill('公函和清单已补齐，流程已修订');
  await shot(page, 'rectification-verify');
  await page.locator('[data-test=verify-confirm]').click();
  await expect(page.locator('[data-test=rectification-status]')).toHaveText('已销号');
  await expect(page.locator('[data-test=timeline-closed]')).toBeVisible();
  await signOut(page);

  // 回头看: the follow-up check finds the problem back and reopens the item with a new deadline.
  await signInHome(page, 'jijian');
  await page.goto(itemUrl);
  await page.locator('[data-test=rectification-action-reopen]').click();
  await page.locator('[data-test=reopen-days] input').fill('10');
  await page.locator('[data-test=reopen-note]').fill('回头看发现 5 月仍有两次接待未附公函');
  await shot(page, 'rectification-reopen');
  await page.locator('[data-test=reopen-confirm]').click();
  await expect(page.locator('[data-test=rectification-status]')).toHaveText('整改中');
  await expect(page.locator('[data-test=timeline-reopened]')).toBeVisible();
  await shot(page, 'rectification-reopened');

  await page.goto(recordUrl);
  await expect(page.locator('[data-test=finding-1] [data-test=finding-rectification-status]'), 'the finding shows the item\'s live state').toHaveText('整改中');
});
