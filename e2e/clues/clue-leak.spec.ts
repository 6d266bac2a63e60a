import { expect, test } from '@playwright/test';
import { mobile, NEW_PASSWORD, uniqueTag } from '../support/accounts.js';
import { apiAs, json, orgByName } from '../support/api.js';
import { openMenu, shot } from '../support/ui.js';
import { deskAs } from '../complaints/complaint-helpers.js';
import { account, accountFor, peopleOf, REPORTED_ORG, type ClueRef } from './clue-helpers.js';

const LEDGER_TABS = ['受理台账', '分流办理台账', '跟踪督办台账', '办结反馈台账'];

test('知悉范围与回避: the reported person and a colleague, both holding a 纪检 role, and the 系统管理员 find no trace of a clue about them — empty ledgers with no hint, the clue itself not found', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const summary = `收受管理对象购物卡${tag.chinese}`;
  const reporter = { name: `郑${tag.given}`, mobile: mobile() };
  const staff = await account(baseURL!, 'staff');

  // Two people of the accused unit get accounts with the 纪检 role (the worst case: both may read clues).
  const jijian = await apiAs(baseURL!, 'jijian');
  const [reportedPerson, colleaguePerson] = (await peopleOf(jijian, REPORTED_ORG)).filter((p) => p.id !== staff.personId);
  const reportedUser = `bfy${tag.latin}`;
  const colleagueUser = `ts${tag.latin}`;
  await accountFor(baseURL!, { username: reportedUser, displayName: reportedPerson!.name, personId: reportedPerson!.id, role: 'discipline_officer' });
  await accountFor(baseURL!, { username: colleagueUser, displayName: colleaguePerson!.name, personId: colleaguePerson!.id, role: 'discipline_officer' });
  const [reportedAccount, colleagueAccount] = await Promise.all([account(baseURL!, reportedUser, NEW_PASSWORD), account(baseURL!, colleagueUser, NEW_PASSWORD)]);

  const clue = await json<ClueRef>(jijian.post('/api/clues', {
    data: {
      source: 'phone', named: true, reporter, reportedPersonId: reportedPerson!.id, reportedOrgId: (await orgByName(jijian, REPORTED_ORG)).id, reportedLevel: 'below',
      category: 'integrity', summary, content: `来电反映被反映人逢年过节收受辖区采砂企业购物卡。${tag.chinese}`, receivedOn: new Date().toISOString().slice(0, 10),
    },
  }));
  await json(jijian.post(`/api/clues/${clue.id}/scope`, { data: { decision: 'accept' } }));
  // Neither can be put on the list: 回避 is checked when adding, not left to the owner's judgement.
  for (const who of [reportedAccount, colleagueAccount]) {
    const added = await jijian.post(`/api/clues/${clue.id}/access`, { data: { accountId: who.userId, role: 'handler' } });
    expect(added.status(), `${who.username} is recused`).toBe(409);
    expect((await added.json()).error.code).toBe('CLUE_RECUSED');
  }
  await jijian.dispose();
  const traces = [clue.code, summary, reporter.name, reporter.mobile, '回避'];

  for (const username of [reportedUser, colleagueUser]) {
    const page = await deskAs(browser, baseURL!, username, NEW_PASSWORD);
    await openMenu(page, 'clues');
    for (const tab of LEDGER_TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.locator('[data-test=clue-empty]'), `${username}: ${tab} is empty`).toHaveText('没有符合条件的问题线索');
      await expect(page.locator('.el-pagination__total')).toHaveText('共 0 条');
    }
    await page.locator('[data-test=clue-search-q]').fill(clue.code);
    await page.locator('[data-test=clue-search-submit]').click();
    await expect(page.locator('[data-test=clue-empty]')).toBeVisible();
    if (username === colleagueUser) await shot(page, 'clues-ledger-empty');
    for (const s of traces) await expect(page.locator('body'), `${username} sees no "${s}"`).not.toContainText(s);

    await page.goto(`/clues/${clue.id}`);
    await expect(page.locator('[data-test=clue-load-error]'), 'the clue is simply not found').toBeVisible();
    for (const s of traces) await expect(page.locator('body')).not.toContainText(s);

    const api = await apiAs(baseURL!, username, NEW_PASSWORD);
    const year = Number(clue.code.slice(3, 7));
    const stats = await json<{ total: number }>(api.get('/api/clues/stats', { params: { year } }));
    expect(stats.total, 'the statistics count no clue').toBe(0);
    expect((await api.get(`/api/clues/${clue.id}`)).status(), 'not found rather than forbidden').toBe(404);
    await api.dispose();
    await page.context().close();
  }

  // The 系统管理员 holds no business permission: no clue menu, the pages refuse, and the API says so.
  const admin = await deskAs(browser, baseURL!, 'admin');
  await expect(admin.locator('[data-test=menu-clues]')).toHaveCount(0);
  await expect(admin.locator('[data-test=menu-clue-custody]')).toHaveCount(0);
  for (const url of ['/clues', `/clues/${clue.id}`, '/clues/custody']) {
    await admin.goto(url);
    await expect(admin.locator('[data-test=forbidden]'), url).toBeVisible();
    for (const s of traces) await expect(admin.locator('body')).not.toContainText(s);
  }
  const adminApi = await apiAs(baseURL!, 'admin');
  expect((await adminApi.get('/api/clues')).status()).toBe(403);
  expect((await adminApi.get(`/api/clues/${clue.id}`)).status()).toBe(403);
  await adminApi.dispose();
  await admin.context().close();
});
