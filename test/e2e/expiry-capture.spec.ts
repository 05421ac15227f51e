import { expect, test } from '@playwright/test';
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
  sandboxUrl,
  shopUrl,
  statusHeading,
  TEST_CARDS,
} from './shop.js';

test.describe('journey 5: expiry and manual capture', () => {
  test('a session expired through the API while the customer is filling the form shows the expired view and refuses payment', async ({ page }) => {
    await fillCart(page, ['tee']);
    const { sessionId, clientSecret } = await openCheckout(page, '/checkout/tag');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    await sandboxApi(page, 'POST', `/v1/checkout/sessions/${sessionId}/expire`, {});

    // No click needed: the widget follows the open session by long-poll and learns the expiry.
    await expect(statusHeading(page, 'This checkout has expired')).toBeVisible({ timeout: 10_000 });
    await expect(payButton(page)).toBeHidden();
    expect(await chargesOf(page, sessionId)).toEqual([]);

    // And the API itself refuses a confirm for it, whoever sends it.
    const refused = await page.request.post(sandboxUrl(`/v1/checkout/sessions/${sessionId}/confirm`), {
      headers: { 'XPay-Client-Secret': clientSecret, 'Idempotency-Key': `e2e-expired-${sessionId}` },
      data: {
        paymentMethod: {
          type: 'card',
          card: { number: TEST_CARDS.visa, expMonth: 12, expYear: 2034, cvc: '123' },
          billingDetails: { name: 'Jo Tester', email: 'jo@example.com', address: { country: 'US', postalCode: '94110' } },
        },
        returnOrigin: new URL(shopUrl()).origin,
      },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.code).toBe('session_expired');
  });

  test('an expiry made elsewhere reaches an idle open form by the long-poll, without a reload', async ({ page }) => {
    await fillCart(page, ['tee']);
    const { sessionId } = await openCheckout(page, '/checkout/tag');
    await sandboxApi(page, 'POST', `/v1/checkout/sessions/${sessionId}/expire`, {});
    await expect(statusHeading(page, 'This checkout has expired')).toBeVisible({ timeout: 10_000 });
  });

  test('manual capture: authorised view, then capture and a partial refund from the order page, with balance transactions', async ({ page }) => {
    await fillCart(page, ['tee', 'mug']);
    const { orderId } = await openCheckout(page, '/checkout/tag?capture=manual');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    await clickPay(page);
    await expect(statusHeading(page, 'Payment authorised')).toBeVisible();

    await expectOrderStatus(page, `/orders/${orderId}`, 'authorised');
    await expect(page.getByText('None yet.')).toBeVisible(); // nothing captured, so no money moved yet
    await page.getByRole('button', { name: 'Capture' }).click();
    await expect(page.getByRole('status')).toContainText('Captured');
    await expectOrderStatus(page, `/orders/${orderId}`, 'paid');

    await page.getByLabel(/Amount to refund/).fill('500');
    await page.getByRole('button', { name: 'Refund' }).click();
    await expect(page.getByRole('status')).toContainText('Refund created');
    const rows = page.getByTestId('balance-transactions').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('charge');
    await expect(rows.nth(0)).toContainText('$37.00');
    await expect(rows.nth(1)).toContainText('refund');
    await expect(rows.nth(1)).toContainText('-$5.00');
  });
});
