import { expect, test } from '@playwright/test';
import { apiAs, json } from '../support/api.js';
import { uniqueTag } from '../support/accounts.js';
import { download, sheetRows } from '../support/files.js';
import { choose, confirmWith, expectToast, openMenu, rows, shot, signInHome } from '../support/ui.js';
import { deskAs, phone } from '../complaints/complaint-helpers.js';
import { personOfAccount, photoPng } from '../inspections/inspection-helpers.js';
import { BREAKDOWN_FIXTURE, scoreSheet, sheetItem, verifyWithOpenssl } from './duty-helpers.js';

/**
 * The chain of issue 6 as its people work it: 组织 issues next year's 责任书, the 书记 signs at the desk and
 * a 班子成员 on a phone, the board's 签订率 moves; 纪检 imports this year's 任务分解表 and decomposes a task to
 * two 股室, an owner reports with evidence and is accepted; the task left behind shows up as an automatic
 * deduction in that 股室's 考核, which goes 自评 → 初评 → 定等次 and out to the performance-pay workbook.
 * The steps build on each other, so they run in order on one server; each person works in a browser of their own.
 */
test.describe.configure({ mode: 'serial' });

const tag = uniqueTag();
const THIS_YEAR = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
/** The issue page offers next year's letters from November on, when they are prepared. */
const LETTER_YEAR = new Date().getMonth() >= 10 ? THIS_YEAR + 1 : THIS_YEAR;
const LEFT_BEHIND = `运行调度股询价比价自查${tag.chinese}`;
const REPORTED = `设备维护股询价比价自查${tag.chinese}`;

test('责任书: issued for a year, signed by the 书记 at the desk and a 班子成员 on a phone; 签订率 follows and the signature verifies with openssl', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const zuzhi = await apiAs(baseURL!, 'zuzhi');
  const leader1 = await apiAs(baseURL!, 'leader1');
  const member = await personOfAccount(zuzhi, leader1);
  const before = await json<{ items: unknown[] }>(zuzhi.get('/api/duty-letters', { params: { year: LETTER_YEAR, page: 1, pageSize: 50 } }));
  expect(before.items, `${LETTER_YEAR} starts without letters`).toHaveLength(0);
  await Promise.all([zuzhi.dispose(), leader1.dispose()]);

  await signInHome(page, 'zuzhi');
  await openMenu(page, 'duty-board', /\/duty\/letters(\?|$)/);
  await page.locator('[data-test=duty-board-issue]').click();
  await expect(page).toHaveURL(/\/duty\/letters\/issue$/);
  await expect(page.locator('[data-test=duty-issue-year]')).toContainText(String(LETTER_YEAR));
  const proposed = rows(page, 'duty-issue-table');
  await expect(proposed.filter({ hasText: member.name })).toHaveCount(1);
  await expect(proposed.filter({ hasText: '没有系统账号' }).first(), 'a party without an account cannot sign, so that pair is not offered').toBeVisible();
  const submit = page.locator('[data-test=duty-issue-submit]');
  await expect(submit).toBeEnabled();
  const count = Number((await submit.innerText()).match(/\d+/)![0]);
  expect(count).toBeGreaterThanOrEqual(2);
  await shot(page, 'duty-issue');
  await submit.click();
  await confirmWith(page, String(LETTER_YEAR));
  await expectToast(page, `已下达 ${count} 份责任书`);
  await expect(page).toHaveURL(new RegExp(`/duty/letters\\?year=${LETTER_YEAR}`));
  await expect(page.locator('[data-test=duty-board-total]')).toContainText(`已签 0 / 共 ${count} 份`);

  // The 书记 opens the pair with the 班子成员 from 我的责任书 and signs first.
  const secretary = await deskAs(browser, baseURL!, 'secretary');
  await secretary.goto('/duty/letters/mine');
  await secretary.locator('[data-test=duty-mine-card]').filter({ hasText: member.name }).locator('[data-test=duty-mine-sign]').click();
  await expect(secretary.locator('[data-test=duty-letter-status]')).toHaveText('待签订');
  const letterUrl = secretary.url();
  const hash = (await secretary.locator('[data-test=duty-letter-hash]').innerText()).trim();
  await secretary.locator('[data-test=duty-sign]').click();
  await confirmWith(secretary, hash.slice(0, 16));
  await expect(secretary.locator('[data-test=duty-sign-done]')).toBeVisible();
  await expect(secretary.locator('[data-test=duty-letter-status]')).toHaveText('签订中');
  await secretary.context().close();

  // The 班子成员 signs on a phone.
  const mobile = await phone(browser, baseURL!);
  const m = await mobile.newPage();
  await signInHome(m, 'leader1');
  await m.goto('/duty/letters/mine');
  const card = m.locator('[data-test=duty-mine-card]').filter({ hasText: String(LETTER_YEAR) });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('已签 1/2');
  await card.locator('[data-test=duty-mine-sign]').click();
  await expect(m.locator('[data-test=duty-letter-body]')).toBeVisible();
  expect(await m.evaluate(() => document.documentElement.scrollWidth), 'the letter fits a 375 px screen').toBeLessThanOrEqual(375);
  await m.locator('[data-test=duty-sign]').scrollIntoViewIfNeeded();
  await shot(m, 'duty-sign-phone');
  await m.locator('[data-test=duty-sign]').click();
  await confirmWith(m, hash.slice(0, 16));
  await expect(m.locator('[data-test=duty-letter-status]')).toHaveText('已签订');
  await expect(m.locator('[data-test=duty-sign-done]')).toBeVisible();
  await mobile.close();

  await page.goto(`/duty/letters?year=${LETTER_YEAR}`);
  await expect(page.locator('[data-test=duty-board-total]')).toContainText(`已签 1 / 共 ${count} 份`);
  await expect(page.locator('[data-test=duty-board-level-bureau]')).toContainText('已签 1 /');
  await expect(rows(page, 'duty-letters-table').filter({ hasText: member.name })).toContainText('已签订');
  await shot(page, 'duty-board');

  await page.goto(letterUrl);
  await expect(page.locator('[data-test=duty-letter-edit]'), 'a signed letter is not edited, only revised').toHaveCount(0);
  await page.locator('[data-test=duty-letter-party]').filter({ hasText: member.name }).locator('[data-test=duty-letter-signature]').click();
  const dialog = page.locator('[data-test=duty-signature-dialog]');
  await expect(dialog.locator('[data-test=duty-signature-message]')).toContainText(hash);
  const verified = await verifyWithOpenssl(page, dialog, testInfo.outputPath('signature'));
  expect(verified.ok, verified.out).toBe(true);
  expect(verified.out).toContain('Signature Verified Successfully');
  await shot(page, 'duty-signature');
});

let leftBehindTask = '';

test('任务分解表: imported from Excel, a task decomposed to two 股室, the owner reports with evidence and the assigner accepts', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const jijian = await apiAs(baseURL!, 'jijian');
  const zhibu = await apiAs(baseURL!, 'zhibu');
  const owner = await personOfAccount(jijian, zhibu);
  await Promise.all([jijian.dispose(), zhibu.dispose()]);

  await signInHome(page, 'jijian');
  await openMenu(page, 'duty-plans', /\/duty\/plans(\?|$)/);
  await page.locator('[data-test=duty-plan-create]').click();
  const create = page.locator('[data-test=duty-plan-dialog]');
  await create.locator('[data-test=duty-plan-title]').fill(`${THIS_YEAR}年度全面从严治党重点任务分解表（${tag.chinese}）`);
  await choose(page, create.locator('[data-test=duty-plan-org]'), '长江河道管理局');
  await create.locator('[data-test=duty-plan-save]').click();
  await expect(page).toHaveURL(/\/duty\/plans\/[^/]+$/);

  await page.locator('[data-test=duty-plan-import]').click();
  const dialog = page.locator('[data-test=duty-tasks-import-dialog]');
  await dialog.locator('[data-test=duty-tasks-import-upload] input[type=file]').setInputFiles(BREAKDOWN_FIXTURE);
  await dialog.locator('[data-test=duty-tasks-import-confirm]').click();
  await expect(dialog).toBeHidden();
  const tree = page.locator('[data-test=duty-task-tree] .el-table__body-wrapper tr');
  await expect(tree).toHaveCount(17);
  await expect(page.locator('[data-test=duty-plan-progress]')).toHaveText('0%');
  await expect(tree.filter({ hasText: '闸站物资采购询价比价检查' }).locator('[data-test=duty-task-overdue]'), 'its deadline has passed').toBeVisible();
  await shot(page, 'duty-plan');

  await tree.filter({ hasText: '闸站物资采购询价比价检查' }).locator('[data-test=duty-task-open]').click();
  await expect(page).toHaveURL(/\/duty\/tasks\/[^/]+$/);
  const parentUrl = page.url();
  await page.locator('[data-test=duty-task-decompose]').click();
  const decompose = page.locator('[data-test=duty-decompose-dialog]');
  const body = decompose.locator('.el-table__body-wrapper tr');
  await expect(body).toHaveCount(2);
  const split: [string, string][] = [['运行调度股', LEFT_BEHIND], ['设备维护股', REPORTED]];
  for (const [i, [org, title]] of split.entries()) {
    await choose(page, body.nth(i).locator('[data-test=duty-decompose-org]'), org, org);
    await body.nth(i).locator('input[placeholder="闸站物资采购询价比价检查"]').fill(title);
  }
  await choose(page, body.nth(1).locator('.el-select').last(), owner.name, owner.name);
  await shot(page, 'duty-decompose');
  await decompose.locator('[data-test=duty-decompose-save]').click();
  await expect(decompose).toBeHidden();
  await expectToast(page, '已分解');
  const children = page.locator('[data-test=duty-task-tree] .el-table__body-wrapper tr');
  await expect(children).toHaveCount(3);
  await children.filter({ hasText: LEFT_BEHIND }).locator('[data-test=duty-task-open]').click();
  leftBehindTask = page.url();
  await page.goto(parentUrl);
  await page.locator('[data-test=duty-task-tree] .el-table__body-wrapper tr').filter({ hasText: REPORTED }).locator('[data-test=duty-task-open]').click();
  await expect(page).toHaveURL(/\/duty\/tasks\/[^/]+$/);
  const reportedUrl = page.url();
  await expect(page.locator('[data-test=duty-task-status]')).toHaveText('未开始');

  // The owner named in the decomposition (the 支部书记, a member of the 闸站 branch) reports with evidence.
  const reporter = await deskAs(browser, baseURL!, 'zhibu');
  await reporter.goto(reportedUrl);
  await reporter.locator('[data-test=duty-task-report]').click();
  const report = reporter.locator('[data-test=duty-report-dialog]');
  await report.locator('[data-test=duty-report-percent] .el-input-number input').fill('100');
  await report.locator('[data-test=duty-report-percent] .el-input-number input').blur();
  await report.locator('[data-test=duty-report-note]').fill('已对上半年 12 笔维修物资采购逐笔核对询价、比价和验收记录，补齐 2 笔验收单。');
  await report.locator('[data-test=duty-report-upload] input[type=file]').setInputFiles({ name: '采购台账核查记录.png', mimeType: 'image/png', buffer: photoPng() });
  await shot(reporter, 'duty-report');
  await report.locator('[data-test=duty-report-submit]').click();
  await expect(report).toBeHidden();
  const reports = rows(reporter, 'duty-task-reports');
  await expect(reports.first().locator('[data-test=duty-report-status]')).toHaveText('待审核');
  await expect(reports.first()).toContainText('采购台账核查记录.png');
  await expect(reporter.locator('[data-test=duty-task-status]')).toHaveText('待审核');
  await expect(reporter.locator('[data-test=duty-report-accept]'), 'nobody reviews their own report').toHaveCount(0);
  await reporter.context().close();

  await page.goto(reportedUrl);
  await page.locator('[data-test=duty-report-accept]').click();
  await confirmWith(page, '100%', '核查记录齐全，同意通过');
  await expect(rows(page, 'duty-task-reports').first().locator('[data-test=duty-report-status]')).toHaveText('已通过');
  await expect(page.locator('[data-test=duty-task-status]')).toHaveText('已完成');
  await shot(page, 'duty-accept');
  await page.goto(parentUrl);
  const shares = page.locator('[data-test=duty-task-tree] .el-table__body-wrapper tr');
  await expect(shares.filter({ hasText: REPORTED }).locator('[data-test=duty-task-progress]')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.locator('[data-test=duty-task-progress-main]'), 'the parent rolls up its children by weight').not.toHaveAttribute('aria-valuenow', '0');
  await expect(shares.filter({ hasText: LEFT_BEHIND }).locator('[data-test=duty-task-overdue]')).toBeVisible();
});

test('考核: the overdue task appears as an automatic deduction; 自评 → 初评 → 定等次; the pay workbook carries the grade and coefficient', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  expect(leftBehindTask, 'the key-task step ran first').not.toBe('');
  const jijian = await apiAs(baseURL!, 'jijian');
  const { items: rubrics } = await json<{ items: { id: string; year: number; name: string; subjectKind: string; status: string }[] }>(jijian.get('/api/assessment/rubrics', { params: { year: THIS_YEAR, page: 1, pageSize: 50 } }));
  const rubric = rubrics.find((r) => r.subjectKind === 'unit' && r.status === 'published')!;
  expect(rubric, 'the demo has this year’s unit rubric').toBeTruthy();
  await jijian.dispose();

  await signInHome(page, 'jijian');
  await openMenu(page, 'assessment-rubrics', /\/assessment\/rubrics(\?|$)/);
  await rows(page, 'rubric-table').filter({ hasText: rubric.name }).locator('[data-test=rubric-launch]').click();
  const launch = page.locator('[data-test=assessment-launch-dialog]');
  await choose(page, launch.locator('[data-test=assessment-launch-orgs]'), '运行调度股', '运行调度股');
  await launch.locator('.el-dialog__title').click();
  await expect(page.locator('.el-popper:visible .el-select-dropdown__item')).toHaveCount(0);
  await launch.locator('[data-test=assessment-launch-submit]').click();
  await expectToast(page, '已启动 1 份考核');

  await openMenu(page, 'assessments', /\/assessment(\?|$)/);
  await rows(page, 'assessments-table').filter({ hasText: '运行调度股' }).first().click();
  await expect(page).toHaveURL(/\/assessment\/[^/]+$/);
  const assessmentUrl = page.url();
  await expect(page.locator('[data-test=assessment-status]')).toHaveText('自评');
  const overdue = sheetItem(page, 'self', '1.8').locator('[data-test=sheet-deduction]').filter({ hasText: '重点任务超期' });
  await expect(overdue.locator('[data-test=sheet-feed]')).toHaveText('自动取数 1 次');
  await overdue.locator('.el-tooltip__trigger, span.muted').first().hover();
  await expect(page.locator('.el-popper:visible').filter({ hasText: LEFT_BEHIND })).toBeVisible();

  // 自评 by the 班子成员 who oversees 闸站管理所 and its 股室.
  const leader = await deskAs(browser, baseURL!, 'leader1');
  await leader.goto(assessmentUrl);
  await scoreSheet(leader, 'self', { '1.1': 3, '1.2': 3, '1.4': 2, '1.5': 2, '3.1': 15, '3.2': 14 }, 9);
  await sheetItem(leader, 'self', '3.2').locator('[data-test=sheet-comment]').fill('风险点排查已完成，个别防控措施待细化');
  await leader.locator('[data-test=score-sheet-self] [data-test=sheet-remark]').fill('对照考核细则逐项自查');
  await leader.locator('[data-test=assessment-save-self]').click();
  await expectToast(leader, '保存成功');
  await expect(sheetItem(leader, 'self', '1.8').locator('[data-test=sheet-indicator-score]')).toHaveText('7');
  await sheetItem(leader, 'self', '1.8').scrollIntoViewIfNeeded();
  await shot(leader, 'duty-assessment-self');
  await leader.locator('[data-test=assessment-submit-self]').click();
  await confirmWith(leader);
  await expect(leader.locator('[data-test=assessment-status]')).toHaveText('考核小组初评');
  await leader.context().close();

  // 初评 by the 考核小组 with a per-item comment.
  await page.goto(assessmentUrl);
  await page.getByRole('tab', { name: '考核小组初评' }).click();
  await scoreSheet(page, 'review', { '1.1': 3, '1.2': 3, '1.4': 2, '1.5': 2, '3.1': 13, '3.2': 14 }, 9);
  await sheetItem(page, 'review', '3.1').locator('[data-test=sheet-comment]').fill('公务用车台账有 2 次未登记，扣 2 分');
  await page.locator('[data-test=assessment-save-review]').click();
  await expectToast(page, '保存成功');
  const total = (await page.locator('[data-test=score-sheet-review] [data-test=sheet-total]').innerText()).trim();
  await shot(page, 'duty-assessment-review');
  await page.locator('[data-test=assessment-submit-review]').click();
  await confirmWith(page);
  await expect(page.locator('[data-test=assessment-status]')).toHaveText('党组织定等次');

  // 定等次 by the 书记, at the computed grade; the result is then locked.
  const secretary = await deskAs(browser, baseURL!, 'secretary');
  await secretary.goto(assessmentUrl);
  await secretary.getByRole('tab', { name: '定等次' }).click();
  const grade = secretary.locator('[data-test=assessment-approve-grade] .el-radio-button.is-active');
  const gradeText = (await grade.innerText()).trim();
  await secretary.locator('[data-test=assessment-approve]').click();
  await confirmWith(secretary, gradeText);
  await expect(secretary.locator('[data-test=assessment-status]')).toHaveText('已审定');
  await expect(secretary.locator('[data-test=assessment-grade]')).toHaveText(`${gradeText} ${total}`);
  await expect(secretary.locator('[data-test=assessment-approval]')).toBeVisible();
  await expect(secretary.locator('[data-test=assessment-return]'), 'an approved result is locked').toHaveCount(0);
  await shot(secretary, 'duty-assessment-grade');

  await openMenu(secretary, 'assessments', /\/assessment(\?|$)/);
  const file = await download(secretary, secretary.locator('[data-test=assessment-pay-export]'), 'xlsx');
  const sheet = await sheetRows(file);
  const header = sheet[0]!;
  const ours = sheet.find((r) => r[header.indexOf('单位/姓名')] === '运行调度股');
  expect(ours, JSON.stringify(sheet)).toBeTruthy();
  expect(ours![header.indexOf('年度')]).toBe(String(THIS_YEAR));
  expect(ours![header.indexOf('考核得分')]).toBe(total);
  expect(ours![header.indexOf('考核等次')]).toBe(gradeText);
  expect(Number(ours![header.indexOf('绩效系数')])).toBeGreaterThan(0);
  await shot(secretary, 'duty-assessments');
});

test('一岗双责: a 班子成员 sees on one page the orgs they oversee, their letters and the task left overdue in their area', async ({ page }) => {
  expect(leftBehindTask, 'the key-task step ran first').not.toBe('');
  await signInHome(page, 'leader1');
  await openMenu(page, 'dual-duty', /\/duty\/dual(\?|$)/);
  await rows(page, 'dual-duty-table').filter({ hasText: '闸站管理所' }).first().click();
  const view = page.locator('[data-test=dual-duty-page]');
  await expect(view).toContainText('财务股');
  await expect(view).toContainText(LEFT_BEHIND);
  await expect(page.locator('[data-test=dual-duty-tasks-overdue]')).not.toHaveText('0');
  await shot(page, 'duty-dual');
});
