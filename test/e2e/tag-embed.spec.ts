import { expect, test } from '@playwright/test';
import {
  clickPay,
  expectOrderStatus,
  fillBilling,
  fillCard,
  fillCart,
  payButton,
  receivedEvents,
  shopUrl,
  TEST_CARDS,
} from './shop.js';

test.describe('bundled <xpay-checkout> tag embed', () => {
  test('pays with 4242…, reports each status once and in order, and the webhook marks the order paid', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    await fillCart(page, ['tee', 'mug']);
    await page.goto(shopUrl('/checkout/tag'));
    await expect(payButton(page)).toHaveText('Pay $37.00');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    await clickPay(page);

    await expect(page.locator('xpay-checkout').getByRole('heading', { name: /payment (succeeded|successful)|paid|thank/i })).toBeVisible();
    const statuses = (await receivedEvents(page, 'xpay-status-change')).map((e) => (e.detail as { status: string }).status);
    expect(statuses).toEqual(['requires_payment_method', 'succeeded']);
    expect(await receivedEvents(page, 'xpay-succeeded')).toHaveLength(1);

    const orderLink = page.locator('#order-link');
    await expect(orderLink).toBeVisible();
    await expectOrderStatus(page, (await orderLink.getAttribute('href'))!, 'paid');
    expect(violations, 'the widget must run under a strict CSP without unsafe-inline').toEqual([]);
  });
});
