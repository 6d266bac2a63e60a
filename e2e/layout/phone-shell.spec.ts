import { expect, test } from '@playwright/test';
import { openMenu, signInHome } from '../support/ui.js';

test.use({ viewport: { width: 375, height: 740 } });

/** The page's own width, so a header or menu that pushes past the screen shows as sideways scrolling. */
const pageWidth = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('on a phone the admin shell fits the screen and the menu is a drawer that closes after navigating', async ({ page }) => {
  await signInHome(page, 'jijian');
  expect(await pageWidth(page)).toBeLessThanOrEqual(375);
  await expect(page.locator('[data-test=menu-rectification]')).toBeHidden();

  await openMenu(page, 'rectification');
  await expect(page.locator('[data-test=menu-drawer]')).toBeHidden();
  expect(await pageWidth(page)).toBeLessThanOrEqual(375);
});
