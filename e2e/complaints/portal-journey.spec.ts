import { expect, test, type Page } from '@playwright/test';
import { uniqueTag } from '../support/accounts.js';
import { apiAs, json } from '../support/api.js';
import { choose, openMenu, rows, shot, signInHome } from '../support/ui.js';
import { captchaSolved, desk, expectStatus, followWithCode, phone, portalChoice, recordPortalAnswers, staffStep } from './complaint-helpers.js';

const REPORTED_ORG = '巡查一中队';
/** A 党支部 none of whose members sits on 巡查一中队's chain, so its secretary (zhibu) may handle the case. */
const RESPONSIBLE_ORG = '闸站管理所党支部';

async function displayName(baseURL: string, username: string): Promise<string> {
  const api = await apiAs(baseURL, username);
  const me = await json<{ displayName: string }>(api.get('/api/auth/me'));
  await api.dispose();
  return me.displayName;
}

test('投诉全程: filed anonymously on a phone, 分办/交办, answered, rated 不满意, 重办, rated again and 办结, with no handler name or internal note ever reaching the reporter', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const tag = uniqueTag();
  const [jijianName, zhibuName] = await Promise.all([displayName(baseURL!, 'jijian'), displayName(baseURL!, 'zhibu')]);
  const content = `巡查一中队在涉河建设项目现场核查时，工作人员暗示申请人安排吃饭，否则拖延出具核查意见。编号${tag.chinese}`;
  const internal = {
    assign: `请闸站管理所党支部核实，注意保护反映人${tag.chinese}`,
    dispatch: `五个工作日内答复，核查记录留档${tag.chinese}`,
    accept: `已安排两名党员同志核实${tag.chinese}`,
    note: `内部备注：当事人系巡查一中队某队员，初核属实${tag.chinese}`,
    redo: `答复未说明对当事人的处理，请补充办理${tag.chinese}`,
    close: `第二次评价基本满意，予以办结${tag.chinese}`,
  };
  const handlerMessage = `您好，我们已安排人员核实，如有照片等材料可在此补充。${tag.chinese}`;
  const reporterMessage = `当天是上午十点左右，在二号闸下游的施工现场。${tag.chinese}`;
  const firstAnswer = `经核实，反映的情况基本属实，已对相关人员进行批评教育。${tag.chinese}`;
  const secondAnswer = `经重新核查，当事人受到诫勉处理，核查意见已于次日出具，并在中队内部通报。${tag.chinese}`;
  const hidden = [jijianName, zhibuName, ...Object.values(internal)];

  const reporterContext = await phone(browser, baseURL!);
  const answers = recordPortalAnswers(reporterContext);
  const reporter = await reporterContext.newPage();
  async function expectNothingInternal(): Promise<void> {
    const text = await reporter.locator('body').innerText();
    for (const s of hidden) expect(text, 'the portal shows no handler name or internal note').not.toContain(s);
  }
  async function refresh(status: string, states: string[]): Promise<void> {
    await reporter.locator('[data-test=follow-refresh]').click();
    await expectStatus(reporter, status, states);
    await expectNothingInternal();
  }

  // The reporter files on a phone: category → matter → org → content → captcha → submit.
  await reporter.goto('/portal/complaint');
  await portalChoice(reporter, 'portal-complaint-category-option', '政务/业务').click();
  await portalChoice(reporter, 'portal-complaint-matter-option', '工作作风与服务态度').click();
  await reporter.locator('[data-test=portal-complaint-org-search]').fill(REPORTED_ORG);
  await portalChoice(reporter, 'portal-complaint-org-option', REPORTED_ORG).click();
  await expect(reporter.locator('[data-test=portal-complaint-org-selected]')).toHaveText(`已选择：${REPORTED_ORG}`);
  await reporter.locator('[data-test=portal-complaint-content]').fill(content);
  await expect(reporter.locator('[data-test=portal-complaint-anonymous]'), 'anonymous unless the reporter chooses otherwise').toBeChecked();
  await expect(reporter.locator('[data-test=portal-complaint-name]')).toHaveCount(0);
  await captchaSolved(reporter);
  expect(await reporter.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 375 px').toBeLessThanOrEqual(375);
  await shot(reporter, 'complaints-portal-form');
  await reporter.locator('[data-test=portal-complaint-submit]').click();

  const receipt = reporter.locator('[data-test=receipt]');
  await expect(receipt).toBeVisible();
  const code = (await receipt.locator('[data-test=receipt-code]').innerText()).trim();
  expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  const number = (await receipt.locator('[data-test=receipt-number]').innerText()).trim();
  await shot(reporter, 'complaints-portal-receipt');
  expect(await reporter.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]), 'the portal keeps nothing on the phone').toEqual(['', 0, 0]);
  expect(await reporterContext.cookies()).toEqual([]);

  // 纪检: the inbox finds it by number; 分办 to the 支部 of another unit, then 交办.
  await signInHome(page, 'jijian');
  await openMenu(page, 'complaints');
  const legend = page.locator('[data-test=sla-legend]');
  await expect(legend).toContainText('蓝色：提交后超过分办时限仍未分办');
  await expect(legend).toContainText('黄色：交办后超过答复时限仍未答复');
  await expect(legend).toContainText('红色：超过答复期限，或延期超过两次，或两次评价不满意');
  await page.locator('[data-test=complaint-search-q]').fill(number);
  await page.locator('[data-test=complaint-search-submit]').click();
  const list = rows(page, 'complaint-table');
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('网上反映');
  await expect(list.first().locator('[data-test=complaint-status]')).toHaveText('待分办');
  await shot(page, 'complaints-inbox');
  await list.first().locator('[data-test=complaint-open]').click();
  await expect(page.locator('[data-test=complaint-code]')).toHaveText(number);
  await expect(page.locator('[data-test=complaint-content]')).toHaveText(content);
  await expect(page.locator('[data-test=complaint-anonymous]')).toBeVisible();
  const complaintUrl = page.url();

  await page.locator('[data-test=complaint-action-assign]').click();
  const assign = page.locator('[data-test=assign-dialog]');
  await expect(assign).toBeVisible();
  await choose(page, assign.locator('[data-test=assign-org]').first(), RESPONSIBLE_ORG, RESPONSIBLE_ORG);
  await assign.locator('[data-test=assign-note]').fill(internal.assign);
  await assign.locator('[data-test=assign-confirm]').click();
  await expect(assign).toBeHidden();
  await expect(page.locator('[data-test=complaint-responsible-org]')).toHaveText(RESPONSIBLE_ORG);
  await expect(page.locator('[data-test=complaint-head] [data-test=complaint-status]')).toHaveText('已分办');
  await staffStep(page, 'dispatch', 'dispatch', internal.dispatch, '已交办');

  // The reporter comes back with the code: 交办 is the current stage.
  await reporter.locator('[data-test=receipt-continue]').click();
  await expect(reporter).toHaveURL(/\/portal\/follow-up$/);
  await reporter.locator('[data-test=follow-code]').fill(code);
  await captchaSolved(reporter);
  await reporter.locator('[data-test=follow-submit]').click();
  await expect(reporter.locator('[data-test=follow-view]')).toBeVisible();
  await expectStatus(reporter, 'dispatched', ['done', 'done', 'current', 'todo', 'todo', 'todo', 'todo']);
  await expect(reporter.locator('[data-test=follow-view]')).toContainText(REPORTED_ORG);
  await expect(reporter.locator('[data-test=rating-form]')).toHaveCount(0);
  await expectNothingInternal();

  // The responsible 支部's secretary handles it: 受理, an internal note, a message to the reporter, the answer.
  const zhibuContext = await desk(browser, baseURL!);
  const handler = await zhibuContext.newPage();
  await signInHome(handler, 'zhibu');
  await handler.goto(complaintUrl);
  await staffStep(handler, 'accept', 'accept', internal.accept, '办理中');
  await handler.locator('[data-test=note-text]').fill(internal.note);
  await handler.locator('[data-test=complaint-action-note]').click();
  await expect(handler.locator('[data-test=note-entry]').filter({ hasText: internal.note })).toBeVisible();
  await handler.locator('[data-test=message-text]').fill(handlerMessage);
  await handler.locator('[data-test=complaint-action-message]').click();
  await expect(handler.locator('[data-test=message-entry]').filter({ hasText: handlerMessage })).toBeVisible();

  await refresh('in_progress', ['done', 'done', 'done', 'current', 'todo', 'todo', 'todo']);
  const fromHandler = reporter.locator('[data-test=follow-message][data-from=handler]');
  await expect(fromHandler).toHaveCount(1);
  await expect(fromHandler).toContainText(handlerMessage);
  await expect(fromHandler, 'a handler speaks as the unit, never by name').toContainText('办理单位');
  await reporter.locator('[data-test=follow-message-input]').fill(reporterMessage);
  await reporter.locator('[data-test=follow-message-send]').click();
  await expect(reporter.locator('[data-test=follow-message][data-from=reporter]')).toContainText(reporterMessage);

  await handler.reload();
  await expect(handler.locator('[data-test=message-entry]').filter({ hasText: reporterMessage })).toContainText('反映人');
  await staffStep(handler, 'answer', 'answer', firstAnswer, '已答复');
  await expect(handler.locator('[data-test=timeline-answered] [data-test=timeline-visibility-public]')).toBeVisible();
  await expect(handler.locator('[data-test=timeline-recused]'), '纪检 sits at the bureau, on the accused unit\'s chain').toContainText(/\d+ 名相关人员自动回避/);
  await expect(handler.locator('[data-test=timeline-recused] [data-test=timeline-visibility-internal]')).toBeVisible();

  // Round 1: the reporter reads the answer and is not satisfied.
  await refresh('answered', ['done', 'done', 'done', 'done', 'current', 'todo', 'todo']);
  await expect(reporter.locator('[data-test=follow-answer]')).toHaveText(firstAnswer);
  await shot(reporter, 'complaints-portal-answer');
  await reporter.locator('[data-test=rating-dissatisfied]').click();
  await expect(reporter.locator('[data-test=rating-redo-note]')).toBeVisible();
  await reporter.locator('[data-test=rating-comment]').fill('没有说明对当事人怎么处理，核查意见也还没出。');
  await reporter.locator('[data-test=rating-form]').scrollIntoViewIfNeeded();
  await shot(reporter, 'complaints-portal-rating');
  await reporter.locator('[data-test=rating-submit]').click();
  await expect(reporter.locator('[data-test=follow-rating]')).toHaveCount(1);
  await expect(reporter.locator('[data-test=follow-rating]').first()).toHaveAttribute('data-rating', 'dissatisfied');
  await expectStatus(reporter, 'rated', ['done', 'done', 'done', 'done', 'done', 'current', 'todo']);
  await expect(reporter.locator('[data-test=rating-form]')).toHaveCount(0);

  // 纪检 sends it back (重办); the reporter sees it is being handled again.
  await page.reload();
  await expect(page.locator('[data-test=complaint-rating]')).toHaveCount(1);
  await expect(page.locator('[data-test=complaint-rating]').first()).toContainText('不满意');
  await staffStep(page, 'redo', 'redo', internal.redo, '办理中');
  await refresh('in_progress', ['done', 'done', 'done', 'current', 'todo', 'todo', 'todo']);
  await expect(reporter.locator('[data-test=follow-redo]')).toBeVisible();

  await handler.reload();
  await staffStep(handler, 'answer', 'answer', secondAnswer, '已答复');

  // Round 2, after a reload: the session was only in the page, so the code is asked for again.
  await reporter.reload();
  await expect(reporter.locator('[data-test=follow-form]')).toBeVisible();
  await followWithCode(reporter, code);
  await expectStatus(reporter, 'answered', ['done', 'done', 'done', 'done', 'current', 'todo', 'todo']);
  await expect(reporter.locator('[data-test=follow-answer]')).toHaveText(secondAnswer);
  await expect(reporter.locator('[data-test=rating-form] legend')).toHaveText('再次评价（重新办理后）');
  await reporter.locator('[data-test=rating-basically_satisfied]').click();
  await reporter.locator('[data-test=rating-submit]').click();
  await expect(reporter.locator('[data-test=follow-rating]')).toHaveCount(2);
  await expect(reporter.locator('[data-test=follow-rating]').nth(1)).toHaveAttribute('data-rating', 'basically_satisfied');
  await expectNothingInternal();

  // 办结, and the reporter sees every stage done.
  await page.reload();
  await expect(page.locator('[data-test=complaint-rating]')).toHaveCount(2);
  await staffStep(page, 'close', 'close', internal.close, '已办结');
  await expect(page.locator('[data-test=note-entry]').filter({ hasText: internal.note })).toBeVisible();
  await shot(page, 'complaints-item');
  await refresh('closed', ['done', 'done', 'done', 'done', 'done', 'done', 'done']);
  await expect(reporter.locator('[data-test=rating-form]')).toHaveCount(0);
  await expect(reporter.locator('[data-test=follow-message-form]')).toHaveCount(0);

  const sent = answers.join('\n');
  expect(sent, 'the recorder saw the reporter view').toContain(secondAnswer);
  for (const s of hidden) expect(sent, 'no handler name or internal note in any portal answer').not.toContain(s);
  await reporter.locator('[data-test=follow-logout]').click();
  await expect(reporter.locator('[data-test=follow-form]')).toBeVisible();

  // Statistics: the staff page counts the case with its rates; the public page hides small cells.
  await page.locator('[data-test=menu-complaint-stats]').click();
  await expect(page).toHaveURL(/\/complaints\/stats$/);
  const byOrg = rows(page, 'complaint-stats-table').filter({ hasText: RESPONSIBLE_ORG });
  await expect(byOrg).toHaveCount(1);
  await expect(byOrg.locator('[data-test=rate-replyRate]')).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(byOrg.locator('[data-test=rate-satisfactionRate]')).toHaveText(/^\d+(\.\d+)?%$/);
  await shot(page, 'complaints-stats', { charts: true });

  await reporter.goto('/portal/stats');
  await expectPublicCellsLargeEnough(reporter);
  await shot(reporter, 'complaints-portal-stats');
  await Promise.all([reporterContext.close(), zhibuContext.close()]);
});

test('二维码: /portal/complaint?org=<id> picks the org, which the reporter may change; an unknown org is named as such', async ({ browser, baseURL, request }) => {
  const catalogue = await json<{ orgs: { id: string; name: string }[] }>(request.get('/api/portal/complaints/catalogue'));
  const org = catalogue.orgs.find((o) => o.name === REPORTED_ORG)!;
  const context = await phone(browser, baseURL!);
  const reporter = await context.newPage();

  await reporter.goto(`/portal/complaint?org=${org.id}`);
  await expect(reporter.locator('[data-test=portal-complaint-org-qr]')).toHaveText(`已根据您扫描的二维码选择单位：${REPORTED_ORG}`);
  await expect(reporter.locator('[data-test=portal-complaint-org-search]'), 'no list to pick from while the QR choice stands').toHaveCount(0);
  await shot(reporter, 'complaints-portal-qr');
  await reporter.locator('[data-test=portal-complaint-org-change]').click();
  await expect(reporter.locator('[data-test=portal-complaint-org-selected]')).toHaveText(`已选择：${REPORTED_ORG}`);
  await reporter.locator('[data-test=portal-complaint-org-search]').fill('办公室');
  await portalChoice(reporter, 'portal-complaint-org-option', '办公室').click();
  await expect(reporter.locator('[data-test=portal-complaint-org-selected]')).toHaveText('已选择：办公室');

  await reporter.goto('/portal/complaint?org=01966a3e-0000-7000-8000-0000000000ff');
  await expect(reporter.locator('[data-test=portal-complaint-org-qr-unknown]')).toBeVisible();
  await expect(reporter.locator('[data-test=portal-complaint-org-selected]')).toHaveCount(0);
  await context.close();
});

/** Every published number stands for at least the minimum count; smaller cells say they are withheld. */
async function expectPublicCellsLargeEnough(page: Page): Promise<void> {
  await expect(page.locator('[data-test=stats-byOrg] [data-test=stats-row]').first()).toBeVisible();
  const min = Number((await page.locator('main .lead').innerText()).match(/少于 (\d+) 件/)?.[1]);
  expect(min).toBeGreaterThan(1);
  for (const table of ['stats-byOrg', 'stats-byCategory']) {
    for (const row of await page.locator(`[data-test=${table}] [data-test=stats-row]`).all()) {
      if ((await row.getAttribute('data-suppressed')) === 'true') await expect(row.locator('[data-test=stats-suppressed]')).toHaveText(`不足${min}件，不予公开`);
      else expect(Number(await row.locator('td.num').first().innerText())).toBeGreaterThanOrEqual(min);
    }
  }
}
