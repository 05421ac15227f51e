import { expect, test } from '@playwright/test';
import {
  cardFrame,
  clickPay,
  expectOrderStatus,
  fillBilling,
  fillCard,
  fillCart,
  payButton,
  sandboxApi,
  sandboxUrl,
  shopUrl,
  TEST_CARDS,
  watchCsp,
} from './shop.js';

/** The hosted page, with its own credential in the fragment (the session id alone shows nothing). */
const HOSTED = /\/c\/(cs_test_\w+)#token=[\w-]{43}$/;

test.describe('journey 8: XPay hosted checkout page and payment links', () => {
  test('the hosted page pays (test card picked inside the card frame) and returns to the success URL', async ({ page }) => {
    const violations = watchCsp(page);
    await fillCart(page, ['tee']);
    await page.getByRole('button', { name: 'Checkout — XPay hosted page (redirect)' }).click();

    await page.waitForURL(HOSTED);
    const hostedUrl = page.url();
    expect(new URL(hostedUrl).origin).toBe(new URL(sandboxUrl()).origin);
    expect(hostedUrl, 'the client secret never appears in a URL').not.toContain('_secret_');
    await expect(payButton(page)).toHaveText('Pay $25.00');

    await fillBilling(page);
    // Test mode: the frame offers its own test-card picker; the shop's page never sees the number.
    await cardFrame(page).getByLabel('Test card (test mode only)').selectOption({ label: 'Succeeds (•••• 4242)' });
    await expect(cardFrame(page).getByRole('textbox', { name: /^Card number/ })).toHaveValue('4242 4242 4242 4242');
    await clickPay(page);

    await page.waitForURL((url) => url.origin === new URL(shopUrl()).origin && url.pathname.startsWith('/orders/'));
    const landed = new URL(page.url());
    expect(landed.searchParams.get('session_id')).toMatch(/^cs_test_/);
    await expectOrderStatus(page, landed.pathname, 'paid');

    // The same hosted URL later: the outcome, no checkout and no secret to take.
    await page.goto(hostedUrl);
    await expect(page.getByRole('heading', { name: 'This checkout is complete' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Return to the store' })).toHaveAttribute('href', landed.href);
    await expect(page.locator('xpay-checkout')).toHaveCount(0);
    expect(violations).toEqual([]);
  });

  test('the hosted page without its token, or with a wrong one, shows no checkout', async ({ page }) => {
    const violations = watchCsp(page);
    await fillCart(page, ['tee']);
    await page.getByRole('button', { name: 'Checkout — XPay hosted page (redirect)' }).click();
    await page.waitForURL(HOSTED);
    await expect(payButton(page)).toBeVisible();
    const url = new URL(page.url());

    for (const hash of ['', '#token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      await page.goto('about:blank');
      await page.goto(`${url.origin}${url.pathname}${hash}`);
      await expect(page.getByRole('heading', { name: 'This checkout link is incomplete' })).toBeVisible();
      await expect(page.locator('xpay-checkout')).toHaveCount(0);
      expect(await page.content()).not.toContain('_secret_');
    }
    expect(violations).toEqual([]);
  });

  test("the hosted page's back link returns to the cancel URL", async ({ page }) => {
    await fillCart(page, ['mug']);
    await page.getByRole('button', { name: 'Checkout — XPay hosted page (redirect)' }).click();
    await page.waitForURL(HOSTED);
    await page.getByRole('link', { name: /Cancel and return/ }).click();
    await page.waitForURL(shopUrl('/'));
  });

  test('a payment link opens a fresh session per visit, pays, and the webhook creates the paid order', async ({ page }) => {
    const violations = watchCsp(page);
    await page.goto(shopUrl('/'));
    const link = page.getByTestId('payment-link');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/\/p\/plink_\w+$/);

    await link.click();
    await page.waitForURL(HOSTED);
    const firstSession = HOSTED.exec(page.url())![1];
    await page.goto(href);
    await page.waitForURL(HOSTED);
    const sessionId = HOSTED.exec(page.url())![1]!;
    expect(sessionId, 'each visit of a link is a new checkout session').not.toBe(firstSession);

    await expect(payButton(page)).toHaveText('Pay $4.00');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    await clickPay(page);

    await page.waitForURL((url) => url.origin === new URL(shopUrl()).origin && url.pathname.startsWith('/orders/'));
    await expectOrderStatus(page, new URL(page.url()).pathname, 'paid');

    const session = await sandboxApi(page, 'GET', `/v1/checkout/sessions/${sessionId}`);
    expect(session).toMatchObject({ status: 'complete', paymentStatus: 'paid', paymentLink: expect.stringMatching(/^plink_/) });
    expect(violations).toEqual([]);
  });
});
