import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { signInHome } from '../support/ui.js';

/** The settings a spec's own `use` block sets do not reach contexts it opens itself. */
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;
const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

/** A member of the public on a phone: a browser of its own, sharing nothing with the staff's sessions. */
export function phone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, baseURL });
}

/** A second staff member at their own desk, signed in beside the first. */
export function desk(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...DESKTOP, baseURL });
}

/** Another person at their own desk, signed in beside the others (a browser context each, nothing shared). */
export async function deskAs(browser: Browser, baseURL: string, username: string, password?: string): Promise<Page> {
  const page = await (await desk(browser, baseURL)).newPage();
  await signInHome(page, username, password);
  return page;
}

/**
 * Everything the portal's complaint API sends to a browser, as text: what a reporter could read with the
 * developer tools open, not only what the page shows.
 */
export function recordPortalAnswers(context: BrowserContext): string[] {
  const bodies: string[] = [];
  context.on('response', (res) => {
    if (!res.url().includes('/api/portal/complaints')) return;
    res.text().then((t) => bodies.push(t), () => undefined);
  });
  return bodies;
}

/** The altcha proof of work starts on the first focus in its form and runs in workers; it is done when the widget says so. */
export async function captchaSolved(page: Page): Promise<void> {
  await expect(page.locator('altcha-widget [data-state]')).toHaveAttribute('data-state', 'verified', { timeout: 30_000 });
}

/** A radio choice on the portal (category, matter, org) by the exact title it shows. */
export function portalChoice(page: Page, test: string, title: string): Locator {
  return page.locator(`[data-test=${test}]`).filter({ has: page.getByText(title, { exact: true }) });
}

/** Opens the reporter's view on the follow page with a receipt code, as typed from the receipt. */
export async function followWithCode(page: Page, code: string): Promise<void> {
  await page.goto('/portal/follow-up');
  await page.locator('[data-test=follow-code]').fill(code);
  await captchaSolved(page);
  await page.locator('[data-test=follow-submit]').click();
  await expect(page.locator('[data-test=follow-view]')).toBeVisible();
}

/** The stage indicator, one state per step: 提交 分办 交办 办理中 已答复 已评价 办结. */
export function stepStates(page: Page): Promise<string[]> {
  return page.locator('[data-test=follow-steps] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-state') ?? ''));
}

export async function expectStatus(page: Page, status: string, states: string[]): Promise<void> {
  await expect(page.locator('[data-test=follow-status]')).toHaveAttribute('data-status', status);
  await expect.poll(() => stepStates(page)).toEqual(states);
}

/** Staff: the complaint page's step dialogs share one shape — a text, then confirm. */
export async function staffStep(page: Page, action: string, dialog: string, text: string | null, status: string): Promise<void> {
  await page.locator(`[data-test=complaint-action-${action}]`).click();
  const box = page.locator(`[data-test=${dialog}-dialog]`);
  await expect(box).toBeVisible();
  if (text !== null) await box.locator(`[data-test=${dialog}-text]`).fill(text);
  await box.locator(`[data-test=${dialog}-confirm]`).click();
  await expect(box).toBeHidden();
  await expect(page.locator('[data-test=complaint-head] [data-test=complaint-status]')).toHaveText(status);
}
