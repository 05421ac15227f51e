import { expect, test, type Locator, type Page } from '@playwright/test';
import { cardFrame, challenge, openCheckout, payButton, shopUrl, statusHeading, TEST_CARDS } from './shop.js';

/** True when `target` is the focused element of its own document or shadow root. */
const isFocused = (target: Locator) =>
  target.evaluate((el) => {
    const root = el.getRootNode() as Document | ShadowRoot;
    return root.activeElement === el && el.ownerDocument.hasFocus();
  });

/** Presses Tab (only Tab) until `target` has focus: the order is the page's, not the test's. */
async function tabTo(page: Page, target: Locator, maxPresses = 30): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await isFocused(target).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test.describe('journey 9: keyboard only', () => {
  test('from the first field to the success view, 3-D Secure included, with no mouse', async ({ page }) => {
    await page.goto(shopUrl('/'));
    await page.evaluate(() => localStorage.setItem('xpay-demo-cart', JSON.stringify([{ sku: 'tee', quantity: 1 }])));
    await openCheckout(page, '/checkout/tag');
    const checkout = page.locator('xpay-checkout');
    const frame = cardFrame(page);

    await tabTo(page, checkout.getByLabel('Email'));
    await page.keyboard.type('jo@example.com');
    await tabTo(page, checkout.getByLabel('Postal code'));
    await page.keyboard.type('94110');
    await tabTo(page, frame.getByRole('textbox', { name: 'Name on card' }));
    await page.keyboard.type('Jo Keyboard');
    await tabTo(page, frame.getByRole('textbox', { name: /^Card number/ }));
    await page.keyboard.type(TEST_CARDS.threeDS);
    await tabTo(page, frame.getByRole('textbox', { name: 'Expiry date' }));
    await page.keyboard.type('1234');
    await tabTo(page, frame.getByRole('textbox', { name: 'Security code' }));
    await page.keyboard.type('123');
    await tabTo(page, payButton(page));
    await page.keyboard.press('Enter');

    const { dialog, issuer } = challenge(page);
    await expect(dialog).toBeVisible();
    const complete = issuer.getByRole('button', { name: 'Complete authentication' });
    await expect(complete).toBeVisible();
    await tabTo(page, complete);
    await page.keyboard.press('Enter');

    await expect(statusHeading(page, 'Payment successful')).toBeVisible();
  });
});
