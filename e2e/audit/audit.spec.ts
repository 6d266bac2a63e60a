import { expect, test } from '@playwright/test';
import { apiAs, json, orgByName } from '../support/api.js';
import { uniqueTag } from '../support/accounts.js';
import { download, sheetRows } from '../support/files.js';
import { openMenu, rows, shot, signInHome } from '../support/ui.js';

test('审计日志: the auditor filters events, verifies the chain and exports', async ({ page, baseURL }) => {
  const zuzhi = await apiAs(baseURL!, 'zuzhi');
  const parent = await orgByName(zuzhi, '机关党支部');
  const org = await json<{ id: string }>(zuzhi.post('/api/orgs', { data: { parentId: parent.id, kind: 'party_group', name: `审计测试小组${uniqueTag().chinese}` } }));
  await zuzhi.dispose();

  await signInHome(page, 'auditor');
  await openMenu(page, 'audit');
  await page.locator('[data-test=audit-search-action]').fill('org.create');
  await page.locator('[data-test=audit-search-submit]').click();
  const list = rows(page, 'audit-table');
  await expect(list.first()).toContainText('新增组织');
  const shownActions = await list.locator('td:nth-child(5)').allInnerTexts();
  expect(shownActions.length).toBeGreaterThan(0);
  expect(new Set(shownActions.map((a) => a.trim())), 'only the filtered action is listed').toEqual(new Set(['新增组织']));
  await shot(page, 'audit-list');

  await page.locator('[data-test=audit-search-object-id]').fill(org.id);
  await page.locator('[data-test=audit-search-submit]').click();
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('zuzhi');
  await expect(list.first()).toContainText('成功');
  await list.first().locator('.el-table__expand-icon').click();
  await expect(page.locator('.audit-expand')).toContainText(org.id);

  await page.locator('[data-test=audit-verify]').click();
  const verify = page.locator('[data-test=audit-verify-dialog]');
  await expect(verify.locator('[data-test=audit-verify-ok]')).toContainText('审计链完整，未发现篡改');
  await shot(page, 'audit-verify');
  await verify.locator('[data-test=audit-verify-close]').click();
  await expect(verify).toBeHidden();

  await page.locator('[data-test=audit-search-object-id]').fill('');
  await page.locator('[data-test=audit-search-submit]').click();
  const sheet = await sheetRows(await download(page, page.locator('[data-test=export-button]'), 'xlsx'));
  const [header, ...records] = sheet;
  const at = (name: string) => header!.indexOf(name);
  expect(at('操作')).toBeGreaterThanOrEqual(0);
  expect(records.length).toBeGreaterThan(0);
  expect(new Set(records.map((r) => r[at('操作')])), 'the export keeps the filter').toEqual(new Set(['org.create']));
  expect(records.map((r) => r[at('对象标识')])).toContain(org.id);
});

for (const username of ['admin', 'secadmin']) {
  test(`三员分立: ${username} has no audit menu and is refused the audit page and API`, async ({ page }) => {
    await signInHome(page, username);
    await expect(page.locator('[data-test=menu-audit]')).toHaveCount(0);
    await page.goto('/audit');
    await expect(page.locator('[data-test=forbidden]')).toBeVisible();
    const res = await page.request.get('/api/audit');
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN');
  });
}
