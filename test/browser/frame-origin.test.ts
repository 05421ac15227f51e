import { expect, fixture, html } from '@open-wc/testing';
import { nextMessage } from '../harness/messages.js';
import { createSession, sandboxUrl } from '../harness/sandbox.js';

/**
 * The card frame's document names no session: one URL per embedding page, cached across sessions
 * (issue #9, warm mounts). So the session's `allowedOrigins` are enforced on the frame's calls, not
 * on its document: any page may load the frame for itself (its `frame-ancestors` names that page),
 * but a page the session does not allow gets none of the session through it.
 *
 * This page plays the merchant who is not allowed: it makes the frame itself, as the widget would,
 * and speaks the frame protocol to it directly.
 */
describe('a card frame embedded by a page the session does not allow', function () {
  this.timeout(60_000);

  it('should answer the session read with origin_not_allowed and no session data', async () => {
    const [session, apiBase] = await Promise.all([createSession({ allowedOrigins: ['https://shop.example'] }), sandboxUrl()]);
    const apiOrigin = new URL(apiBase).origin;
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="card frame"></iframe>`);
    const fromFrame = (type: string) => nextMessage((e) => e.source === frame.contentWindow && e.origin === apiOrigin && e.data?.type === type);
    const ready = fromFrame('ready');
    frame.src = `${apiBase}/frames/card/v1/?origin=${encodeURIComponent(location.origin)}&mode=test`;
    await ready;

    const reply = fromFrame('session');
    const post = (message: object) => frame.contentWindow!.postMessage({ v: 1, ...message }, apiOrigin);
    post({ type: 'init', clientSecret: session.clientSecret, locale: 'en', styleTokens: {} });
    post({ type: 'read', id: 1, kind: 'get' });
    const { data } = await reply;

    expect(data).to.include({ type: 'session', id: 1, ok: false });
    expect(data.error).to.include({ type: 'integration_error', code: 'origin_not_allowed' });
    expect(data.error.message).to.contain(location.origin);
    expect(data.error.message).to.contain('https://shop.example');
    // Nothing of the session crossed: no view, no amount, no merchant.
    expect(data).not.to.have.property('session');
    expect(JSON.stringify(data)).not.to.match(/amountTotal|merchantName|lineItems/);
  });
});
