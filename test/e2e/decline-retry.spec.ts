import { expect, test } from '@playwright/test';
import {
  chargesOf,
  clickPay,
  declinedNotice,
  fillBilling,
  fillCard,
  fillCart,
  openCheckout,
  receivedEvents,
  statusHeading,
  TEST_CARDS,
} from './shop.js';

test.describe('journey 2: decline, then retry with another card', () => {
  test('…9995 is declined with a clear message; 4242… then pays on the same intent (one intent, two charges)', async ({ page }) => {
    await fillCart(page, ['tee']);
    const { sessionId } = await openCheckout(page, '/checkout/tag');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.insufficientFunds });
    await clickPay(page);

    await expect(declinedNotice(page)).toBeVisible();
    await expect(declinedNotice(page)).toContainText(/declined|insufficient funds/i);
    expect(await receivedEvents(page, 'xpay-declined')).toHaveLength(1);

    await fillCard(page, { number: TEST_CARDS.visa });
    await clickPay(page);
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();

    const charges = await chargesOf(page, sessionId);
    expect(charges.map((c) => [c.status, c.declineCode])).toEqual([
      ['failed', 'insufficient_funds'],
      ['succeeded', null],
    ]);
  });
});
