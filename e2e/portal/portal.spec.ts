import { expect, test } from '@playwright/test';
import { DEMO_TENANT_NAME } from '../support/accounts.js';
import { shot } from '../support/ui.js';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('the public portal fits a phone, names the tenant, lists its sections and switches language', async ({ page }) => {
  await page.goto('/portal/');
  await expect(page.locator('.brand__owner')).toHaveText(DEMO_TENANT_NAME);
  await expect(page.locator('.hero__title')).toHaveText('监督一点通');
  await expect(page.locator('#entries-title')).toHaveText('办事入口');
  await expect(page.locator('.cards .card')).toHaveCount(5);
  await expect(page.locator('.cards .card__title')).toHaveText(['公开信息', '小微权力清单', '我要投诉', '查询进度', '公开统计']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling on a 375 px screen').toBe(0);
  await shot(page, 'portal-home');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.locator('.hero__title')).toHaveText('Supervision at a Tap');
  await expect(page.locator('.cards .card__title')).toHaveText(['Disclosures', 'Power list', 'File a complaint', 'Track a complaint', 'Public statistics']);
  await expect(page.locator('.brand__owner')).toHaveText(DEMO_TENANT_NAME);
  await shot(page, 'portal-home-en');

  await page.reload();
  await expect(page.locator('.hero__title'), 'the chosen language survives a reload').toHaveText('Supervision at a Tap');
  await page.getByRole('button', { name: '切换到中文' }).click();
  await expect(page.locator('.hero__title')).toHaveText('监督一点通');

  await page.getByRole('link', { name: '关于本站' }).click();
  await expect(page).toHaveURL(/\/portal\/about$/);
  await expect(page.locator('main h1')).toBeVisible();
});
