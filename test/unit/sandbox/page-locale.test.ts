import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../../src/i18n/interpolate.js';
import { SUPPORTED_LOCALES } from '../../../src/i18n/locale.js';
import { acceptLanguageTags, PAGE_STRINGS, pageLocale } from '../../../sandbox/page-strings.js';
import { CARDS, confirm, createSession, decideChallenge, useTestSandbox } from './helpers.js';

/**
 * The sandbox's customer-facing pages speak the customer's language (issue #12): the issuer page
 * follows the widget's `locale` parameter, else Accept-Language; the hosted page and the payment
 * link follow Accept-Language (and the session's locale, once sessions have one).
 */
const api = useTestSandbox();

async function challengeUrl(): Promise<string> {
  const s = await createSession(api);
  const r = await confirm(api, s, CARDS.challenge);
  expect(r.body.paymentIntent.status).toBe('requires_action');
  return r.body.paymentIntent.nextAction.url as string;
}

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers }).then(async (r) => ({ status: r.status, html: await r.text() }));

describe('page strings', () => {
  it('should exist for every supported locale, with the placeholders of English', () => {
    expect(Object.keys(PAGE_STRINGS).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    const en = PAGE_STRINGS.en;
    for (const [tag, strings] of Object.entries(PAGE_STRINGS)) {
      expect(Object.keys(strings).sort(), tag).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${tag}.${key}`).not.toBe('');
        expect(placeholdersOf(text), `${tag}.${key}`).toEqual(placeholdersOf(en[key as keyof typeof en]));
      }
    }
  });

  it('should read Accept-Language by preference, dropping q=0, * and junk', () => {
    expect(acceptLanguageTags('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
    expect(acceptLanguageTags('en;q=0.1, ja, de;q=0')).toEqual(['ja', 'en']);
    expect(acceptLanguageTags('<script>, ;q=1, ar')).toEqual(['ar']);
    expect(acceptLanguageTags(undefined)).toEqual([]);
    expect(pageLocale(undefined, 'ko-KR, ko;q=0.9, zh-CN;q=0.8')).toBe('zh-Hans');
    expect(pageLocale('ar', 'de')).toBe('ar');
    expect(pageLocale('xx', 'de')).toBe('de');
    expect(pageLocale(undefined, undefined)).toBe('en');
  });
});

describe('issuer (3-D Secure ACS) page', () => {
  it('should follow the widget locale parameter, right to left in Arabic, and keep it through the forms', async () => {
    const url = await challengeUrl();
    const { status, html } = await get(`${url}?locale=ar`, { 'Accept-Language': 'de' });
    expect(status).toBe(200);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`>${PAGE_STRINGS.ar.acsComplete}</button>`);
    expect(html).toContain(`>${PAGE_STRINGS.ar.acsFail}</button>`);
    // The card's last digits stay left to right inside the Arabic sentence.
    expect(html).toContain('<bdi dir="ltr">3184</bdi>');
    expect(html).toMatch(/action="\/sandbox\/acs\/acs_[^"]+\/complete\?locale=ar"/);
    expect(html).toContain('data-acs-action="complete"');

    const done = await decideChallenge(`${url}?locale=ar`, 'complete');
    const doneHtml = await done.text();
    expect(done.status).toBe(200);
    expect(doneHtml).toContain('<html lang="ar" dir="rtl">');
    expect(doneHtml).toContain(PAGE_STRINGS.ar.acsAuthenticated);
  });

  it('should follow Accept-Language without a parameter, and format the amount in that locale', async () => {
    const url = await challengeUrl();
    const { html } = await get(url, { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' });
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain('Bestätigung abschließen');
    expect(html).toContain('25,00');
    expect(html).toMatch(/action="\/sandbox\/acs\/acs_[^"?]+\/complete"/);
  });

  it('should stay English for an unknown locale and no Accept-Language', async () => {
    const url = await challengeUrl();
    const { html } = await get(`${url}?locale=tlh`);
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('>Complete authentication</button>');
  });

  it('should say an unknown challenge does not exist in the customer language', async () => {
    const { status, html } = await get(`${api.url}/sandbox/acs/acs_nope?locale=ja`);
    expect(status).toBe(404);
    expect(html).toContain(PAGE_STRINGS.ja.acsUnknown);
  });
});

describe('hosted page and payment link', () => {
  it('should write the hosted page, its notices and the widget locale in the browser language', async () => {
    const s = await createSession(api);
    const { status, html } = await get(`${api.url}${new URL(String(s.url)).pathname}`, { 'Accept-Language': 'ja-JP,ja;q=0.9' });
    expect(status).toBe(200);
    expect(html).toContain('<html lang="ja" dir="ltr">');
    expect(html).toContain(PAGE_STRINGS.ja.hostedTestMode);
    // The script's notices travel as escaped JSON in an attribute: no inline script.
    const json = /data-hosted-strings="([^"]+)"/.exec(html)![1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
    expect(JSON.parse(json)).toEqual({
      invalid: [PAGE_STRINGS.ja.invalidTitle, PAGE_STRINGS.ja.invalidText],
      complete: [PAGE_STRINGS.ja.completeTitle, PAGE_STRINGS.ja.completeText],
      ended: [PAGE_STRINGS.ja.endedTitle, PAGE_STRINGS.ja.endedText],
      failed: [PAGE_STRINGS.ja.loadFailedTitle, PAGE_STRINGS.ja.loadFailedText],
      back: PAGE_STRINGS.ja.returnToStore,
    });
  });

  it('should mirror the hosted page in Arabic, its back arrow included', async () => {
    const s = await createSession(api);
    const { html } = await get(`${api.url}${new URL(String(s.url)).pathname}`, { 'Accept-Language': 'ar-SA' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('→ إلغاء والعودة إلى Test &#60;Shop&#62;');
  });

  it("should write the hosted page in the session's locale over the browser's, and in the browser's for auto", async () => {
    const s = await createSession(api, { locale: 'de-AT' });
    const { html } = await get(`${api.url}${new URL(String(s.url)).pathname}`, { 'Accept-Language': 'ja-JP,ja;q=0.9' });
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain(PAGE_STRINGS.de.hostedTestMode);
    const auto = await createSession(api, { locale: 'auto' });
    const page = await get(`${api.url}${new URL(String(auto.url)).pathname}`, { 'Accept-Language': 'ja-JP,ja;q=0.9' });
    expect(page.html).toContain('<html lang="ja" dir="ltr">');
  });

  it('should say a missing checkout or payment link does not exist in the browser language', async () => {
    const checkout = await get(`${api.url}/c/cs_nope`, { 'Accept-Language': 'fr' });
    expect(checkout.status).toBe(404);
    expect(checkout.html).toContain(PAGE_STRINGS.fr.checkoutNotFound);
    const link = await get(`${api.url}/p/plink_nope`, { 'Accept-Language': 'pt-BR' });
    expect(link.status).toBe(404);
    expect(link.html).toContain(PAGE_STRINGS['pt-BR'].linkNotFound);
  });
});
