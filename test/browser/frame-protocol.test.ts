import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { MAX_MESSAGE_BYTES } from '../../src/frame/protocol.js';
import type { XpayCheckout } from '../../src/elements/checkout/checkout.js';
import { mountCheckout } from '../harness/checkout.harness.js';
import { afterDispatch, LOCAL_POSTER, nextMessage, posterUrl, startFaultProxy, waitFor } from '../harness/messages.js';
import { createSession } from '../harness/sandbox.js';
import { nextEvent } from '../helpers/expect-event.js';

/**
 * The host end of the frame protocol (issue 3 §2): only messages from the frame's exact origin AND
 * its window AND of a valid shape and size count. The senders here are real pages: the poster page
 * (test/harness/pages/poster.html) served from the API origin through the fault proxy, or from this
 * page's origin, loaded into the card frame's own window or into another iframe.
 *
 * A `resize` is the probe: when the host accepts one, the card iframe takes that height.
 */
const POSTER_PATH = '/__test/poster';

async function mountBehindProxy() {
  const proxy = await startFaultProxy([{ path: POSTER_PATH, faults: [{ type: 'page', file: 'poster.html' }] }]);
  const mounted = await mountCheckout({ apiBase: proxy });
  const frame = mounted.harness.cardFrame()!;
  const heights: string[] = [];
  new MutationObserver(() => heights.push(frame.style.height)).observe(frame, { attributeFilter: ['style'] });
  return { ...mounted, proxy, frame, heights };
}

describe('card frame host: which messages count', () => {
  it('should take a valid resize from the frame window and origin (the probe works)', async () => {
    const { el, proxy, frame } = await mountBehindProxy();
    // Navigating the iframe keeps its WindowProxy: the poster now speaks as "the frame".
    frame.contentWindow!.location.href = posterUrl(proxy + POSTER_PATH, [{ v: 1, type: 'resize', height: 321 }]);
    await waitFor(() => frame.style.height === '321px');
    await el.updateComplete;
    expect(frame.style.height).to.equal('321px');
  });

  it('should drop malformed and oversized messages from the frame window and origin', async () => {
    const { el, proxy, frame, heights } = await mountBehindProxy();
    const valid = { v: 1, type: 'resize', height: 321 };
    frame.contentWindow!.location.href = posterUrl(proxy + POSTER_PATH, [
      { type: 'resize', height: 701 }, // no version
      { v: 2, type: 'resize', height: 702 }, // another version
      { v: 1, type: 'resize', height: '703' }, // wrong type of field
      { v: 1, type: 'resize', height: -704 }, // out of range
      { v: 1, type: 'resize' }, // missing field
      { v: 1, type: 'constructor', height: 705 }, // not a message type
      'resize 706', // not an object
      { padTo: MAX_MESSAGE_BYTES + 1, message: { v: 1, type: 'resize', height: 707 } }, // over the cap
      valid, // posted last: once it is applied, every message above was seen and judged
    ]);
    await waitFor(() => frame.style.height === '321px');
    await el.updateComplete;
    expect(heights.filter((h) => /^70\dpx$/.test(h))).to.deep.equal([]);
  });

  it('should drop a message from the frame window once it shows another origin', async () => {
    const { el, frame, heights } = await mountBehindProxy();
    const seen = nextMessage((e) => e.source === frame.contentWindow && e.data?.height === 654);
    // Same window, but now a page of this (the merchant's) origin: not the API origin.
    frame.contentWindow!.location.href = posterUrl(LOCAL_POSTER, [{ v: 1, type: 'resize', height: 654 }]);
    const event = await seen;
    expect(event.origin).to.equal(location.origin);
    await afterDispatch();
    await el.updateComplete;
    expect([...heights, frame.style.height]).not.to.include('654px');
  });

  it('should drop a message from another window of the API origin', async () => {
    const { el, proxy, frame, heights } = await mountBehindProxy();
    const other = await fixture<HTMLIFrameElement>(html`<iframe title="Another page of the API origin"></iframe>`);
    const seen = nextMessage((e) => e.source === other.contentWindow && e.data?.height === 555);
    other.src = posterUrl(proxy + POSTER_PATH, [{ v: 1, type: 'resize', height: 555 }]);
    const event = await seen;
    expect(event.origin).to.equal(proxy);
    await afterDispatch();
    await el.updateComplete;
    expect([...heights, frame.style.height]).not.to.include('555px');
  });

  it('should drop a message this page posts to itself', async () => {
    const { el, frame, heights } = await mountBehindProxy();
    const seen = nextMessage((e) => e.data?.height === 456);
    window.postMessage({ v: 1, type: 'resize', height: 456 }, location.origin);
    await seen;
    await afterDispatch();
    await el.updateComplete;
    expect([...heights, frame.style.height]).not.to.include('456px');
  });
});

describe('card frame integration errors', () => {
  async function renderAt(apiBase: string, attributes: Record<string, string> = {}): Promise<XpayCheckout> {
    const session = await createSession();
    const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    el.apiBase = apiBase;
    el.clientSecret = session.clientSecret;
    return el;
  }

  it('should report frame_load_timeout when the frame never answers, naming frame-src and the connection', async () => {
    // The session loads through the proxy; only the frame document hangs (a blocked or slow frame).
    const proxy = await startFaultProxy([{ path: '/frames/card/v1/', faults: [{ type: 'delay', ms: 120_000 }] }]);
    const el = await renderAt(proxy, { 'frame-timeout': '1500' });
    const { detail } = await nextEvent(el, 'xpay-error');
    // The frame also makes the session's calls: from the page, a blocked frame and an unreachable
    // API look alike, so it is a network error (Try again) that names both causes.
    expect(detail.error.type).to.equal('network_error');
    expect(detail.error.code).to.equal('frame_load_timeout');
    expect(detail.error.message).to.contain('frame-src');
    expect(detail.error.message).to.contain(proxy);
    expect(detail.error.message).to.contain('connection');
    await el.updateComplete;
    expect(el.status).to.equal('error');
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('iframe.card-frame').length).to.equal(0);
    expect(root.textContent).to.contain('frame_load_timeout');
    await expect(el).to.be.accessible();
  });

  it('should report frame_version_unsupported when the frame announces another protocol version', async () => {
    const proxy = await startFaultProxy([{ path: '/frames/card/v1/', faults: [{ type: 'page', file: 'frame-v2.html' }] }]);
    const el = await renderAt(proxy);
    const { detail } = await nextEvent(el, 'xpay-error');
    expect(detail.error.type).to.equal('integration_error');
    expect(detail.error.code).to.equal('frame_version_unsupported');
    expect(detail.error.message).to.contain('version 2');
    await el.updateComplete;
    expect(el.status).to.equal('error');
    expect(el.shadowRoot!.textContent).to.contain('frame_version_unsupported');
    await expect(el).to.be.accessible();
  });
});

describe('the card frame as the session transport (issue #9)', function () {
  this.timeout(60_000);

  it('should load the session through the frame: the page itself makes no request to the API', async () => {
    const { el, apiBase } = await mountCheckout();
    expect(el.status).to.equal('requires_payment_method');
    const apiOrigin = new URL(apiBase).origin;
    // Resource timing of this page: the frame document is its only entry on the API origin (the
    // frame's own requests are in the frame's timeline, not this one).
    const fromPage = performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).origin === apiOrigin)
      .map((e) => (e as PerformanceResourceTiming).initiatorType);
    expect(fromPage.every((initiator) => initiator === 'iframe'), fromPage.join(', ')).to.equal(true);
  });

  it('should turn a session view too large to be posted into a re-read, then load', async () => {
    // The frame checks only that a reply is a view and passes it on; the page drops it as oversized.
    const proxy = await startFaultProxy([
      { path: '/public$', pattern: true, method: 'GET', faults: [{ type: 'patchJson', set: { padding: 'x'.repeat(MAX_MESSAGE_BYTES) } }] },
    ]);
    const session = await createSession();
    const el = await fixture<XpayCheckout>(html`<xpay-checkout></xpay-checkout>`);
    const error = nextEvent(el, 'xpay-error');
    const ready = nextEvent(el, 'xpay-ready');
    el.apiBase = proxy;
    el.clientSecret = session.clientSecret;
    const { detail } = await error;
    expect(detail.error.type).to.equal('network_error');
    expect(detail.error.code).to.equal('invalid_response');
    await ready;
    expect(el.status).to.equal('requires_payment_method');
  });
});
