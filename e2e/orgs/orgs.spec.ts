import { expect, test, type Page } from '@playwright/test';
import { uniqueTag } from '../support/accounts.js';
import { download, sheetRows } from '../support/files.js';
import { expectToast, openMenu, shot, signInHome } from '../support/ui.js';

/** A tree node by its exact name (a name may be the start of another, e.g. 机关党支部 / 机关第一党小组). */
const node = (page: Page, name: string) => page.locator('[data-test=org-tree] .org-node__name').getByText(name, { exact: true });
const detail = (page: Page) => page.locator('[data-test=org-detail]');

test('组织机构: an org officer creates, renames, drags, deletes and exports orgs', async ({ page }) => {
  const tag = uniqueTag();
  const name = `测试党小组${tag.chinese}`;
  const renamed = `学习党小组${tag.chinese}`;

  await signInHome(page, 'zuzhi');
  await openMenu(page, 'orgs');
  await node(page, '机关党支部').click();
  await expect(page.locator('.orgs-detail-card .card-head__title')).toHaveText('机关党支部');

  await page.locator('[data-test=org-create-child]').click();
  const dialog = page.locator('[data-test=org-dialog]');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-test=org-parent]')).toContainText('机关党支部');
  await expect(dialog.locator('[data-test=org-kind]'), 'the usual kind below a 党支部 is preselected').toContainText('党小组');
  await dialog.locator('[data-test=org-name]').fill(name);
  await dialog.locator('[data-test=org-short-name]').fill(`测试小组${tag.chinese}`);
  await shot(page, 'orgs-create');
  await dialog.locator('[data-test=org-dialog-confirm]').click();
  await expect(dialog).toBeHidden();
  await expect(node(page, name)).toBeVisible();
  await expect(page.locator('.orgs-detail-card .card-head__title')).toHaveText(name);
  await expect(detail(page)).toContainText('党小组');
  await expect(detail(page)).toContainText('机关党支部');

  await page.locator('[data-test=org-edit]').click();
  await dialog.locator('[data-test=org-name]').fill(renamed);
  await dialog.locator('[data-test=org-dialog-confirm]').click();
  await expect(dialog).toBeHidden();
  await expect(node(page, renamed)).toBeVisible();
  await expect(node(page, name)).toHaveCount(0);
  await expect(detail(page)).toContainText(renamed);

  await node(page, renamed).dragTo(node(page, '闸站管理所党支部'));
  const confirm = page.locator('[data-test=confirm-dialog]');
  await expect(confirm).toContainText(`确定将“${renamed}”移动到“闸站管理所党支部”下吗？`);
  await shot(page, 'orgs-move');
  await confirm.locator('[data-test=confirm-ok]').click();
  await expectToast(page, '组织已移动');
  await expect(page.locator('.orgs-detail-card .card-head__title')).toHaveText(renamed);
  await expect(detail(page)).toContainText('闸站管理所党支部');
  const sluiceBranch = page.locator('[data-test=org-tree] .el-tree-node').filter({ has: page.locator('> .el-tree-node__content', { hasText: '闸站管理所党支部' }) });
  await expect(sluiceBranch.locator('.org-node__name').getByText(renamed, { exact: true }), 'the tree shows it under the new parent').toBeVisible();
  await shot(page, 'orgs-tree');

  await page.locator('[data-test=org-delete]').click();
  await expect(confirm).toContainText(renamed);
  await confirm.locator('[data-test=confirm-ok]').click();
  await expect(node(page, renamed)).toHaveCount(0);
  await expect(page.locator('.orgs-detail-card .card-head__title'), 'the parent is selected after the delete').toHaveText('闸站管理所党支部');

  const sheet = await sheetRows(await download(page, page.locator('[data-test=export-button]'), 'xlsx'));
  const names = sheet.slice(1).map((r) => r[0]);
  expect(sheet[0]).toEqual(['名称', '简称', '类型', '上级组织', '编码', '状态']);
  expect(names).toContain('机关党支部');
  expect(names).toContain('闸站运行党小组');
  expect(names).not.toContain(renamed);
});
