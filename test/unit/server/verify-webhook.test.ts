import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookPayload, verifyWebhook, WebhookVerificationError } from '../../../src/server/index.js';

const secret = 'whsec_test_0123456789';
const t = 1_900_000_000;
const event = {
  id: 'evt_test_1',
  object: 'event',
  type: 'payment_intent.succeeded',
  created: t,
  livemode: false,
  data: { object: { id: 'pi_test_1', object: 'payment_intent', status: 'succeeded' } },
};
const body = JSON.stringify(event);

/** Runs the verifier and returns the error code it threw, or 'ok'. */
function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(WebhookVerificationError);
    return (e as WebhookVerificationError).code;
  }
}

describe('verifyWebhook', () => {
  it('should return the typed event for a good signature', () => {
    const verified = verifyWebhook(body, signWebhookPayload(body, secret, t), secret, { now: t + 10 });
    expect(verified.id).toBe('evt_test_1');
    expect(verified.type).toBe('payment_intent.succeeded');
    expect(verified.data.object).toEqual(event.data.object);
  });

  it('should accept a Buffer body and a Date for now', () => {
    const buf = Buffer.from(body, 'utf8');
    expect(verifyWebhook(buf, signWebhookPayload(buf, secret, t), secret, { now: new Date(t * 1000) }).id).toBe('evt_test_1');
  });

  it('should sign exactly "<t>.<body>" with HMAC-SHA256 keyed by the secret string', () => {
    const hex = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhookPayload(body, secret, t)).toBe(`t=${t},v1=${hex}`);
  });

  it('should refuse a tampered body', () => {
    const header = signWebhookPayload(body, secret, t);
    const tampered = body.replace('pi_test_1', 'pi_test_2');
    expect(codeOf(() => verifyWebhook(tampered, header, secret, { now: t }))).toBe('signature_mismatch');
  });

  it('should refuse a signature made with another secret', () => {
    const header = signWebhookPayload(body, 'whsec_someone_else', t);
    expect(codeOf(() => verifyWebhook(body, header, secret, { now: t }))).toBe('signature_mismatch');
  });

  it('should refuse a timestamp older or newer than the tolerance, and accept one at its edge', () => {
    const header = signWebhookPayload(body, secret, t);
    expect(codeOf(() => verifyWebhook(body, header, secret, { now: t + 301 }))).toBe('timestamp_out_of_tolerance');
    expect(codeOf(() => verifyWebhook(body, header, secret, { now: t - 301 }))).toBe('timestamp_out_of_tolerance');
    expect(codeOf(() => verifyWebhook(body, header, secret, { now: t + 300 }))).toBe('ok');
    expect(codeOf(() => verifyWebhook(body, header, secret, { now: t + 20, toleranceSeconds: 10 }))).toBe(
      'timestamp_out_of_tolerance',
    );
  });

  it('should not let a changed timestamp reuse an old signature', () => {
    const v1 = signWebhookPayload(body, secret, t).split(',v1=')[1];
    expect(codeOf(() => verifyWebhook(body, `t=${t + 60},v1=${v1}`, secret, { now: t + 60 }))).toBe(
      'signature_mismatch',
    );
  });

  it('should fail closed with a TypeError on a tolerance or clock that is not a number (issue #8)', () => {
    // A delivery signed a year ago: NaN comparisons are false, so these used to accept it.
    const old = signWebhookPayload(body, secret, t - 365 * 86400);
    for (const options of [
      { toleranceSeconds: Number.NaN, now: t },
      { toleranceSeconds: Number('300s'), now: t },
      { toleranceSeconds: Number.POSITIVE_INFINITY, now: t },
      { toleranceSeconds: -1, now: t },
      { toleranceSeconds: '300' as unknown as number, now: t },
      { now: new Date('not a date') },
      { now: Number.NaN },
      { now: Number.POSITIVE_INFINITY },
    ]) {
      expect(() => verifyWebhook(body, old, secret, options), JSON.stringify(options)).toThrow(TypeError);
      // Even for a fresh delivery: a broken option is a bug to fix, not a check to skip.
      expect(() => verifyWebhook(body, signWebhookPayload(body, secret, t), secret, options)).toThrow(TypeError);
    }
  });

  it('should refuse malformed headers', () => {
    const v1 = signWebhookPayload(body, secret, t).split(',v1=')[1];
    for (const header of [
      'garbage',
      `v1=${v1}`,
      `t=${t}`,
      `t=abc,v1=${v1}`,
      `t=${t},t=${t},v1=${v1}`,
      `t=-5,v1=${v1}`,
      `=${t},v1=${v1}`,
    ]) {
      expect(codeOf(() => verifyWebhook(body, header, secret, { now: t })), header).toBe('malformed_header');
    }
  });

  it('should accept the header when any one of several v1 signatures matches (secret rotation)', () => {
    const good = signWebhookPayload(body, secret, t).split(',v1=')[1];
    const other = signWebhookPayload(body, 'whsec_old_secret', t).split(',v1=')[1];
    const header = `t=${t}, v1=${other}, v0=deadbeef, v1=not-hex, v1=${good}`;
    expect(verifyWebhook(body, header, secret, { now: t }).id).toBe('evt_test_1');
    expect(codeOf(() => verifyWebhook(body, `t=${t},v1=${other},v1=abcd`, secret, { now: t }))).toBe(
      'signature_mismatch',
    );
  });

  it('should refuse a missing or empty header', () => {
    expect(codeOf(() => verifyWebhook(body, undefined, secret, { now: t }))).toBe('missing_header');
    expect(codeOf(() => verifyWebhook(body, '  ', secret, { now: t }))).toBe('missing_header');
  });

  it('should refuse a correctly signed body that is not an event', () => {
    for (const bad of ['not json', '[]', '{"id":"evt_1"}', JSON.stringify({ ...event, data: null })]) {
      expect(codeOf(() => verifyWebhook(bad, signWebhookPayload(bad, secret, t), secret, { now: t })), bad).toBe(
        'malformed_body',
      );
    }
  });
});
