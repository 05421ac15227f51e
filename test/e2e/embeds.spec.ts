import { expect, test } from '@playwright/test';
import { clickWhenMouseReaches } from '../helpers/cross-origin-click.mjs';
import {
  chargesOf,
  clickPay,
  expectOrderStatus,
  fillBilling,
  fillCard,
  fillCart,
  openCheckout,
  payButton,
  sandboxApi,
  shopUrl,
  statusHeading,
  TEST_CARDS,
  watchCsp,
} from './shop.js';

test.describe('journey 7: every way of embedding pays', () => {
  test('the CDN script tag (with SRI) and XPay.mount pay', async ({ page }) => {
    const violations = watchCsp(page);
    await fillCart(page, ['tee']);
    const { orderId } = await openCheckout(page, '/checkout/cdn');
    await expect(page.locator('script[src*="/cdn/xpay-checkout/"]')).toHaveAttribute('integrity', /^sha384-/);
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    await clickPay(page);
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();
    await expectOrderStatus(page, `/orders/${orderId}`, 'paid');
    expect(violations).toEqual([]);
  });

  test('the React SPA pays after navigating away and back, with exactly one card frame', async ({ page }) => {
    const violations = watchCsp(page);
    await fillCart(page, ['mug']);
    await page.goto(shopUrl('/spa'));
    await page.getByRole('button', { name: 'Go to checkout' }).click();
    await expect(page.locator('xpay-checkout').getByLabel('Email')).toBeVisible();
    await page.getByRole('button', { name: 'Back to cart' }).click();
    await expect(page.locator('xpay-checkout')).toHaveCount(0);
    await page.getByRole('button', { name: 'Go to checkout' }).click();
    await expect(page.locator('xpay-checkout').getByLabel('Email')).toBeVisible();
    // StrictMode mounts twice and we came back once: still one element and one card frame.
    await expect(page.locator('xpay-checkout')).toHaveCount(1);
    await expect(page.locator('xpay-checkout iframe[title]')).toHaveCount(1);

    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    await clickPay(page);
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Paid — order/ })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("the shop's own button pays through confirm(); adding a mug (refresh()) charges the new amount", async ({ page }) => {
    await fillCart(page, ['tee']);
    const { sessionId } = await openCheckout(page, '/checkout/own-button');
    await expect(payButton(page)).toHaveCount(0); // hidePayButton
    // Under the card frame, and below the fold: a plain click can go by the compositor's stale
    // hit-test data into the frame (test/helpers/cross-origin-click.mjs).
    await clickWhenMouseReaches(page, page.getByRole('button', { name: 'Add a mug to the order' }));
    await expect(page.locator('#shop-outcome')).toHaveText('Cart updated.');
    await expect(page.locator('xpay-checkout').getByText('$37.00')).toBeVisible();

    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    const placeOrder = page.getByRole('button', { name: 'Place order' });
    await expect(placeOrder).toBeEnabled();
    await clickWhenMouseReaches(page, placeOrder);
    await expect(page.locator('#shop-outcome')).toHaveText('confirm() resolved: succeeded');
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();

    expect((await chargesOf(page, sessionId)).map((c) => [c.status, c.amount])).toEqual([['succeeded', 3700]]);
    const session = await sandboxApi<{ amountTotal: number }>(page, 'GET', `/v1/checkout/sessions/${sessionId}`);
    expect(session.amountTotal).toBe(3700);
  });
});
