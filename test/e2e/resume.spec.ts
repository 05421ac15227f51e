import { expect, test } from '@playwright/test';
import {
  challenge,
  chargesOf,
  clickIssuerButton,
  clickPay,
  fillBilling,
  fillCard,
  fillCart,
  openCheckout,
  payButton,
  receivedEvents,
  statusHeading,
  TEST_CARDS,
} from './shop.js';

test.describe('journey 6: reloads', () => {
  test('a reload mid-challenge resumes it; a reload after success shows success and charges nothing more', async ({ page }) => {
    await fillCart(page, ['mug']);
    const { sessionId } = await openCheckout(page, '/checkout/tag');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.threeDS });
    await clickPay(page);
    await expect(challenge(page).issuer.getByRole('button', { name: 'Complete authentication' })).toBeVisible();

    // The page keeps its order in the URL, so a reload reloads the same session.
    await page.reload();
    expect(new URL(page.url()).searchParams.get('order')).toMatch(/^ord_/);
    await expect(challenge(page).dialog).toBeVisible();
    await clickIssuerButton(page, 'complete');
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();

    await page.reload();
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();
    await expect(payButton(page)).toBeHidden();
    const succeeded = await receivedEvents(page, 'xpay-succeeded');
    expect(succeeded).toHaveLength(1);
    expect((succeeded[0]!.detail as { resumed: boolean }).resumed).toBe(true);
    expect((await chargesOf(page, sessionId)).map((c) => c.status)).toEqual(['succeeded']);
  });
});
