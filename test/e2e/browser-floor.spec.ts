import { expect, test, type Frame, type Page } from '@playwright/test';
import {
  cardFrame,
  challenge,
  chargesOf,
  clickIssuerButton,
  clickPay,
  expectOrderStatus,
  fillBilling,
  fillCard,
  fillCart,
  openCheckout,
  receivedEvents,
  sandboxUrl,
  shopUrl,
  statusHeading,
  TEST_CARDS,
} from './shop.js';

/**
 * The browser support floor (README "Browser support": Safari/iOS 15.4, Chrome/Edge 100, Firefox
 * 100). Chromium here is far newer, so each test first takes away, in every frame and before any
 * script runs, what the floor's browsers lack — then pays the way a customer on them would.
 * `context.addInitScript` runs in every frame of every page of the context, cross-origin iframes
 * included (the card frame and the issuer's page are the sandbox's origin); the journeys check that
 * inside those frames rather than trust it.
 *
 * Syntax newer than the floor cannot be taken away at run time: test/unit/build/browser-floor.test.ts
 * parses the built bundles for it.
 */

/** Deletes the APIs that Safari 15.4, Chrome 100 and Firefox 100 do not all have. Runs in the page. */
function removeApisNewerThanTheFloor(): void {
  const remove = (owner: object | undefined, ...keys: string[]) => {
    for (const key of keys) if (owner) delete (owner as Record<string, unknown>)[key];
  };
  const g = globalThis as unknown as Record<string, { prototype?: object } & Record<string, unknown>>;
  remove(AbortSignal, 'any', 'timeout'); // Safari 17.4 / 16 (any: Chrome 116, Firefox 124)
  remove(Promise, 'withResolvers', 'try');
  remove(Object, 'groupBy');
  remove(Map, 'groupBy');
  remove(Array, 'fromAsync');
  remove(Array.prototype, 'toSorted', 'toReversed', 'toSpliced', 'with', 'findLast', 'findLastIndex'); // findLast: Firefox 104
  remove(Set.prototype, 'union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom');
  remove(String.prototype, 'isWellFormed', 'toWellFormed');
  remove(g['Iterator']?.prototype, 'map', 'filter', 'take', 'drop', 'flatMap', 'reduce', 'toArray', 'forEach', 'some', 'every', 'find');
  remove(g['Iterator'], 'from');
  remove(globalThis, 'Iterator');
  remove(URL, 'canParse', 'parse'); // Safari 17, Chrome 120
  remove(Response, 'json'); // static Response.json: Safari 17, Chrome 105
  remove(Response.prototype, 'bytes');
  remove(Blob.prototype, 'bytes');
  remove(ReadableStream.prototype, 'values', Symbol.asyncIterator as unknown as string);
  remove(Element.prototype, 'checkVisibility'); // Safari 17.4, Chrome 105
  remove(HTMLElement.prototype, 'showPopover', 'hidePopover', 'togglePopover', 'popover', 'inert'); // inert: Firefox 112
  remove(globalThis, 'requestIdleCallback'); // never in Safari
  remove(Navigator.prototype, 'userActivation'); // Safari 16.4
  remove(HTMLFormElement.prototype, 'requestSubmit'); // Safari 16
  // Constructable stylesheets arrived in Safari 16.4: without them Lit falls back to <style> elements.
  remove(Document.prototype, 'adoptedStyleSheets');
  remove(ShadowRoot.prototype, 'adoptedStyleSheets');
  (globalThis as unknown as { __floorApplied?: boolean }).__floorApplied = true;
}

/** Proof, from inside a frame, that the init script ran there before we rely on it. */
async function expectFloorIn(frame: Frame): Promise<void> {
  expect(
    await frame.evaluate(() => ({
      applied: (globalThis as unknown as { __floorApplied?: boolean }).__floorApplied === true,
      any: typeof (AbortSignal as unknown as { any?: unknown }).any,
      timeout: typeof (AbortSignal as unknown as { timeout?: unknown }).timeout,
      toSorted: typeof ([] as unknown as { toSorted?: unknown }).toSorted,
    })),
    `APIs newer than the floor are gone in ${frame.url()}`,
  ).toEqual({ applied: true, any: 'undefined', timeout: 'undefined', toSorted: 'undefined' });
}

/**
 * The frame whose document is at `path`, once it has one: a frame just attached has no URL yet
 * (Playwright reports '' until its first navigation commits), so this waits for it.
 */
async function frameAt(page: Page, path: RegExp): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url() !== '' && path.test(new URL(f.url()).pathname));
  await expect.poll(() => find() !== undefined, { message: `a frame at ${path}` }).toBe(true);
  return find()!;
}

const CARD_FRAME = /^\/frames\/card\//;
const ISSUER = /^\/sandbox\/acs\//;

/** Every page error (an uncaught TypeError from a missing API lands here). */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test.describe('browser support floor: a browser with only what Safari 15.4 / Chrome 100 / Firefox 100 have', () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(removeApisNewerThanTheFloor);
  });

  test('the CDN bundle loads and pays with 4242 4242 4242 4242', async ({ page }) => {
    const errors = watchPageErrors(page);
    await fillCart(page, ['tee']);
    const { orderId } = await openCheckout(page, '/checkout/cdn');
    await expectFloorIn(page.mainFrame());
    await expectFloorIn(await frameAt(page, CARD_FRAME));

    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    await clickPay(page);
    await expect(statusHeading(page, 'Payment successful')).toBeVisible();
    await expectOrderStatus(page, `/orders/${orderId}`, 'paid');
    expect(errors).toEqual([]);
  });

  test('the CDN bundle pays through 3-D Secure (4000 0027 6000 3184)', async ({ page }) => {
    const errors = watchPageErrors(page);
    await fillCart(page, ['mug']);
    const { sessionId } = await openCheckout(page, '/checkout/cdn');
    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.threeDS });
    await clickPay(page);

    const { dialog, issuer } = challenge(page);
    await expect(dialog).toBeVisible();
    await expect(issuer.getByRole('button', { name: 'Complete authentication' })).toBeVisible();
    await expectFloorIn(await frameAt(page, ISSUER));
    await clickIssuerButton(page, 'complete');

    await expect(statusHeading(page, 'Payment successful')).toBeVisible();
    await expect(dialog).toBeHidden();
    expect((await chargesOf(page, sessionId)).map((c) => c.status)).toEqual(['succeeded']);
    expect(errors).toEqual([]);
  });

  test('the hosted page pays with 4242 4242 4242 4242', async ({ page }) => {
    const errors = watchPageErrors(page);
    await fillCart(page, ['tee']);
    await page.getByRole('button', { name: 'Checkout — XPay hosted page (redirect)' }).click();
    await page.waitForURL((url) => url.origin === new URL(sandboxUrl()).origin && url.pathname.startsWith('/c/'));
    await expect(page.locator('xpay-checkout').getByLabel('Email')).toBeVisible();
    await expectFloorIn(page.mainFrame());
    await expectFloorIn(await frameAt(page, CARD_FRAME));

    await fillBilling(page);
    await fillCard(page, { number: TEST_CARDS.visa });
    await clickPay(page);
    await page.waitForURL((url) => url.origin === new URL(shopUrl()).origin && url.pathname.startsWith('/orders/'));
    await expectOrderStatus(page, new URL(page.url()).pathname, 'paid');
    expect(errors).toEqual([]);
  });
});

test.describe('below the floor: a browser without <dialog>.showModal() (Safari 15.0–15.3, Firefox 97)', () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(() => {
      delete (HTMLDialogElement.prototype as unknown as Record<string, unknown>)['showModal'];
    });
  });

  test('shows unsupported_browser in the error view and fires it with xpay-error — never a network error', async ({ page }) => {
    await fillCart(page, ['tee']);
    await page.goto(shopUrl('/checkout/cdn'));
    const checkout = page.locator('xpay-checkout');
    await expect(checkout.getByRole('heading', { name: 'Checkout unavailable' })).toBeVisible();
    await expect(checkout).toContainText('This browser is too old for this checkout');
    await expect(checkout.locator('[part="error"] code')).toHaveText('unsupported_browser');
    await expect(checkout.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await expect(cardFrame(page).locator('body')).toHaveCount(0);

    await expect.poll(async () => (await receivedEvents(page, 'xpay-error')).length).toBe(1);
    const [event] = await receivedEvents(page, 'xpay-error');
    expect(event!.detail).toMatchObject({ error: { type: 'integration_error', code: 'unsupported_browser' } });
    expect(JSON.stringify(await receivedEvents(page))).not.toContain('network_error');
  });
});
