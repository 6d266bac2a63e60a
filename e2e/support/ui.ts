import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts.js';

const IMAGES = fileURLToPath(new URL('../../docs/guide/images/', import.meta.url));

/** Signs in through the login form; the caller asserts where the app goes next (home, a sign-in step, …). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('[data-test=login-username]').fill(username);
  await page.locator('[data-test=login-password]').fill(password);
  await page.locator('[data-test=login-submit]').click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Signs in and expects the dashboard (an account without pending sign-in steps). */
export async function signInHome(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await signIn(page, username, password);
  await expect(page.locator('[data-test=home-greeting]')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('[data-test=user-menu]').click();
  await page.locator('[data-test=user-menu-logout]:visible').click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Opens a page from the side menu, as a user would (menu groups start open; on a phone the menu is a drawer).
 * `path` is where it lands when the route does not spell the menu key.
 */
export async function openMenu(page: Page, key: string, path = new RegExp(`/${key}(\\?|$)`)): Promise<void> {
  const item = page.locator(`[data-test=menu-${key}]`);
  if (!(await item.isVisible())) await page.locator('[data-test=menu-toggle]').click();
  await item.click();
  await expect(page).toHaveURL(path);
}

/** The app's one confirmation dialog: optionally checks its text and types the reason or comment, then confirms. */
export async function confirmWith(page: Page, text?: string, reason?: string): Promise<void> {
  const box = page.locator('[data-test=confirm-dialog]');
  await expect(box).toBeVisible();
  if (text) await expect(box).toContainText(text);
  if (reason !== undefined) await box.locator('[data-test=confirm-reason]').fill(reason);
  await box.locator('[data-test=confirm-ok]').click();
  await expect(box).toBeHidden();
}

/**
 * Picks an option of an el-select or el-tree-select by its exact text; the list renders in a popper outside
 * the form. `search` is typed first for filterable and remote selects. The option is looked for in this
 * select's own list (its combobox names it in aria-controls): the list of a select picked a moment before
 * may still be fading out with the same names in it.
 */
export async function choose(page: Page, select: Locator, text: string, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.locator('input').first().pressSequentially(search);
  const combobox = select.locator('[aria-controls]');
  const listId = (await select.getAttribute('aria-controls')) ?? ((await combobox.count()) > 0 ? await combobox.first().getAttribute('aria-controls') : null);
  const own = listId ? page.locator(`[id="${listId}"]`) : null;
  const scope = own && (await own.count()) > 0 ? own : page.locator('.el-popper:visible');
  await scope.getByText(text, { exact: true }).filter({ visible: true }).first().click();
}

/** Waits until nothing on the page is loading or moving, so a screenshot shows the settled screen. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.el-loading-mask:visible')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * A picture for the user guide (docs/guide/images/<name>.png), overwritten on every run. Charts animate on
 * their own timer, so pages with charts wait for them to finish.
 */
export async function shot(page: Page, name: string, opts: { charts?: boolean } = {}): Promise<void> {
  await settle(page);
  if (opts.charts) await page.waitForTimeout(1500);
  // Passing messages (保存成功 …) would cover the page header in the guide's pictures.
  await page.screenshot({ path: `${IMAGES}${name}.png`, fullPage: true, animations: 'disabled', style: '.el-message { display: none !important; }' });
}

/** Table body rows of a list marked with data-test. */
export function rows(page: Page, table: string): Locator {
  return page.locator(`[data-test=${table}] .el-table__body-wrapper tr`);
}

/** A success message (ElMessage); earlier ones may still be on screen. */
export async function expectToast(page: Page, text: string): Promise<void> {
  await expect(page.locator('.el-message--success').filter({ hasText: text }).first()).toBeVisible();
}
