import { expect, test } from '@playwright/test';
import {
  clickPay,
  declinedNotice,
  fillBilling,
  fillCard,
  fillCart,
  openCheckout,
  payButton,
  receivedEvents,
  statusHeading,
  TEST_CARDS,
} from './shop.js';

test.describe('journey 4: processing, settled without a reload', () => {
  test('…7718 shows processing, then succeeded', async ({ page }) => {
    await fillCart(page, ['stickers']);
    await openCheckout(page, '/checkout/tag');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.processingSucceeds });
    await clickPay(page);
    await expect(statusHeading(page, 'Confirming your payment…')).toBeVisible();
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();
    const statuses = (await receivedEvents(page, 'xpay-status-change')).map((e) => (e.detail as { status: string }).status);
    expect(statuses).toEqual(['requires_payment_method', 'processing', 'succeeded']);
  });

  test('…7726 shows processing, then the decline, and the form is back', async ({ page }) => {
    await fillCart(page, ['stickers']);
    await openCheckout(page, '/checkout/tag');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.processingFails });
    await clickPay(page);
    await expect(statusHeading(page, 'Confirming your payment…')).toBeVisible();
    await expect(declinedNotice(page)).toBeVisible();
    await expect(payButton(page)).toBeVisible();
    expect(await receivedEvents(page, 'xpay-declined')).toHaveLength(1);
  });
});
