import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import type { Catalogue } from '../../src/i18n/catalogue.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { XpayCheckout } from '../../src/elements/checkout/checkout.js';
import { CheckoutHarness, frameMessage, mountCheckout } from '../harness/checkout.harness.js';
import { startFaultProxy } from '../harness/messages.js';
import { createSession } from '../harness/sandbox.js';
import { nextEvent } from '../helpers/expect-event.js';

/**
 * The checkout in the customer's language (issue #12): the session's `locale` or the element's,
 * resolved by the card frame, which loads the catalogue and hands the host its strings; `lang` and
 * `dir` on the content and in the frame; the issuer page in the same language; `theme` followed by
 * the frame. Real sandbox, real frame, real Chromium.
 */

interface FrameFacts {
  lang: string;
  dir: string;
  labels: string[];
  labelsShown: string[];
  digitDirections: string[];
  selectColors: string[];
  background: string;
}
const frameFacts = () => executeServerCommand<FrameFacts, undefined>('xpay-frame-facts');

/** Resolves once the card frame's background token is `value` (the host re-sent its tokens). */
async function frameBackground(value: string): Promise<void> {
  while ((await frameFacts()).background !== value) await new Promise((r) => setTimeout(r, 50));
}

/** A catalogue as the repository holds it (the frame build ships the same files). */
const catalogue = (tag: string): Promise<Catalogue> =>
  fetch(new URL(`../../src/i18n/locales/${tag}.json`, import.meta.url)).then((r) => r.json() as Promise<Catalogue>);
let de: Catalogue;
let ar: Catalogue;
let ja: Catalogue;
before(async () => {
  [de, ar, ja] = await Promise.all(['de', 'ar', 'ja'].map(catalogue)) as [Catalogue, Catalogue, Catalogue];
});

/** The pay button's text, with Intl's no-break spaces as plain ones. */
const payText = (harness: CheckoutHarness) => harness.payButton()!.textContent!.replace(/\s+/g, ' ').trim();

/** The element's content wrapper, which carries `lang` and `dir`. */
const content = (harness: CheckoutHarness) => harness.root.querySelector<HTMLElement>('.checkout')!;

describe('<xpay-checkout> languages', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it("should pay in German from the session's locale: form, decline and success, frame included", async () => {
    const { el, harness } = await mountCheckout({ session: { locale: 'de' } });
    expect(el.locale).to.equal('auto');
    expect(content(harness).lang).to.equal('de');
    expect(content(harness).dir).to.equal('ltr');
    expect(payText(harness)).to.equal('25,00 $ bezahlen');
    expect(harness.text()).to.contain(de.checkout.cardHeading);
    const facts = await frameFacts();
    expect(facts).to.deep.include({ lang: 'de', dir: 'ltr' });
    expect(facts.labels).to.include(de.frame.labels.number);

    await harness.fillBilling();
    await harness.fillCard({ number: '4000000000009995' });
    await el.confirm();
    await el.updateComplete;
    expect(harness.text()).to.contain(de.checkout.declined.insufficient_funds);

    el.clear();
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    expect((await el.confirm()).status).to.equal('succeeded');
    await el.updateComplete;
    expect(harness.statusView()!.textContent).to.contain(de.checkout.succeededTitle);
  });

  it('should pay in Arabic, right to left in a dark theme, with the card digits left to right, and pass axe', async () => {
    const { el, harness } = await mountCheckout({ attributes: { locale: 'ar', theme: 'dark' } });
    expect(content(harness).lang).to.equal('ar');
    expect(content(harness).dir).to.equal('rtl');
    expect(harness.challenge().getAttribute('dir')).to.equal('rtl');
    expect(harness.payButton()!.textContent!.trim()).to.contain('ادفع');
    const facts = await frameFacts();
    expect(facts).to.deep.include({ lang: 'ar', dir: 'rtl' });
    expect(facts.labels).to.include(ar.frame.labels.number);
    expect(facts.digitDirections).to.deep.equal(['ltr', 'ltr', 'ltr']);
    await expect(el).to.be.accessible();

    await harness.fillBilling();
    await harness.fillCard({ number: '4000000000009995' });
    await el.confirm();
    await el.updateComplete;
    expect(harness.text()).to.contain(ar.checkout.declined.insufficient_funds);
    await expect(el).to.be.accessible();

    el.clear();
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    expect((await el.confirm()).status).to.equal('succeeded');
    await el.updateComplete;
    expect(harness.statusView()!.textContent).to.contain(ar.checkout.succeededTitle);
    await expect(el).to.be.accessible();
  });

  it('should let merchant messages win per entry in another language', async () => {
    const { el, harness } = await mountCheckout({ attributes: { locale: 'de' } });
    el.messages = { pay: 'Jetzt kaufen · {amount}' };
    await el.updateComplete;
    expect(payText(harness)).to.equal('Jetzt kaufen · 25,00 $');
    expect(harness.text()).to.contain(de.checkout.cardHeading);
  });

  it('should switch locale on a live element without losing the typed card', async () => {
    const { el, harness } = await mountCheckout();
    await harness.fillBilling();
    await harness.fillCard({ number: '4242424242424242' });
    expect(el.complete).to.equal(true);

    const relabelled = frameMessage(harness.cardFrame()!, 'locale', (m) => m.locale === 'ja');
    el.locale = 'ja';
    await relabelled;
    await el.updateComplete;
    expect(content(harness).lang).to.equal('ja');
    expect(harness.text()).to.contain(ja.checkout.cardHeading);
    expect((await frameFacts()).labels).to.include(ja.frame.labels.number);
    // The frame still holds the complete card: nothing was re-typed.
    expect(el.complete).to.equal(true);
    expect((await el.confirm()).status).to.equal('succeeded');
  });

  it('should open the issuer page in the resolved language, and pass axe in Japanese (light)', async () => {
    const { el, harness } = await mountCheckout({ session: { locale: 'ja-JP' } });
    expect(content(harness).lang).to.equal('ja');
    await expect(el).to.be.accessible();
    const { result, challenge, acsUrl } = await harness.openChallenge();
    expect(new URL(acsUrl).searchParams.get('locale')).to.equal('ja');
    expect(challenge.shadowRoot!.textContent).to.contain(ja.checkout.challengeTitle);
    await expect(el).to.be.accessible();
    await harness.completeChallenge('complete');
    expect((await result).status).to.equal('succeeded');
    await el.updateComplete;
    expect(harness.statusView()!.textContent).to.contain(ja.checkout.succeededTitle);
    await expect(el).to.be.accessible();
  });

  it('should pass axe in Japanese (light) with the field errors, then the decline, showing', async () => {
    const { el, harness } = await mountCheckout({ session: { locale: 'ja' } });
    expect((await el.confirm()).status).to.equal('not_submitted');
    await el.updateComplete;
    expect(harness.input('email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(harness.text()).to.contain(ja.checkout.fieldErrors.required);
    await expect(el).to.be.accessible();

    await harness.fillBilling();
    await harness.fillCard({ number: '4000000000009995' });
    await el.confirm();
    await el.updateComplete;
    expect(harness.text()).to.contain(ja.checkout.declined.insufficient_funds);
    await expect(el).to.be.accessible();
  });

  it('should pass axe in Arabic (dark) with the field errors showing, and with the challenge open', async () => {
    const { el, harness } = await mountCheckout({ attributes: { locale: 'ar', theme: 'dark' } });
    expect((await el.confirm()).status).to.equal('not_submitted');
    await el.updateComplete;
    expect(harness.text()).to.contain(ar.checkout.fieldErrors.required);
    await expect(el).to.be.accessible();

    const { result, challenge } = await harness.openChallenge();
    expect(challenge.shadowRoot!.textContent).to.contain(ar.checkout.challengeTitle);
    await expect(el).to.be.accessible();
    await harness.completeChallenge('complete');
    expect((await result).status).to.equal('succeeded');
  });

  it("should not show the card frame's English labels while the session's language loads, nor hide them past the wait", async function () {
    this.timeout(60_000);
    const session = await createSession({ locale: 'ja' });
    // The Japanese catalogue is held far past the frame's 8 s wait for it.
    const proxy = await startFaultProxy([{ path: '/locales-[^/]+/ja\\.json$', pattern: true, faults: [{ type: 'delay', ms: 30_000 }] }]);
    const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
    const ready = nextEvent(el, 'xpay-ready');
    el.apiBase = proxy;
    el.clientSecret = session.clientSecret;
    let facts: FrameFacts = await frameFacts();
    while (facts.labels.length === 0) facts = await frameFacts();
    // Still loading: the frame relays the session only once its language is applied.
    expect(el.status).to.equal('loading');
    expect(facts.labels).to.include('Card number');
    expect(facts.labelsShown).to.deep.equal([]);
    // The test-card picker's "—" (and its arrow, drawn in the text's colour) waits too.
    expect(facts.selectColors).to.have.length(1);
    expect(facts.selectColors).to.deep.equal(['rgba(0, 0, 0, 0)']);

    // Past the wait the frame speaks English rather than hold the form back.
    await ready;
    facts = await frameFacts();
    expect(facts.lang).to.equal('en');
    expect(facts.labelsShown).to.include('Card number');
    expect(facts.selectColors).not.to.include('rgba(0, 0, 0, 0)');
  });

  it("should preselect the billing country of the session's locale, else the browser's region", async () => {
    const browserRegion = /-([A-Z]{2})$/.exec(navigator.language)?.[1] ?? '';
    expect(browserRegion, 'a browser whose language names a region other than Brazil').to.match(/^(?!BR$)[A-Z]{2}$/);
    const brazil = await mountCheckout({ session: { locale: 'pt-BR' } });
    expect(content(brazil.harness).lang).to.equal('pt-BR');
    expect((brazil.harness.input('country') as HTMLSelectElement).value).to.equal('BR');
    // `de` names no region: the browser's stands, as before.
    const german = await mountCheckout({ session: { locale: 'de' } });
    expect((german.harness.input('country') as HTMLSelectElement).value).to.equal(browserRegion);
  });

  it('should keep what the customer typed while the session loaded, country and email alike', async function () {
    this.timeout(60_000);
    const session = await createSession({ locale: 'pt-BR' });
    // The session's read is held, so the form (drawn in place while loading) can be typed into first.
    const proxy = await startFaultProxy([{ path: `/v1/checkout/sessions/${session.id}/public`, faults: [{ type: 'delay', ms: 6_000 }] }]);
    const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
    const ready = nextEvent(el, 'xpay-ready');
    el.apiBase = proxy;
    el.clientSecret = session.clientSecret;
    await el.updateComplete;
    const harness = new CheckoutHarness(el);
    expect(el.status).to.equal('loading');
    await harness.type('email', 'early@example.com');
    const country = harness.input('country') as HTMLSelectElement;
    country.value = 'JP';
    country.dispatchEvent(new Event('change'));
    expect(el.status, 'typed while the session was still loading').to.equal('loading');
    await ready;
    await el.updateComplete;
    expect((harness.input('email') as HTMLInputElement).value).to.equal('early@example.com');
    expect((harness.input('country') as HTMLSelectElement).value).to.equal('JP');
  });

  it('should read a malformed locale input as auto (the session decides), never throwing from Intl', async () => {
    const { el, harness } = await mountCheckout({ attributes: { locale: 'en-a' }, session: { locale: 'de' } });
    expect(el.locale).to.equal('en-a');
    expect(content(harness).lang).to.equal('de');
    expect(payText(harness)).to.equal('25,00 $ bezahlen');
    expect((await frameFacts()).lang).to.equal('de');
  });

  it('should fall back to English, unknown tag and all, with no catalogue request', async () => {
    const { harness } = await mountCheckout({ attributes: { locale: 'xx' }, session: { locale: 'pt-PT' } });
    expect(content(harness).lang).to.equal('en');
    expect(harness.payButton()!.textContent!.trim()).to.equal('Pay $25.00');
  });
});

describe('<xpay-checkout theme> and the card frame', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('should reflect theme, and re-send the frame its tokens on a theme change and on a colour-scheme change under auto', async () => {
    const { el } = await mountCheckout();
    expect(el.getAttribute('theme')).to.equal('light');
    await frameBackground('#fff');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    await frameBackground('#16181f');
    el.setAttribute('theme', 'auto');
    await el.updateComplete;
    await frameBackground('#fff');
    await emulateMedia({ colorScheme: 'dark' });
    await frameBackground('#16181f');
    await emulateMedia({ colorScheme: 'light' });
    await frameBackground('#fff');
  });
});
