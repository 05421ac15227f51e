import { describe, expect, it } from 'vitest';
import {
  exceedsJsonSize,
  INTENT_HEADROOM,
  MAX_MESSAGE_SIZE,
  MAX_PUBLIC_VIEW_SIZE,
  MAX_REQUEST_BODY_BYTES,
  SAVED_CARDS_HEADROOM,
} from '../../../src/api/limits.js';
import { parseFrameMessage } from '../../../src/frame/protocol.js';
import { CARDS, confirm, publicView, sessionBody, useTestSandbox, type Reply } from './helpers.js';

/**
 * Size limits agree end to end (issue 8 §7): whatever session the sandbox accepts, its public view
 * and the card frame's confirm result carrying it are within the caps the widget applies, so the
 * host never drops the message that says the customer has paid.
 */
const api = useTestSandbox();

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const image = (length: number) => `https://cdn.shop.example/i/${'a'.repeat(length - 27)}`;

/** 100 line items whose names and image URLs fill a create body to exactly `target` bytes. */
function createBodyOf(target: number, nameLength = 200): Record<string, unknown> {
  const items = (urlLength: number) =>
    Array.from({ length: 100 }, (_, i) => ({
      name: `${i}`.padEnd(nameLength, 'n'),
      unitAmount: 999_999,
      quantity: 1,
      imageUrl: image(urlLength),
    }));
  const base = sessionBody({ lineItems: items(27) });
  const perItem = Math.floor((target - bytes(base)) / 100);
  const body = sessionBody({ lineItems: items(27 + perItem) });
  // The last few bytes go to the first item.
  const rest = target - bytes(body);
  (body.lineItems as { imageUrl: string }[])[0]!.imageUrl += 'a'.repeat(rest);
  expect(bytes(body)).toBe(target);
  return body;
}

/** The `result` message the card frame posts for a confirm reply (the longest idempotency key). */
function resultMessage(reply: Reply): unknown {
  const envelope = { v: 1, type: 'result', idempotencyKey: 'k'.repeat(255) };
  if (reply.status === 200) return { ...envelope, ok: true, session: reply.body };
  const { paymentIntent, ...error } = reply.body.error;
  return {
    ...envelope,
    ok: false,
    error: { type: error.type, code: error.code, declineCode: error.declineCode, message: error.message, requestId: error.requestId },
    paymentIntent,
  };
}

async function createOrFail(body: Record<string, unknown>) {
  const r = await api.request('POST', '/v1/checkout/sessions', { body });
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  return r.body as { id: string; clientSecret: string };
}

describe('size limits, from the create to the frame message', () => {
  it('should keep the caps in the order that makes them agree', () => {
    // + the view's fixed fields, the test banks' list (issue #11) included.
    expect(MAX_PUBLIC_VIEW_SIZE - INTENT_HEADROOM - SAVED_CARDS_HEADROOM).toBeGreaterThan(MAX_REQUEST_BODY_BYTES + 100 * 45 + 2048);
    expect(MAX_MESSAGE_SIZE).toBeGreaterThanOrEqual(MAX_PUBLIC_VIEW_SIZE + 2048);
  });

  it('should carry the reported case (100 items with 520-character imageUrls, 64.8 KB) to the host', async () => {
    const withNames = (length: number) =>
      sessionBody({
        lineItems: Array.from({ length: 100 }, (_, i) => ({ name: `Item ${i} `.padEnd(length, 'x'), unitAmount: 100, quantity: 1, imageUrl: image(520) })),
      });
    const body = withNames(10 + Math.floor((64_800 - bytes(withNames(10))) / 100));
    expect(bytes(body)).toBeGreaterThan(64_700);
    expect(bytes(body)).toBeLessThanOrEqual(64_800);
    const session = await createOrFail(body);
    const paid = await confirm(api, session, CARDS.visa);
    expect(paid.status).toBe(200);
    expect(paid.body.paymentIntent.status).toBe('succeeded');
    expect(parseFrameMessage(resultMessage(paid))).not.toBeNull();
  });

  for (const [label, card, status] of [
    ['a payment', CARDS.visa, 200],
    ['a 3-D Secure challenge', CARDS.challenge, 200],
    ['a decline', CARDS.generic, 402],
  ] as const) {
    it(`should carry ${label} on the largest session the body limit allows to the host`, async () => {
      const session = await createOrFail(createBodyOf(MAX_REQUEST_BODY_BYTES));
      const reply = await confirm(api, session, card);
      expect(reply.status).toBe(status);
      const message = resultMessage(reply);
      expect(exceedsJsonSize(message, MAX_MESSAGE_SIZE)).toBe(false);
      expect(parseFrameMessage(message)).not.toBeNull();
      const view = (await publicView(api, session)).body;
      expect(exceedsJsonSize(view, MAX_PUBLIC_VIEW_SIZE)).toBe(false);
    });
  }

  it('should refuse a body one byte over the limit', async () => {
    const r = await api.request('POST', '/v1/checkout/sessions', { body: createBodyOf(MAX_REQUEST_BODY_BYTES + 1) });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('body_too_large');
  });

  it('should refuse an update whose line items would make the view too large for the widget', async () => {
    // Long URLs at create, then the largest line items an update body allows: each request is
    // within the body limit, together they are not within the view's.
    const longUrl = `http://localhost:3000/${'u'.repeat(15_000)}`;
    const session = await createOrFail(sessionBody({ successUrl: longUrl, cancelUrl: longUrl }));
    const { lineItems } = createBodyOf(MAX_REQUEST_BODY_BYTES - 300) as { lineItems: unknown };
    const r = await api.request('POST', `/v1/checkout/sessions/${session.id}`, { body: { lineItems } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'session_too_large', param: 'lineItems' });
    // The session is unchanged and still payable within the caps.
    const paid = await confirm(api, session, CARDS.visa);
    expect(parseFrameMessage(resultMessage(paid))).not.toBeNull();
  });
});
