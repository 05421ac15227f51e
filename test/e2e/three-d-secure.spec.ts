import { expect, test, type Page } from '@playwright/test';
import {
  challenge,
  chargesOf,
  clickIssuerButton,
  clickPay,
  declinedNotice,
  fillBilling,
  fillCard,
  fillCart,
  openCheckout,
  payButton,
  statusHeading,
  TEST_CARDS,
} from './shop.js';

/** Opens a checkout and pays with the 3-D Secure card until the issuer's page is showing. */
async function startChallenge(page: Page) {
  await fillCart(page, ['mug']);
  const opened = await openCheckout(page, '/checkout/tag');
  await fillBilling(page);
  await fillCard(page, { number: TEST_CARDS.threeDS });
  await clickPay(page);
  const { dialog, issuer } = challenge(page);
  await expect(dialog).toBeVisible();
  await expect(issuer.getByRole('button', { name: 'Complete authentication' })).toBeVisible();
  return opened;
}

/** After a challenge ended without payment: the form is back and a second try with 4242… pays. */
async function retryPays(page: Page, sessionId: string) {
  await expect(challenge(page).dialog).toBeHidden();
  await expect(payButton(page)).toBeVisible();
  await fillCard(page, { number: TEST_CARDS.visa });
  await clickPay(page);
  await expect(statusHeading(page, 'Payment successful')).toBeVisible();
  expect((await chargesOf(page, sessionId)).map((c) => c.status)).toEqual(['failed', 'succeeded']);
}

test.describe('journey 3: 3-D Secure', () => {
  test('"Complete authentication" → succeeded', async ({ page }) => {
    const { sessionId } = await startChallenge(page);
    await clickIssuerButton(page, 'complete');
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();
    await expect(challenge(page).dialog).toBeHidden();
    expect((await chargesOf(page, sessionId)).map((c) => c.status)).toEqual(['succeeded']);
  });

  test('"Fail authentication" → declined, and a retry is possible', async ({ page }) => {
    const { sessionId } = await startChallenge(page);
    await clickIssuerButton(page, 'fail');
    await expect(declinedNotice(page)).toBeVisible();
    await retryPays(page, sessionId);
  });

  test("the dialog's close button abandons the challenge; the form is back and a retry pays", async ({ page }) => {
    const { sessionId } = await startChallenge(page);
    await challenge(page).dialog.getByRole('button', { name: 'Cancel verification' }).click();
    await retryPays(page, sessionId);
  });

  test('Escape with focus on the close button abandons the challenge; a retry pays', async ({ page }) => {
    const { sessionId } = await startChallenge(page);
    await challenge(page).dialog.getByRole('button', { name: 'Cancel verification' }).focus();
    await page.keyboard.press('Escape');
    await retryPays(page, sessionId);
  });
});
