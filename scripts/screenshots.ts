/**
 * Screenshots of every view of <xpay-checkout>, at 375 px and 1280 px wide, for looking at by eye:
 * `npm run build && npx tsx scripts/screenshots.ts` → screenshots/<view>-<width>.png.
 *
 * Real parts only: the sandbox API (sandbox/main.ts) on 127.0.0.1 with a temp SQLite file, a tiny
 * merchant page on localhost that loads the built CDN bundle (dist/cdn/xpay.js), the card frame
 * the sandbox serves from dist/frame, and Debian Chromium. The loading view is held by the fault
 * proxy delaying the session read; everything else is a real session in the state it names.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../test/helpers/chromium.mjs';
import { startFaultProxy } from '../test/helpers/fault-proxy.js';

const REPO = resolve(import.meta.dirname, '..');
// Not under test-results/: Playwright empties that folder on every e2e run.
const OUT = join(REPO, 'screenshots');
const SECRET_KEY = 'sk_test_screenshots';
const WIDTHS = [375, 1280] as const;

async function startSandbox(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      XPAY_SANDBOX_HOST: '127.0.0.1',
      XPAY_SANDBOX_PORT: '0',
      XPAY_SANDBOX_DB: db,
      XPAY_SECRET_KEY: SECRET_KEY,
      XPAY_MERCHANT_NAME: 'Northwind Coffee',
      // Long enough that the processing view is still up when it is photographed.
      XPAY_SANDBOX_PROCESSING_MS: '60000',
      XPAY_SANDBOX_LOG: '0',
      // The shots decline many times from 127.0.0.1 with the same cards: no velocity limits here.
      XPAY_SANDBOX_VELOCITY_PER_LINK: '100000',
      XPAY_SANDBOX_VELOCITY_PER_CLIENT: '100000',
      XPAY_SANDBOX_VELOCITY_PER_CARD: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`sandbox did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        ok(match[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`sandbox exited (${code}):\n${out}`)));
  });
  return { url, child };
}

/** The merchant page: one column, the widget, the CDN bundle. Options come in the query string. */
function hostPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Checkout · Northwind Coffee</title>
<link rel="stylesheet" href="/page.css">
<script src="/xpay.js" defer></script><script src="/page.js" defer></script>
</head><body><main><h1>Checkout</h1><xpay-checkout></xpay-checkout></main></body></html>`;
}

const PAGE_CSS = `body{margin:0;background:#f4f5f7;font-family:system-ui,sans-serif;color:#1a1f36}
main{max-width:520px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.25rem;margin:0 0 16px}
xpay-checkout{margin:0 auto;padding:24px;border-radius:12px;box-shadow:0 1px 3px rgb(16 24 40/.08)}
@media (max-width:480px){main{padding:16px 0}h1{padding:0 16px}xpay-checkout{padding:20px 16px;border-radius:0}}`;

const PAGE_JS = `const q = new URLSearchParams(location.search);
const el = document.querySelector('xpay-checkout');
if (q.get('theme')) el.setAttribute('theme', q.get('theme'));
el.apiBase = q.get('api');
el.clientSecret = q.get('secret');`;

async function startHost(): Promise<{ origin: string; close: () => void }> {
  const bundle = readFileSync(join(REPO, 'dist/cdn/xpay.js'));
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const [type, body] =
      path === '/xpay.js'
        ? ['text/javascript', bundle]
        : path === '/page.js'
          ? ['text/javascript', PAGE_JS]
          : path === '/page.css'
            ? ['text/css', PAGE_CSS]
            : ['text/html; charset=utf-8', hostPage()];
    // The strict CSP merchants use: nothing inline, frames only from the API.
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; connect-src http://127.0.0.1:*; frame-src http://127.0.0.1:*",
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function main(): Promise<void> {
  if (!existsSync(join(REPO, 'dist/cdn/xpay.js')) || !existsSync(join(REPO, 'dist/frame/index.html'))) {
    throw new Error('run `npm run build` first (dist/cdn/xpay.js and dist/frame are needed)');
  }
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'xpay-shots-'));
  const sandbox = await startSandbox(join(dir, 'sandbox.db'));
  const host = await startHost();
  const slowProxy = await startFaultProxy(sandbox.url);
  // The card frame served through a proxy keeps the sandbox's Host, so its confirms pass the origin check.
  const confirmProxy = await startFaultProxy(sandbox.url, { preserveHost: true });
  const browser = await chromium.launch(chromiumLaunchOptions());

  const api = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(sandbox.url + path, {
      method,
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const createSession = (extra: Record<string, unknown> = {}) =>
    api<{ id: string; clientSecret: string }>('POST', '/v1/checkout/sessions', {
      mode: 'payment',
      currency: 'usd',
      lineItems: [
        { name: 'House blend, 1 kg', unitAmount: 2400, quantity: 1 },
        { name: 'Ceramic pour-over', unitAmount: 1850, quantity: 2 },
      ],
      successUrl: `${host.origin}/done`,
      cancelUrl: `${host.origin}/cart`,
      allowedOrigins: [host.origin],
      customerEmail: undefined,
      ...extra,
    });

  const shots: string[] = [];
  try {
    for (const width of WIDTHS) {
      const viewportHeight = width < 600 ? 812 : 900;
      const context = await browser.newContext({ viewport: { width, height: viewportHeight }, deviceScaleFactor: 1 });
      const open = async (secret: string, apiBase = sandbox.url, waitReady = true, theme = ''): Promise<Page> => {
        const page = await context.newPage();
        page.on('console', (m) => m.type() === 'error' && console.error(`[page ${width}] ${m.text()}`));
        const ready = waitReady
          ? page.waitForFunction(() => document.querySelector('xpay-checkout')?.getAttribute('status') !== 'loading' && document.querySelector('xpay-checkout')?.getAttribute('status') !== null)
          : Promise.resolve();
        await page.goto(`${host.origin}/?api=${encodeURIComponent(apiBase)}&secret=${encodeURIComponent(secret)}&theme=${theme}`);
        await ready;
        return page;
      };
      const frameOf = async (page: Page): Promise<Frame> => {
        const handle = await page.locator('xpay-checkout').locator('iframe.card-frame').elementHandle();
        const frame = await handle!.contentFrame();
        await frame!.locator('#cvc').waitFor();
        return frame!;
      };
      const fill = async (page: Page, card: { number: string; cvc?: string }) => {
        const el = page.locator('xpay-checkout');
        await el.locator('[name=email]').fill('jo@example.com');
        await el.locator('[name=postalCode]').fill('94107');
        const frame = await frameOf(page);
        await frame.locator('#name').fill('Jo Tester');
        await frame.locator('#number').pressSequentially(card.number);
        await frame.locator('#expiry').pressSequentially('1234');
        await frame.locator('#cvc').pressSequentially(card.cvc ?? '123');
        await page.waitForFunction(() => (document.querySelector('xpay-checkout') as any)?.complete === true);
      };
      const pay = (page: Page) => page.locator('xpay-checkout').locator('[part~="submit-button"]').click();
      const status = (page: Page, value: string) =>
        page.waitForFunction((v) => document.querySelector('xpay-checkout')?.getAttribute('status') === v, value, { timeout: 30_000 });
      const settle = async (page: Page) => {
        // Let the frame's resize land and animations reach a resting frame before the picture.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page.waitForTimeout(300);
      };
      const shoot = async (page: Page, name: string, wholePage = true) => {
        // A card frame on the page reserves a default height until its first resize message sets the
        // real one; measuring the page before that photographs a stale height (seen: 1104 vs 1209 px).
        // Chromium does not lay out a cross-origin frame below the fold (no ResizeObserver there), so
        // bring it into view first, as a customer scrolling down would.
        await page.evaluate(() =>
          document.querySelector('xpay-checkout')?.shadowRoot?.querySelector('iframe.card-frame')?.scrollIntoView({ block: 'center' }),
        );
        await page.waitForFunction(() => {
          const frame = document.querySelector('xpay-checkout')?.shadowRoot?.querySelector<HTMLIFrameElement>('iframe.card-frame');
          return !frame || frame.style.height !== '';
        });
        await settle(page);
        if (wholePage) {
          // A viewport as tall as the page instead of Playwright's fullPage stitching, which resizes
          // mid-capture and photographs the cross-origin card frame at a stale size.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.setViewportSize({ width, height: Math.max(height, viewportHeight) });
          await page.evaluate(() => window.scrollTo(0, 0));
        }
        await settle(page);
        const file = join(OUT, `${name}-${width}.png`);
        // The challenge is a modal on the viewport: photographed as the customer sees it.
        await page.screenshot({ path: file, animations: 'disabled' });
        shots.push(file);
        await page.close();
      };

      // loading: the session read is held by the proxy.
      {
        const s = await createSession();
        slowProxy.inject({ path: `/v1/checkout/sessions/${s.id}/public` }, { type: 'delay', ms: 30_000 });
        const page = await open(s.clientSecret, slowProxy.url, false);
        await page.locator('xpay-checkout').locator('.skeleton--text').first().waitFor();
        await shoot(page, '01-loading');
      }
      // ready, empty.
      {
        const page = await open((await createSession()).clientSecret);
        await frameOf(page);
        await shoot(page, '02-ready');
      }
      // errors: invalid values typed and blurred, in our fields and in the frame.
      {
        const page = await open((await createSession()).clientSecret);
        const el = page.locator('xpay-checkout');
        await el.locator('[name=email]').fill('jo@example');
        await el.locator('[name=postalCode]').focus();
        const frame = await frameOf(page);
        await frame.locator('#number').pressSequentially('4242424242424241');
        await frame.locator('#expiry').pressSequentially('13');
        await frame.locator('#cvc').pressSequentially('1');
        await frame.locator('#name').focus();
        await el.locator('[name=postalCode]').focus();
        await el.locator('[name=email]').focus();
        await shoot(page, '03-errors');
      }
      // filled.
      {
        const page = await open((await createSession()).clientSecret);
        await fill(page, { number: '4242424242424242' });
        await shoot(page, '04-filled');
      }
      // declined: insufficient funds, the form kept.
      {
        const page = await open((await createSession()).clientSecret);
        await fill(page, { number: '4000000000009995' });
        await pay(page);
        await page.locator('xpay-checkout').locator('[part~="error"]').first().waitFor();
        await shoot(page, '05-declined');
      }
      // processing.
      {
        const page = await open((await createSession()).clientSecret);
        await fill(page, { number: '4000000000007718' });
        await pay(page);
        await status(page, 'processing');
        await shoot(page, '06-processing');
      }
      // 3-D Secure challenge dialog.
      {
        const page = await open((await createSession()).clientSecret);
        await fill(page, { number: '4000002760003184' });
        await pay(page);
        await status(page, 'requires_action');
        const acs = page.frameLocator('xpay-checkout >> xpay-challenge >> iframe');
        await acs.getByRole('button', { name: 'Complete authentication' }).waitFor();
        await shoot(page, '07-challenge', false);
      }
      // issue #12: Arabic (right to left) in the dark theme, the form and a decline; Japanese, the form and a decline; German succeeded.
      {
        await shoot(await open((await createSession({ locale: 'ar' })).clientSecret, sandbox.url, true, 'dark'), '19-ar-dark-form');
        const page = await open((await createSession({ locale: 'ar' })).clientSecret, sandbox.url, true, 'dark');
        await fill(page, { number: '4000000000009995' });
        await pay(page);
        await page.locator('xpay-checkout').locator('[part~="error"]').first().waitFor();
        await shoot(page, '20-ar-dark-declined');
      }
      {
        await shoot(await open((await createSession({ locale: 'ja' })).clientSecret), '21-ja-form');
        const page = await open((await createSession({ locale: 'ja' })).clientSecret);
        await fill(page, { number: '4000000000009995' });
        await pay(page);
        await page.locator('xpay-checkout').locator('[part~="error"]').first().waitFor();
        await shoot(page, '21-ja-declined');
      }
      {
        const page = await open((await createSession({ locale: 'de' })).clientSecret);
        await fill(page, { number: '4242424242424242' });
        await pay(page);
        await status(page, 'succeeded');
        await shoot(page, '22-de-succeeded');
      }
      // succeeded.
      {
        const page = await open((await createSession()).clientSecret);
        await fill(page, { number: '4242424242424242' });
        await pay(page);
        await status(page, 'succeeded');
        await shoot(page, '08-succeeded');
      }
      // authorised (manual capture).
      let authorisedIntent = '';
      let authorisedSecret = '';
      {
        const s = await createSession({ captureMethod: 'manual' });
        const page = await open(s.clientSecret);
        await fill(page, { number: '5555555555554444' });
        await pay(page);
        await status(page, 'requires_capture');
        authorisedIntent = (await page.evaluate(() => (document.querySelector('xpay-checkout') as any).paymentIntent.id)) as string;
        authorisedSecret = s.clientSecret;
        await shoot(page, '09-authorised');
      }
      // expired.
      {
        const s = await createSession();
        await api('POST', `/v1/checkout/sessions/${s.id}/expire`);
        const page = await open(s.clientSecret);
        await shoot(page, '10-expired');
      }
      // canceled: the authorisation above, canceled by the merchant.
      {
        await api('POST', `/v1/payment_intents/${authorisedIntent}/cancel`);
        const page = await open(authorisedSecret);
        await status(page, 'canceled');
        await shoot(page, '11-canceled');
      }
      // integration error: this origin is not allowed.
      {
        const s = await createSession({ allowedOrigins: ['https://shop.example'] });
        const page = await open(s.clientSecret);
        await status(page, 'error');
        await shoot(page, '12-error-origin');
      }
      // too many attempts: ten declines, then the API refuses the eleventh (429 too_many_attempts).
      {
        const page = await open((await createSession()).clientSecret);
        await fill(page, { number: '4000000000000002' });
        for (let attempt = 0; attempt < 11; attempt++) {
          // confirm() is the pay button's path; it resolves once each outcome is known.
          await page.evaluate(() => (document.querySelector('xpay-checkout') as any).confirm());
        }
        await page.locator('xpay-checkout').locator('[part~="error"]').getByText('Too many attempts with this checkout.').waitFor();
        await shoot(page, '13-too-many-attempts');
      }
      // network error at mount: the API answers 503 for a while; the widget offers Try again and retries by itself.
      {
        const s = await createSession();
        const unavailable = { type: 'respond', status: 503 } as const;
        slowProxy.inject({ path: `/v1/checkout/sessions/${s.id}/public` }, ...Array.from({ length: 40 }, () => unavailable));
        const page = await open(s.clientSecret, slowProxy.url);
        await status(page, 'error');
        await page.locator('xpay-checkout').getByRole('button', { name: /try again/i }).waitFor();
        await shoot(page, '14-network-error');
      }
      // a second window: the first is in 3-D Secure, the second waits for it with the form disabled.
      {
        const s = await createSession();
        const first = await open(s.clientSecret);
        await fill(first, { number: '4000002760003184' });
        await pay(first);
        await status(first, 'requires_action');
        // The first window stays in the challenge server-side (its tab is closed, as a customer might).
        await first.close();
        const second = await open(s.clientSecret);
        await second.locator('xpay-checkout').getByText('This payment is being completed in another window.').waitFor();
        await shoot(second, '15-another-window');
      }
      // below the browser floor: <dialog>.showModal() is missing before any script runs.
      {
        const s = await createSession();
        const page = await context.newPage();
        await page.addInitScript(() => {
          delete (HTMLDialogElement.prototype as { showModal?: unknown }).showModal;
        });
        await page.goto(`${host.origin}/?api=${encodeURIComponent(sandbox.url)}&secret=${encodeURIComponent(s.clientSecret)}`);
        await status(page, 'error');
        await shoot(page, '16-unsupported-browser');
      }
      // the API refuses a field the form shows (a postal code too long): the error is under it.
      {
        const page = await open((await createSession()).clientSecret);
        await fill(page, { number: '4242424242424242' });
        await page.locator('xpay-checkout').locator('[name=postalCode]').fill('9'.repeat(21));
        await pay(page);
        await page.locator('xpay-checkout').locator('[name=postalCode][aria-invalid="true"]').waitFor();
        await shoot(page, '17-field-refused');
      }
      // rate limited: every confirm answered 429 with Retry-After until the frame's waits run out.
      {
        const s = await createSession();
        const limited = { type: 'respond', status: 429, headers: { 'Retry-After': '1' }, body: '' } as const;
        confirmProxy.inject({ path: `/v1/checkout/sessions/${s.id}/confirm` }, limited, limited, limited, limited);
        const page = await open(s.clientSecret, confirmProxy.url);
        await fill(page, { number: '4242424242424242' });
        await pay(page);
        await page.locator('xpay-checkout').getByText('Too many attempts right now.', { exact: false }).first().waitFor({ timeout: 60_000 });
        await shoot(page, '18-rate-limited');
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await slowProxy.close();
    await confirmProxy.close();
    host.close();
    const exited = new Promise((r) => sandbox.child.once('exit', r));
    sandbox.child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
  for (const file of shots) console.log(file.replace(REPO + '/', ''));
}

await main();
