import { describe, expect, it } from 'vitest';
import { CARDS, confirm, createSession, decideChallenge, publicView, useTestSandbox } from './helpers.js';

/**
 * Issue #8 item 6: the issuer page's Complete / Fail forms. A POST counts only with the page's
 * per-challenge token, from the sandbox's own origin (or `Origin: null`, which a browser sends for a
 * form under `Referrer-Policy: no-referrer`), and not cross-site by Fetch Metadata.
 */
const api = useTestSandbox();

async function challenge() {
  const s = await createSession(api);
  const r = await confirm(api, s, CARDS.challenge);
  expect(r.body.paymentIntent.status).toBe('requires_action');
  const url = r.body.paymentIntent.nextAction.url as string;
  const html = await (await fetch(url)).text();
  const token = /<input type="hidden" name="token" value="([^"]+)">/.exec(html)?.[1];
  return { s, url, token };
}

const post = (url: string, headers: Record<string, string>, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', headers, body: new URLSearchParams(fields), redirect: 'manual' });

describe('the issuer page forms', () => {
  it('should carry a per-challenge token in each form', async () => {
    const a = await challenge();
    const b = await challenge();
    expect(a.token).toMatch(/^[\w-]{20,}$/);
    expect(b.token).not.toBe(a.token);
  });

  it('should refuse a POST without the token, with another challenge\'s token, from another origin or cross-site', async () => {
    const { s, url, token } = await challenge();
    const other = await challenge();
    const own = new URL(url).origin;
    const refused = [
      await post(`${url}/complete`, { Origin: own }, {}),
      await post(`${url}/complete`, {}, {}),
      await post(`${url}/complete`, { Origin: own }, { token: other.token! }),
      await post(`${url}/complete`, { Origin: 'https://evil.example' }, { token: token! }),
      await post(`${url}/fail`, { Origin: own, 'Sec-Fetch-Site': 'cross-site' }, { token: token! }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(await r.text()).toContain('refused');
    }
    expect((await publicView(api, s)).body.paymentIntent.status).toBe('requires_action');
  });

  it('should accept the form as a browser sends it: token, Origin null, same-origin', async () => {
    const { s, url, token } = await challenge();
    const r = await post(`${url}/complete`, { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' }, { token: token! });
    expect(r.status).toBe(200);
    expect((await publicView(api, s)).body.paymentIntent.status).toBe('succeeded');
    const again = await challenge();
    expect((await decideChallenge(again.url, 'fail')).status).toBe(200);
    expect((await publicView(api, again.s)).body.paymentIntent.status).toBe('requires_payment_method');
  });
});
