import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, createUser, json, roleId } from '../support/api.js';
import { DEMO_PASSWORD, DEMO_TENANT_NAME, NEW_PASSWORD, uniqueTag } from '../support/accounts.js';
import { Authenticator } from '../support/totp.js';
import { openMenu, shot, signIn, signOut } from '../support/ui.js';

test('登录: a wrong password is refused with a message, the right one opens the dashboard', async ({ page }) => {
  await page.goto('/login');
  await page.locator('[data-test=login-username]').fill('secretary');
  await page.locator('[data-test=login-password]').fill(DEMO_PASSWORD);
  await shot(page, 'auth-login');
  await page.locator('[data-test=login-password]').fill('not-the-password');
  await page.locator('[data-test=login-submit]').click();
  await expect(page.locator('[data-test=login-error]')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('[data-test=login-password]'), 'the wrong password is cleared').toHaveValue('');

  await page.locator('[data-test=login-password]').fill(DEMO_PASSWORD);
  await page.locator('[data-test=login-submit]').click();
  await expect(page.locator('[data-test=home-greeting]')).toBeVisible();
  await expect(page.locator('[data-test=tenant-name]')).toContainText(DEMO_TENANT_NAME);
  await expect(page.locator('[data-test=demo-banner]')).toBeVisible();
  await expect(page.locator('[data-test=stat-people] .stat-card__value')).toHaveText(/^[1-9]\d*$/);
  await expect(page.locator('.chart-box canvas')).toHaveCount(2);
  await shot(page, 'auth-dashboard', { charts: true });
});

/**
 * Forced MFA is a tenant-wide switch, and the demo tenant other specs rely on has it off. Whoever turns it on
 * must pass MFA to turn it off again, so this spec brings its own 安全保密管理员 (enrolled before the switch)
 * and turns it off in afterAll even when a step fails; the demo accounts are never enrolled.
 */
test.describe('两步验证', () => {
  const tag = uniqueTag();
  let keeper: APIRequestContext | undefined;
  let officer: { username: string; initialPassword: string };
  let guardian: { username: string; authenticator: Authenticator };

  const mfaSwitch = (page: Page) => page.locator('[data-test="setting-security.mfa.required"] .el-switch');

  test.beforeAll(async ({ baseURL }) => {
    const admin = await apiAs(baseURL!, 'admin');
    const secadmin = await apiAs(baseURL!, 'secadmin');
    const sec = await createUser(admin, { username: `anquan${tag.latin}`, displayName: '陈静', kind: 'security' });
    const li = await createUser(admin, { username: `li${tag.latin}`, displayName: '李文博', kind: 'business' });
    await json(secadmin.post('/api/assignments', { data: { userId: sec.user.id, roleId: await roleId(secadmin, 'security_admin'), scopeKind: 'tenant' } }));
    await json(secadmin.post('/api/assignments', { data: { userId: li.user.id, roleId: await roleId(secadmin, 'discipline_officer'), scopeKind: 'tenant' } }));
    await Promise.all([admin.dispose(), secadmin.dispose()]);
    officer = { username: li.user.username, initialPassword: li.initialPassword };

    keeper = await apiAs(baseURL!, sec.user.username, sec.initialPassword);
    await json(keeper.post('/api/auth/password', { data: { currentPassword: sec.initialPassword, newPassword: NEW_PASSWORD } }));
    const enrolment = await json<{ secret: string }>(keeper.post('/api/auth/mfa/enrol/start', { data: {} }));
    guardian = { username: sec.user.username, authenticator: new Authenticator(enrolment.secret) };
    await json(keeper.post('/api/auth/mfa/enrol/confirm', { data: { code: await guardian.authenticator.nextCode() } }));
  });

  test.afterAll(async () => {
    if (!keeper) return;
    await json(keeper.put('/api/settings/security.mfa.required', { data: { value: false } }));
    await keeper.dispose();
  });

  test('a 纪检委员 is sent to enrol, confirms with a code, keeps recovery codes, then signs in with a code or a recovery code once', async ({ page, browser }) => {
    await signIn(page, guardian.username, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/mfa\/verify/);
    await page.locator('[data-test=mfa-code]').fill(await guardian.authenticator.nextCode());
    await expect(page.locator('[data-test=home-greeting]')).toBeVisible();
    await openMenu(page, 'settings');
    await expect(page.getByRole('tab', { name: '安全策略' })).toHaveAttribute('aria-selected', 'true');
    await expect(mfaSwitch(page)).not.toHaveClass(/is-checked/);
    await mfaSwitch(page).click();
    await shot(page, 'settings-security');
    await page.locator('[data-test=settings-save-security]').click();
    await expect(page.locator('.el-message--success').filter({ hasText: '已保存 1 项设置' })).toBeVisible();
    await expect(mfaSwitch(page)).toHaveClass(/is-checked/);

    const user = await (await browser.newContext()).newPage();
    await signIn(user, officer.username, officer.initialPassword);
    await expect(user, 'the initial password is changed first').toHaveURL(/\/password\/change/);
    await user.locator('[data-test=password-current]').fill(officer.initialPassword);
    await user.locator('[data-test=password-new]').fill(NEW_PASSWORD);
    await user.locator('[data-test=password-confirm]').fill(NEW_PASSWORD);
    await shot(user, 'auth-password-change');
    await user.locator('[data-test=password-submit]').click();

    await expect(user, 'then the MFA enrolment the policy requires').toHaveURL(/\/mfa\/enrol/);
    await expect(user.locator('[data-test=mfa-enrol-qr]')).toBeVisible();
    const secret = (await user.locator('[data-test=mfa-enrol-secret]').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const phone = new Authenticator(secret);
    await shot(user, 'auth-mfa-enrol');
    await user.locator('[data-test=mfa-enrol-next]').click();
    await user.locator('[data-test=mfa-enrol-code]').fill(await phone.nextCode());
    await user.locator('[data-test=mfa-enrol-confirm]').click();
    const codes = user.locator('[data-test=mfa-recovery-codes] li');
    await expect(codes).toHaveCount(10);
    const recovery = (await codes.allInnerTexts()).map((c) => c.trim());
    for (const c of recovery) expect(c).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await shot(user, 'auth-recovery-codes');
    await expect(user.locator('[data-test=mfa-enrol-finish]'), 'finishing needs the acknowledgement').toBeDisabled();
    await user.locator('[data-test=mfa-codes-saved]').click();
    await user.locator('[data-test=mfa-enrol-finish]').click();
    await expect(user.locator('[data-test=home-greeting]')).toBeVisible();

    await signOut(user);
    await signIn(user, officer.username, NEW_PASSWORD);
    await expect(user).toHaveURL(/\/mfa\/verify/);
    await shot(user, 'auth-mfa-verify');
    await user.locator('[data-test=mfa-code]').fill(await phone.nextCode());
    await expect(user.locator('[data-test=home-greeting]')).toBeVisible();

    for (const attempt of ['first use', 'second use'] as const) {
      await signOut(user);
      await signIn(user, officer.username, NEW_PASSWORD);
      await expect(user).toHaveURL(/\/mfa\/verify/);
      await user.getByRole('tab', { name: '恢复码' }).click();
      await user.locator('[data-test=mfa-recovery]').fill(recovery[0]!);
      await user.locator('[data-test=mfa-recovery-submit]').click();
      if (attempt === 'first use') await expect(user.locator('[data-test=home-greeting]')).toBeVisible();
    }
    await expect(user.locator('[data-test=mfa-error]'), 'a recovery code works once').toContainText('验证码错误或已使用，请重新输入');
    await expect(user).toHaveURL(/\/mfa\/verify/);
    await user.locator('[data-test=mfa-leave]').click();
    await expect(user).toHaveURL(/\/login/);
    await user.context().close();

    await page.reload();
    await mfaSwitch(page).click();
    await page.locator('[data-test=settings-save-security]').click();
    await expect(mfaSwitch(page)).not.toHaveClass(/is-checked/);
  });
});
