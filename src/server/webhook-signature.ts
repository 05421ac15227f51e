import { createHmac, timingSafeEqual } from 'node:crypto';
import type { XpayEvent } from '../api/objects.js';
import { WebhookVerificationError } from './webhook-errors.js';

/** The header XPay signs every webhook delivery with. */
export const WEBHOOK_SIGNATURE_HEADER = 'XPay-Signature';

/** Options for {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** How far the signed timestamp may be from now, either way, in seconds: finite, ≥ 0. Default 300. */
  toleranceSeconds?: number;
  /** The current time as Unix seconds or a valid Date (tests); defaults to the system clock. */
  now?: number | Date;
}

interface ParsedHeader {
  timestamp: number;
  signatures: string[];
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Verifies a webhook delivery and returns its event. Pass the body exactly as received (before any
 * JSON parsing: re-serialising changes the bytes and breaks the signature), the `XPay-Signature`
 * header and the endpoint's secret. Throws {@link WebhookVerificationError} otherwise, and a
 * `TypeError` when `toleranceSeconds` or `now` is not a usable number (NaN, an invalid Date): a
 * broken option fails closed rather than turning the replay check off.
 *
 * @example
 * app.post('/webhooks', express.raw({ type: 'application/json' }), (req, res) => {
 *   const event = verifyWebhook(req.body, req.get('XPay-Signature'), process.env.XPAY_WEBHOOK_SECRET!);
 *   …
 * });
 */
export function verifyWebhook(
  rawBody: string | Buffer,
  signatureHeader: string | undefined | null,
  secret: string,
  { toleranceSeconds = 300, now }: VerifyWebhookOptions = {},
): XpayEvent {
  // Every comparison with NaN is false, so without this a NaN would accept any old delivery.
  if (typeof toleranceSeconds !== 'number' || !Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) {
    throw new TypeError(`verifyWebhook: toleranceSeconds must be a finite number of seconds ≥ 0, got ${String(toleranceSeconds)}.`);
  }
  const nowSeconds = now === undefined ? Date.now() / 1000 : now instanceof Date ? now.getTime() / 1000 : now;
  if (typeof nowSeconds !== 'number' || !Number.isFinite(nowSeconds)) {
    throw new TypeError(`verifyWebhook: now must be Unix seconds or a valid Date, got ${String(now)}.`);
  }
  if (signatureHeader === undefined || signatureHeader === null || signatureHeader.trim() === '') {
    throw new WebhookVerificationError(
      'missing_header',
      `No ${WEBHOOK_SIGNATURE_HEADER} header: is this request from XPay, and does your framework pass headers through?`,
    );
  }
  const { timestamp, signatures } = parseSignatureHeader(signatureHeader);

  // Check the signature before the clock, so a forged request learns nothing about our tolerance.
  const expected = Buffer.from(computeSignature(rawBody, secret, timestamp), 'hex');
  const matched = signatures.some((candidate) => {
    if (!HEX_SHA256.test(candidate)) return false;
    const given = Buffer.from(candidate, 'hex');
    // timingSafeEqual throws on a length mismatch; the regex above already fixes the length, this is belt and braces.
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matched) {
    throw new WebhookVerificationError(
      'signature_mismatch',
      'No v1 signature matches: check the endpoint secret, and that the body is the raw bytes as received.',
    );
  }

  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_out_of_tolerance',
      `The signed timestamp is more than ${toleranceSeconds} s from now: a replayed delivery, or a server clock that is off.`,
    );
  }

  return parseEvent(rawBody);
}

/**
 * Signs a payload the way XPay does and returns the `XPay-Signature` header value
 * (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`). For tests of webhook handlers.
 */
export function signWebhookPayload(
  body: string | Buffer,
  secret: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${computeSignature(body, secret, timestamp)}`;
}

/** Hex HMAC-SHA256 of `"<t>.<body>"`, keyed with the secret string as given. */
function computeSignature(body: string | Buffer, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest('hex');
}

/** `t=…,v1=…[,v1=…]`; unknown schemes (a future v2, v0) are skipped so the header can evolve. */
function parseSignatureHeader(header: string): ParsedHeader {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw malformed();
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !/^[0-9]{1,12}$/.test(value)) throw malformed();
      timestamp = Number(value);
    } else if (key === 'v1') {
      signatures.push(value);
    }
  }
  if (timestamp === undefined || signatures.length === 0) throw malformed();
  return { timestamp, signatures };
}

function malformed(): WebhookVerificationError {
  return new WebhookVerificationError(
    'malformed_header',
    `The ${WEBHOOK_SIGNATURE_HEADER} header is not "t=<unix seconds>,v1=<hex signature>".`,
  );
}

/** A light shape check only: this entry point must not pull zod into a merchant's server bundle. */
function parseEvent(rawBody: string | Buffer): XpayEvent {
  let value: unknown;
  try {
    value = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('malformed_body', 'The signed body is not JSON.');
  }
  const v = value as Partial<Record<keyof XpayEvent, unknown>> | null;
  const data = v?.data as { object?: unknown } | null | undefined;
  if (
    typeof v !== 'object' ||
    v === null ||
    v.object !== 'event' ||
    typeof v.id !== 'string' ||
    !v.id.startsWith('evt_') ||
    typeof v.type !== 'string' ||
    typeof v.created !== 'number' ||
    typeof data !== 'object' ||
    data === null ||
    typeof data.object !== 'object' ||
    data.object === null
  ) {
    throw new WebhookVerificationError('malformed_body', 'The signed body is not an XPay event object.');
  }
  return value as XpayEvent;
}
