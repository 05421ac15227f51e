import { expect, test, type Page } from '@playwright/test';
import { cardFrame, fillCart, openCheckout, watchCsp } from './shop.js';

/**
 * The demo shop's language and theme pickers (issue #12): a choice changes the widget live — its
 * words and its colours, the card frame's too — keeps what the customer typed, and survives a reload
 * through the URL's query.
 */
const payButton = (page: Page) => page.locator('xpay-checkout [part="submit-button"]');
const colourScheme = (page: Page) => page.locator('xpay-checkout').evaluate((el) => getComputedStyle(el).colorScheme);
const cardNumber = (page: Page) => cardFrame(page).locator('input[autocomplete="cc-number"]');
const frameInputBackground = (page: Page) => cardNumber(page).evaluate((input) => getComputedStyle(input).backgroundColor);

test.describe('the demo checkout language and theme switcher', () => {
  test('switches the language and the theme live, keeps the typed card, and keeps both across a reload', async ({ page }) => {
    const violations = watchCsp(page);
    await fillCart(page, ['tee']);
    await openCheckout(page, '/checkout/tag');
    const language = page.getByLabel('Language');
    const theme = page.getByLabel('Theme');
    await expect(language).toHaveValue('auto');
    await expect(theme).toHaveValue('light');
    await expect(payButton(page)).toHaveText(/Pay \$25/);
    const lightInput = await frameInputBackground(page);
    expect(await colourScheme(page)).not.toBe('dark');
    await cardFrame(page).getByRole('textbox', { name: 'Card number' }).pressSequentially('4242 4242');

    await language.selectOption('ja');
    await expect(payButton(page)).toHaveText(/を支払う/);
    await expect(page.locator('xpay-checkout').getByText('メールアドレス', { exact: false }).first()).toBeVisible();
    await expect(cardFrame(page).locator('html')).toHaveAttribute('lang', 'ja');

    await theme.selectOption('dark');
    await expect(page.locator('xpay-checkout')).toHaveAttribute('theme', 'dark');
    await expect.poll(() => colourScheme(page)).toBe('dark');
    await expect.poll(() => frameInputBackground(page)).not.toBe(lightInput);
    // What the customer typed outlived both switches (the frame re-rendered, it was not replaced).
    await expect(cardNumber(page)).toHaveValue('4242 4242');

    expect(new URL(page.url()).searchParams.get('locale')).toBe('ja');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
    await page.reload();
    await expect(language).toHaveValue('ja');
    await expect(theme).toHaveValue('dark');
    await expect(payButton(page)).toHaveText(/を支払う/);
    await expect.poll(() => colourScheme(page)).toBe('dark');

    // Back to the defaults: the query forgets them (the order stays), the widget is English and light.
    await language.selectOption('en');
    await theme.selectOption('light');
    await expect(payButton(page)).toHaveText(/Pay \$25/);
    await expect.poll(() => colourScheme(page)).not.toBe('dark');
    expect(new URL(page.url()).searchParams.get('theme')).toBeNull();
    expect(new URL(page.url()).searchParams.get('order')).toMatch(/\S/);
    expect(violations, 'the pickers must work under the strict CSP').toEqual([]);
  });
});
