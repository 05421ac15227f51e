import { expect, type FrameLocator, type Page } from '@playwright/test';
import { clickWhenMouseReaches } from '../helpers/cross-origin-click.mjs';

/**
 * What a customer does in the demo shop, hidden behind a few verbs so each journey reads as the
 * journey. Selectors are what a customer sees: labels and button names (Playwright pierces the
 * widget's open shadow root; the card frame is reached as a frame, like a person tabbing into it).
 */
export const shopUrl = (path = '/') => new URL(path, process.env.SHOP_URL).toString();
export const sandboxUrl = (path = '/') => new URL(path, process.env.SANDBOX_URL).toString();

export const TEST_CARDS = {
  visa: '4242424242424242',
  insufficientFunds: '4000000000009995',
  threeDS: '4000002760003184',
  processingSucceeds: '4000000000007718',
  processingFails: '4000000000007726',
} as const;

export async function fillCart(page: Page, skus: readonly string[] = ['tee']): Promise<void> {
  await page.goto(shopUrl('/'));
  await page.evaluate(() => localStorage.clear());
  for (const sku of skus) await page.locator(`[data-add="${sku}"]`).click();
}

export function cardFrame(page: Page): FrameLocator {
  return page.frameLocator('xpay-checkout iframe[title]');
}

export interface CardInput {
  number: string;
  expiry?: string;
  cvc?: string;
  name?: string;
}

/** Types the card the way a person does (keystrokes, so formatting runs), then billing fields. */
export async function fillCard(page: Page, card: CardInput): Promise<void> {
  const frame = cardFrame(page);
  const name = frame.getByRole('textbox', { name: 'Name on card' });
  await name.fill('');
  await name.pressSequentially(card.name ?? 'Jo Tester');
  const number = frame.getByRole('textbox', { name: 'Card number' });
  await number.fill('');
  await number.pressSequentially(card.number);
  const expiry = frame.getByRole('textbox', { name: 'Expiry date' });
  await expiry.fill('');
  await expiry.pressSequentially(card.expiry ?? '12 34');
  const cvc = frame.getByRole('textbox', { name: 'Security code' });
  await cvc.fill('');
  await cvc.pressSequentially(card.cvc ?? '123');
}

export async function fillBilling(page: Page): Promise<void> {
  const checkout = page.locator('xpay-checkout');
  const email = checkout.getByLabel('Email');
  if ((await email.count()) > 0 && (await email.inputValue()) === '') await email.fill('jo@example.com');
  const postal = checkout.getByLabel('Postal code');
  if ((await postal.count()) > 0) await postal.fill('94110');
}

export function payButton(page: Page) {
  return page.locator('xpay-checkout').getByRole('button', { name: /^Pay / });
}

/**
 * Clicks the pay button as a customer would, once mouse input reaches it: right after Playwright
 * scrolls it into view, the card frame's old position can take the click (cross-origin-click.mjs).
 */
export async function clickPay(page: Page): Promise<void> {
  await clickWhenMouseReaches(page, payButton(page));
}

/** Names of the events the demo's live panel received, oldest first. */
export async function receivedEvents(page: Page, type?: string): Promise<{ type: string; detail: unknown }[]> {
  const items = await page.locator('#event-log li').evaluateAll((lis) =>
    lis.map((li) => ({ type: (li as HTMLElement).dataset.event ?? '', detail: JSON.parse(li.querySelector('pre')?.textContent ?? 'null') })),
  );
  return items.reverse().filter((e) => !type || e.type === type);
}

export async function expectOrderStatus(page: Page, orderPath: string, status: string): Promise<void> {
  await expect(async () => {
    await page.goto(shopUrl(orderPath));
    await expect(page.getByTestId('order-status')).toHaveText(status, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

export const SECRET_KEY = 'sk_test_sandbox';

/** A secret-key call to the sandbox, as the merchant's server would make it (never from a page). */
export async function sandboxApi<T = Record<string, unknown>>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(sandboxUrl(path), {
    method,
    headers: { Authorization: `Bearer ${SECRET_KEY}` },
    ...(body === undefined ? {} : { data: body }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** What the shop's server answered when the page asked for a checkout session. */
export interface OpenedCheckout {
  orderId: string;
  sessionId: string;
  clientSecret: string;
}

/** Opens a checkout page of the shop and returns the session its script got from `/api/checkout`. */
export async function openCheckout(page: Page, path: string): Promise<OpenedCheckout> {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/checkout') && r.request().method() === 'POST');
  await page.goto(shopUrl(path));
  const body = (await (await answer).json()) as { orderId: string; clientSecret: string };
  // The session arrives before the widget has rendered its fields: wait for them before filling.
  await expect(page.locator('xpay-checkout').getByLabel('Email')).toBeVisible();
  return { orderId: body.orderId, clientSecret: body.clientSecret, sessionId: body.clientSecret.split('_secret_')[0]! };
}

/** The widget's status view heading (succeeded, processing, expired, …). */
export function statusHeading(page: Page, name: string | RegExp) {
  return page.locator('xpay-checkout').getByRole('heading', { name });
}

/** The 3-D Secure dialog of the widget and the issuer page inside it. */
export function challenge(page: Page) {
  const dialog = page.locator('xpay-checkout').getByRole('dialog');
  return { dialog, issuer: page.locator('xpay-challenge iframe').contentFrame() };
}

/**
 * Clicks the issuer page's complete or fail button with the mouse, once the issuer's iframe receives
 * input; by its `data-acs-action`, since the page speaks the customer's language.
 */
export async function clickIssuerButton(page: Page, action: 'complete' | 'fail'): Promise<void> {
  await clickWhenMouseReaches(page, challenge(page).issuer.locator(`button[data-acs-action="${action}"]`));
}

/** Charges on the session's one payment intent, read with the secret key. */
export async function chargesOf(page: Page, sessionId: string): Promise<{ status: string; declineCode: string | null; amount: number }[]> {
  const session = await sandboxApi<{ paymentIntent: { charges: { status: string; declineCode: string | null; amount: number }[] } | null }>(
    page,
    'GET',
    `/v1/checkout/sessions/${sessionId}`,
  );
  return session.paymentIntent?.charges ?? [];
}

/** Collects the CSP violations a page reports, so a journey can prove it ran under a strict CSP. */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  return violations;
}

/** The notice the widget shows above the kept form after a decline. */
export function declinedNotice(page: Page) {
  return page.locator('xpay-checkout [part="error"]').filter({ hasText: 'Payment not completed' });
}
