import { expect, test, type Page } from '@playwright/test';
import { shopUrl } from './shop.js';

/**
 * A checkout page opened with nothing in the cart (a bookmark, the back button after paying) says
 * so and leads back to the shop: no session is created and no widget is left on its loading
 * skeleton. Three deciders, one wording: the shop's server (it sees the cart cookie), the page
 * script (no cookie yet: it reads the cart itself), and the SPA's router.
 */

/** Counts the checkout sessions the page asks the shop for while `open` runs. */
async function sessionsRequestedDuring(page: Page, open: () => Promise<void>): Promise<number> {
  let requested = 0;
  const count = (request: { url(): string; method(): string }) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/checkout')) requested += 1;
  };
  page.on('request', count);
  await open();
  page.off('request', count);
  return requested;
}

async function expectEmptyCartPage(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Your cart is empty.' })).toBeVisible();
  const back = page.getByRole('link', { name: 'Back to the shop' });
  await expect(back).toHaveAttribute('href', '/');
  // No widget waiting for a session that will never come.
  await expect(page.locator('xpay-checkout')).toHaveCount(0);
}

test.describe('an empty cart at checkout', () => {
  test('the server answers the empty-cart page when the cart cookie is empty', async ({ page, context }) => {
    await context.addCookies([{ name: 'xpay-demo-cart', value: encodeURIComponent('[]'), url: shopUrl('/') }]);
    for (const path of ['/checkout/tag', '/checkout/cdn', '/checkout/own-button']) {
      const requested = await sessionsRequestedDuring(page, async () => {
        const response = await page.goto(shopUrl(path));
        // Decided by the server: the page it sends has no widget in it at all.
        expect(await response!.text(), path).not.toContain('xpay-checkout');
        await expectEmptyCartPage(page);
      });
      expect(requested, path).toBe(0);
    }
  });

  test('the page script decides when there is no cart cookie yet, and the link leads back', async ({ page }) => {
    const requested = await sessionsRequestedDuring(page, async () => {
      const response = await page.goto(shopUrl('/checkout/tag'));
      // Without a cookie the server cannot know: it sends the widget page, and its script decides.
      expect(await response!.text()).toContain('<xpay-checkout');
      await expectEmptyCartPage(page);
    });
    expect(requested).toBe(0);
    await page.getByRole('link', { name: 'Back to the shop' }).click();
    await expect(page).toHaveURL(shopUrl('/'));
  });

  test('the SPA shows the same words on its checkout route', async ({ page }) => {
    const requested = await sessionsRequestedDuring(page, async () => {
      await page.goto(shopUrl('/spa/checkout'));
      await expect(page.getByRole('status').filter({ hasText: 'Your cart is empty.' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Back to the shop' })).toBeVisible();
    });
    expect(requested).toBe(0);
    await expect(page.locator('xpay-checkout')).toHaveCount(0);
  });
});
