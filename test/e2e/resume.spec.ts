import { expect, test } from '@playwright/test';
import { challenge, chargesOf, fillBilling, fillCard, fillCart, openCheckout, payButton, receivedEvents, statusHeading, TEST_CARDS } from './shop.js';

test.describe('journey 6: reloads', () => {
  test('a reload mid-challenge resumes it; a reload after success shows success and charges nothing more', async ({ page }) => {
    await fillCart(page, ['mug']);
    const { sessionId } = await openCheckout(page, '/checkout/tag');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.threeDS });
    await payButton(page).click();
    await expect(challenge(page).issuer.getByRole('button', { name: 'Complete authentication' })).toBeVisible();

    // The page keeps its order in the URL, so a reload reloads the same session.
    await page.reload();
    expect(new URL(page.url()).searchParams.get('order')).toMatch(/^ord_/);
    await expect(challenge(page).dialog).toBeVisible();
    // After a reload the challenge reopens before the card frame loads, and the page keeps moving
    // (frame inserted, then grown by its test-card picker). A mouse click aimed at the issuer's button
    // in that window was lost about 1 run in 8 (no POST reached the issuer); pressing Enter on the
    // focused button was not (25 of 25). So: wait for the page to settle, then use the keyboard.
    // The mouse path is covered without a reload by journey 3; the lost click is noted on issue #4.
    await expect.poll(async () => (await receivedEvents(page, 'xpay-ready')).length).toBe(1);
    await expect(page.locator('xpay-checkout iframe.card-frame').contentFrame().getByLabel('Test card (test mode only)')).toBeVisible();
    await challenge(page).issuer.getByRole('button', { name: 'Complete authentication' }).press('Enter');
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
