import { expect, test, type Page } from '@playwright/test';
import { expectToast, openMenu, rows, shot, signInHome } from '../support/ui.js';

const digestHour = (page: Page) => page.locator('[data-test="setting-system.notify.digestHour"] input');

async function saveDigestHour(page: Page, hour: string): Promise<void> {
  await digestHour(page).fill(hour);
  await digestHour(page).blur();
  await page.locator('[data-test=settings-save-system]').click();
  await expectToast(page, '已保存 1 项设置');
}

test('系统设置: the system administrator edits system parameters (not the security policy), dictionaries and the calendar', async ({ page }) => {
  await signInHome(page, 'admin');
  await openMenu(page, 'settings');
  await expect(page.getByRole('tab'), '三员分立: the security policy is the 安全保密管理员\'s').toHaveText(['系统参数']);
  await expect(digestHour(page)).toHaveValue('8');
  try {
    await saveDigestHour(page, '9');
    await page.reload();
    await expect(digestHour(page), 'the saved value is what the server holds').toHaveValue('9');
    await shot(page, 'settings-system');
  } finally {
    await saveDigestHour(page, '8');
  }

  await openMenu(page, 'dicts');
  await page.locator('[data-test=dict-political_status]').click();
  const items = rows(page, 'dict-items-table');
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText('中共党员');
  await shot(page, 'settings-dicts');

  await openMenu(page, 'calendar');
  const year = new Date().getFullYear();
  await expect(page.locator('[data-test=calendar-year]')).toContainText(String(year));
  await expect(page.locator('[data-test=calendar-grid] .cal-month')).toHaveCount(12);
  await expect(page.locator(`[data-test=cal-day-${year}-12-31]`)).toBeVisible();
  await shot(page, 'settings-calendar');
});
