import { expect, test } from '@playwright/test';
import { mobile, uniqueTag } from '../support/accounts.js';
import { apiAs, json } from '../support/api.js';
import { choose, openMenu, rows, shot, signInHome } from '../support/ui.js';
import { captchaSolved, deskAs, followWithCode, phone, portalChoice, recordPortalAnswers } from '../complaints/complaint-helpers.js';
import { account, clueStatus, clueStep, DISCIPLINE_WORDS, field, pickMembers, REPORTED_ORG } from './clue-helpers.js';

interface ClueClock {
  kind: string;
  due: string;
  doneOn: string | null;
  colour: string;
}

test('问题线索全程: a named portal complaint becomes a clue → 受理 → 集体研究 → 书记审批 → 谈话函询 with two interviewers and an endorsed reply → 第一种形态 谈话提醒 with a 整改 item → 办结 → the reporter told on the portal within the clock, with no 纪检 or handler name', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const tag = uniqueTag();
  const [jijian, jijian2, secretary, staff] = await Promise.all([account(baseURL!, 'jijian'), account(baseURL!, 'jijian2'), account(baseURL!, 'secretary'), account(baseURL!, 'staff')]);
  const jijianApi = await apiAs(baseURL!, 'jijian');
  const reported = await json<{ name: string }>(jijianApi.get(`/api/people/${staff.personId}`));
  const reporterName = `钱${tag.given}`;
  const reporterMobile = mobile();
  const content = `巡查一中队队员在河道采砂巡查中多次接受采砂船主宴请，并对夜间违规采砂不予制止。编号${tag.chinese}`;
  const summary = `巡查中接受采砂船主宴请${tag.chinese}`;
  const rectTitle = `河道巡查廉洁风险排查${tag.chinese}`;

  // The reporter files on a phone, with name and mobile (实名).
  const reporterContext = await phone(browser, baseURL!);
  const portalAnswers = recordPortalAnswers(reporterContext);
  const reporter = await reporterContext.newPage();
  await reporter.goto('/portal/complaint');
  await portalChoice(reporter, 'portal-complaint-category-option', '政务/业务').click();
  await portalChoice(reporter, 'portal-complaint-matter-option', '工作作风与服务态度').click();
  await reporter.locator('[data-test=portal-complaint-org-search]').fill(REPORTED_ORG);
  await portalChoice(reporter, 'portal-complaint-org-option', REPORTED_ORG).click();
  await reporter.locator('[data-test=portal-complaint-content]').fill(content);
  await reporter.locator('[data-test=portal-complaint-named]').check();
  await reporter.locator('[data-test=portal-complaint-name]').fill(reporterName);
  await reporter.locator('[data-test=portal-complaint-mobile]').fill(reporterMobile);
  await captchaSolved(reporter);
  await reporter.locator('[data-test=portal-complaint-submit]').click();
  const receipt = reporter.locator('[data-test=receipt]');
  await expect(receipt).toBeVisible();
  const receiptCode = (await receipt.locator('[data-test=receipt-code]').innerText()).trim();
  const complaintNumber = (await receipt.locator('[data-test=receipt-number]').innerText()).trim();

  // 纪检 finds the complaint and turns it into a clue.
  await signInHome(page, 'jijian');
  await openMenu(page, 'complaints');
  await page.locator('[data-test=complaint-search-q]').fill(complaintNumber);
  await page.locator('[data-test=complaint-search-submit]').click();
  await expect(rows(page, 'complaint-table')).toHaveCount(1);
  await rows(page, 'complaint-table').first().locator('[data-test=complaint-open]').click();
  await expect(page.locator('[data-test=complaint-code]')).toHaveText(complaintNumber);
  await page.locator('[data-test=complaint-to-clue]').click();
  const convert = page.locator('[data-test=convert-clue-dialog]');
  await expect(convert).toBeVisible();
  await choose(page, convert.locator('[data-test=clue-reported-person]'), reported.name, reported.name);
  await expect(convert.locator('[data-test=clue-reported-org]'), 'the complaint\'s org is the reported org').toContainText(REPORTED_ORG);
  await convert.locator('[data-test=clue-level-below]').click();
  await choose(page, convert.locator('[data-test=convert-category]'), '廉洁纪律');
  await convert.locator('[data-test=convert-summary]').fill(summary);
  await shot(page, 'clues-convert');
  await convert.locator('[data-test=convert-clue-confirm]').click();

  await expect(page).toHaveURL(/\/clues\/[0-9a-f-]{36}$/);
  const clueUrl = page.url();
  const clueId = clueUrl.split('/').pop()!;
  const clueCode = (await page.locator('[data-test=clue-code]').innerText()).trim();
  expect(clueCode).toMatch(/^XS-\d{4}-\d+$/);
  await expect(clueStatus(page)).toHaveText('待研判');
  await expect(page.locator('[data-test=clue-named]')).toHaveText('实名');
  await expect(page.locator('[data-test=clue-source]')).toHaveText('12388/网络举报');
  await expect(page.locator('[data-test=clue-reported]')).toHaveText(reported.name);
  await expect(page.locator('[data-test=clue-content-text]')).toHaveText(content);
  await expect(page.locator('[data-test=clue-complaint]')).toHaveText(complaintNumber);
  await expect(page.locator('[data-test=clue-identity-sealed]'), 'not even the owner sees the reporter').toBeVisible();
  for (const secret of [reporterName, reporterMobile]) await expect(page.locator('body')).not.toContainText(secret);

  // The owner puts the second interviewer and the approver on the clue's list.
  await page.getByRole('tab', { name: '知悉范围' }).click();
  const access = page.locator('[data-test=clue-access]');
  for (const [who, role] of [[jijian2, '承办人'], [secretary, '审批人']] as const) {
    await choose(page, access.locator('[data-test=clue-access-account]'), `${who.displayName} (${who.username})`, who.username);
    await choose(page, access.locator('[data-test=clue-access-role]'), role);
    await access.locator('[data-test=clue-access-submit]').click();
    await expect(access.locator('.clue-access__row').filter({ hasText: who.displayName })).toContainText(role);
  }
  await expect(access.locator('[data-test=clue-access-owner]')).toContainText(jijian.displayName);
  await shot(page, 'clues-access');

  // 研判: 受理, and the named reporter is told of it on the portal.
  await clueStep(page, 'scope', async (d) => {
    await expect(d.locator('[data-test=option-decision-accept] input')).toBeChecked();
    await field(d, 'reason').fill('反映问题具体，属于本级管辖');
  }, '已受理', { shot: () => shot(page, 'clues-scope') });
  await clueStep(page, 'notice', async (d) => {
    await expect(d.locator('[data-test=option-kind-acceptance] input')).toBeChecked();
    await choose(page, d.locator('[data-test=input-method]'), '网上');
    await field(d, 'note').fill('通过网上诉求平台告知受理');
  }, '已受理');

  await clueStep(page, 'propose', async (d) => {
    await d.locator('[data-test=option-method-talk_inquiry]').click();
    await field(d, 'reason').fill('问题线索反映的情况较为具体，但情节较轻，建议采取谈话函询方式处置');
  }, '已提出处置意见');
  await clueStep(page, 'study', async (d) => {
    await pickMembers(page, d, 'attendees', [
      { name: jijian.displayName, opinion: '同意谈话函询' },
      { name: jijian2.displayName, opinion: '同意，谈话时注意了解夜间巡查安排' },
      { name: secretary.displayName, opinion: '同意' },
    ]);
    await field(d, 'conclusion').fill('经集体研究，同意采取谈话函询方式处置，报主要负责人审批');
  }, '已集体研究', { shot: () => shot(page, 'clues-study') });
  await expect(page.locator('[data-test=clue-action-approve]'), 'approval is the listed approver\'s, not the owner\'s').toHaveCount(0);

  // The secretary approves at their own desk.
  const approver = await deskAs(browser, baseURL!, 'secretary');
  await approver.goto(clueUrl);
  await expect(clueStatus(approver)).toHaveText('已集体研究');
  await clueStep(approver, 'approve', async (d) => {
    await field(d, 'note').fill('同意');
  }, '已批准', { shot: () => shot(approver, 'clues-approve') });
  await approver.context().close();

  // 谈话函询: plan, the talk with two interviewers, the written explanation endorsed by the org head.
  await page.reload();
  await expect(clueStatus(page)).toHaveText('已批准');
  await clueStep(page, 'talk_plan', async (d) => {
    await expect(d.locator('[data-test=option-mode-talk] input')).toBeChecked();
    await field(d, 'note').fill('由两名纪检干部与被反映人谈话，了解接受宴请和夜间巡查情况');
  }, '处置中');
  await clueStep(page, 'talk', async (d) => {
    await field(d, 'place').fill('局机关三楼小会议室');
    await pickMembers(page, d, 'interviewers', [{ name: jijian.displayName }, { name: jijian2.displayName }]);
    await field(d, 'record').fill('被谈话人承认曾两次参加采砂船主组织的饭局，表示认识到错误，愿意写出书面说明。');
    await d.locator('[data-test=input-intervieweeSigned]').click();
  }, '处置中', { shot: () => shot(page, 'clues-talk') });
  await clueStep(page, 'reply', async (d) => {
    await field(d, 'content').fill('本人对参加饭局的行为深刻反省，今后严守廉洁纪律，夜间巡查严格按规定执行。');
    await field(d, 'endorsedBy').fill('巡查一中队队长');
  }, '处置完毕');

  // 运用第一种形态: 谈话提醒, and a 整改 item for the unit.
  await page.locator('[data-test=clue-action-outcome]').click();
  const outcome = page.locator('[data-test=clue-outcome-dialog]');
  await expect(outcome).toBeVisible();
  await outcome.locator('[data-test=outcome-form-1]').click();
  await choose(page, outcome.locator('[data-test=outcome-measure]'), '谈话提醒');
  await outcome.locator('[data-test=outcome-note]').fill('对被反映人进行谈话提醒');
  await outcome.locator('[data-test=outcome-rectify]').click();
  await outcome.locator('[data-test=outcome-rect-title]').fill(rectTitle);
  await outcome.locator('[data-test=outcome-rect-problem]').fill('夜间巡查无人复核，存在接受管理对象宴请的廉洁风险。');
  await choose(page, outcome.locator('[data-test=outcome-rect-org]').first(), REPORTED_ORG, REPORTED_ORG);
  await choose(page, outcome.locator('[data-test=outcome-rect-owner]'), reported.name, reported.name);
  await shot(page, 'clues-outcome');
  await outcome.locator('[data-test=outcome-confirm]').click();
  await expect(outcome).toBeHidden();
  await expect(clueStatus(page)).toHaveText('已认定结果');
  await expect(page.locator('[data-test=clue-form]')).toHaveText('第一种形态');
  const rectLink = page.locator('[data-test=clue-record-rectification]');
  const rectCode = (await rectLink.innerText()).trim();
  expect(rectCode).toMatch(/^ZG-\d{4}-\d+$/);

  // The 整改 item opens in the rectification pages.
  await rectLink.click();
  await expect(page).toHaveURL(/\/rectification\/[0-9a-f-]{36}$/);
  await expect(page.locator('[data-test=rectification-code]')).toHaveText(rectCode);
  await expect(page.locator('[data-test=rectification-title]')).toHaveText(rectTitle);
  await page.goto(clueUrl);

  await clueStep(page, 'close', async (d) => {
    await field(d, 'note').fill('谈话提醒已完成，整改事项已交办');
  }, '已办结');
  await clueStep(page, 'notice', async (d) => {
    await expect(d.locator('[data-test=option-kind-result] input')).toBeChecked();
    await choose(page, d.locator('[data-test=input-method]'), '网上');
    await field(d, 'note').fill('通过网上诉求平台反馈办理结果');
  }, '已办结', { shot: () => shot(page, 'clues-notice') });
  await page.reload();
  await expect(page.locator('[data-test=clue-record-outcome], [data-test=clue-record]').first()).toBeVisible();
  await shot(page, 'clues-detail');

  // Both promises to the named reporter were kept: each notice on or before its due day.
  const clue = await json<{ clocks: ClueClock[] }>(jijianApi.get(`/api/clues/${clueId}`));
  for (const kind of ['acceptance_notice', 'result_notice']) {
    const clock = clue.clocks.find((c) => c.kind === kind);
    expect(clock?.doneOn, `${kind} recorded`).toBeTruthy();
    expect(clock!.doneOn! <= clock!.due, `${kind} told by ${clock!.due}`).toBe(true);
  }
  await jijianApi.dispose();

  // The reporter reads both notices with the receipt code, on a phone, and learns no disciplinary word or name.
  await followWithCode(reporter, receiptCode);
  const notices = reporter.locator('[data-test=follow-message][data-from=handler]');
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toContainText('受理告知书');
  await expect(notices.nth(1)).toContainText('办理结果告知书');
  await expect(notices.nth(1)).toContainText('已依照有关规定作出处理');
  await expect(notices.nth(1)).toContainText('长江河道管理局');
  expect(await reporter.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 375 px').toBeLessThanOrEqual(375);
  await notices.first().scrollIntoViewIfNeeded();
  await shot(reporter, 'clues-portal-notice');
  const seen = await reporter.locator('body').innerText();
  // The form's public catalogue names every org (纪检监察室 among them); what the follow view sends must not.
  const sent = portalAnswers.filter((b) => b.includes('"messages"')).join('\n');
  expect(sent, 'the recorder saw the reporter view').toContain('办理结果告知书');
  for (const hidden of [...DISCIPLINE_WORDS, clueCode, jijian.displayName, jijian2.displayName, secretary.displayName, reported.name, rectCode]) {
    expect(seen, `the portal page shows no "${hidden}"`).not.toContain(hidden);
    expect(sent, `no portal answer carries "${hidden}"`).not.toContain(hidden);
  }
  await reporterContext.close();

  // The clue stands in the 办结反馈 ledger with both notices.
  await openMenu(page, 'clues');
  await page.getByRole('tab', { name: '办结反馈台账' }).click();
  await page.locator('[data-test=clue-search-q]').fill(clueCode);
  await page.locator('[data-test=clue-search-submit]').click();
  await expect(rows(page, 'clue-table')).toHaveCount(1);
  await expect(rows(page, 'clue-table').first().locator('[data-test=clue-cell-status]')).toHaveText('已办结');
  await shot(page, 'clues-ledger');
});
