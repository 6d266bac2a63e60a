import { expect, test } from '@playwright/test';
import { apiAs, json, orgByName } from '../support/api.js';
import { NEW_PASSWORD, uniqueTag } from '../support/accounts.js';
import { choose, expectToast, openMenu, rows, shot, signIn, signInHome } from '../support/ui.js';

/** A 局属单位 with two 股室: a 单位负责人's data scope goes by each person's primary org. */
const SCOPE = '闸站管理所';
const SCOPE_TREE = [SCOPE, '运行调度股', '设备维护股'];
const ROLE = '单位/股室负责人';

test('用户与授权: admin creates an account, secadmin grants a subtree role, the user sees only that subtree until revoked', async ({ browser, baseURL }) => {
  const tag = uniqueTag();
  const username = `zhou${tag.latin}`;
  // Display names need not be unique; the username is.
  const displayName = '周明远';
  const zuzhi = await apiAs(baseURL!, 'zuzhi');
  const subtree = await Promise.all(SCOPE_TREE.map(async (n) => (await orgByName(zuzhi, n)).id));
  const everyone = await json<{ items: { primaryOrgId: string }[]; total: number }>(zuzhi.get('/api/people', { params: { status: 'active', pageSize: 200 } }));
  expect(everyone.items).toHaveLength(everyone.total);
  const scopedPeople = everyone.items.filter((p) => subtree.includes(p.primaryOrgId)).length;
  await zuzhi.dispose();
  expect(scopedPeople).toBeGreaterThan(0);

  const admin = await (await browser.newContext()).newPage();
  await signInHome(admin, 'admin');
  await openMenu(admin, 'users');
  await admin.locator('[data-test=user-create]').click();
  const userDialog = admin.locator('[data-test=user-dialog]');
  await userDialog.locator('[data-test=user-username]').fill(username);
  await userDialog.locator('[data-test=user-display-name]').fill(displayName);
  await expect(userDialog.getByRole('radio', { name: '业务用户' })).toBeChecked();
  await userDialog.locator('[data-test=user-dialog-confirm]').click();
  const shown = admin.locator('[data-test=initial-password-dialog]');
  await expect(shown).toContainText(`用户 ${username} 的初始密码：`);
  const initialPassword = (await shown.locator('[data-test=initial-password]').innerText()).trim();
  expect(initialPassword.length).toBeGreaterThanOrEqual(8);
  await shot(admin, 'access-initial-password');
  await expect(shown.locator('[data-test=initial-password-close]'), 'closing needs the acknowledgement').toBeDisabled();
  await shown.locator('[data-test=initial-password-ack]').click();
  await shown.locator('[data-test=initial-password-close]').click();
  await expect(shown).toBeHidden();
  await admin.locator('[data-test=users-search-q]').fill(username);
  await admin.locator('[data-test=users-search-submit]').click();
  await expect(rows(admin, 'users-table')).toHaveCount(1);
  await expect(rows(admin, 'users-table').first()).toContainText('未授权');
  await expect(rows(admin, 'users-table').first()).toContainText('从未登录');
  await admin.context().close();

  const secadmin = await (await browser.newContext()).newPage();
  await signInHome(secadmin, 'secadmin');
  await openMenu(secadmin, 'assignments');
  await secadmin.locator('[data-test=assignment-create]').click();
  const grant = secadmin.locator('[data-test=assignment-dialog]');
  await choose(secadmin, grant.locator('[data-test=assignment-user]'), `${displayName} (${username})`, username);
  await choose(secadmin, grant.locator('[data-test=assignment-role]'), ROLE);
  await expect(grant.getByRole('radio', { name: '本组织及下级' }), 'a subtree scope is the default').toBeChecked();
  await choose(secadmin, grant.locator('[data-test=assignment-scope-org]'), SCOPE);
  await grant.getByText('新增授权', { exact: true }).click();
  await shot(secadmin, 'access-assign');
  await grant.locator('[data-test=assignment-dialog-confirm]').click();
  await expectToast(secadmin, '授权成功，该用户重新登录后生效');
  const granted = rows(secadmin, 'assignments-table').filter({ hasText: `(${username})` });
  await expect(granted).toHaveCount(1);
  await expect(granted).toContainText(ROLE);
  await expect(granted).toContainText(`本组织及下级 · ${SCOPE}`);
  await shot(secadmin, 'access-assignments');

  const user = await (await browser.newContext()).newPage();
  await signIn(user, username, initialPassword);
  await expect(user, 'an initial password must be changed first').toHaveURL(/\/password\/change/);
  await user.locator('[data-test=password-current]').fill(initialPassword);
  await user.locator('[data-test=password-new]').fill(NEW_PASSWORD);
  await user.locator('[data-test=password-confirm]').fill(NEW_PASSWORD);
  await user.locator('[data-test=password-submit]').click();
  await expect(user.locator('[data-test=home-greeting]')).toBeVisible();
  await openMenu(user, 'orgs');
  await expect(user.locator('[data-test=org-tree] .org-node__name')).toHaveText(SCOPE_TREE);
  await expect(user.locator('[data-test=org-create]'), 'a unit head reads the tree, an org officer edits it').toHaveCount(0);
  await shot(user, 'access-scoped-orgs');
  await openMenu(user, 'people');
  await expect(user.locator('.el-pagination__total')).toHaveText(`共 ${scopedPeople} 条`);
  await shot(user, 'access-scoped-people');

  await granted.locator('[data-test=assignment-revoke]').click();
  await expect(secadmin.locator('[data-test=confirm-dialog]')).toContainText(`确定撤销“${displayName}”的“${ROLE}”角色吗？`);
  await secadmin.locator('[data-test=confirm-ok]').click();
  await expectToast(secadmin, '已撤销授权');
  await expect(granted).toHaveCount(0);
  await secadmin.context().close();

  await user.reload();
  await expect(user, 'revoking a role ends the user\'s sessions').toHaveURL(/\/login/);
  await signInHome(user, username, NEW_PASSWORD);
  await expect(user.locator('[data-test=menu-orgs]')).toHaveCount(0);
  await expect(user.locator('[data-test=menu-people]')).toHaveCount(0);
  await user.goto('/orgs');
  await expect(user.locator('[data-test=forbidden]')).toBeVisible();
  await user.context().close();
});
