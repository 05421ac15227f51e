import { describe, expect, it } from 'vitest';
import {
  FRAME_PATH,
  FRAME_PROTOCOL_VERSION,
  MAX_MESSAGE_BYTES,
  SAFE_CSS_VALUE,
  announcedFrameVersion,
  createMessageGuard,
  exceedsMessageSize,
  parseFrameMessage,
  parseHostMessage,
} from '../../../src/frame/protocol.js';

const SECRET = 'cs_test_a1B2c3D4e5F6g7H8i9J0k1L2_secret_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4';

const publicSession = {
  id: 'cs_test_a1B2c3D4e5F6g7H8i9J0k1L2',
  object: 'checkout.session.public',
  status: 'open',
  version: 3,
  livemode: false,
  merchantName: 'Demo shop',
  currency: 'usd',
  amountSubtotal: 2500,
  amountTotal: 2500,
  lineItems: [{ name: 'Mug', unitAmount: 2500, quantity: 1, amountTotal: 2500, imageUrl: null }],
  billingAddressCollection: 'auto',
  phoneNumberCollection: { enabled: false },
  customerEmail: null,
  successUrl: 'http://localhost:3000/done',
  cancelUrl: 'http://localhost:3000/cart',
  expiresAt: 1_800_000_000,
  paymentIntent: {
    id: 'pi_123',
    status: 'requires_payment_method',
    amount: 2500,
    currency: 'usd',
    captureMethod: 'automatic',
    lastPaymentError: { type: 'card_error', code: 'card_declined', declineCode: 'generic_decline', message: 'Declined' },
    nextAction: null,
    card: { brand: 'visa', last4: '0002' },
  },
};

describe('constants', () => {
  it('puts the protocol major in the frame path', () => {
    expect(FRAME_PROTOCOL_VERSION).toBe(1);
    expect(FRAME_PATH).toBe('/frames/card/v1/');
  });
});

describe('parseHostMessage', () => {
  const init = { v: 1, type: 'init', clientSecret: SECRET, locale: 'en-US', styleTokens: {} };
  const confirm = {
    v: 1,
    type: 'confirm',
    idempotencyKey: 'key_0123456789abcdef',
    billingDetails: { email: 'jane@example.com', address: { postalCode: '94107', country: 'US' } },
    returnOrigin: 'http://localhost:5173',
    challengeWindowSize: '05',
  };

  it('reads an init whose locale is not a tag as auto, rather than drop it (the frame resolves auto)', () => {
    for (const locale of ['en_US<script>', '', 42, 'x'.repeat(36)]) expect(parseHostMessage({ ...init, locale })).toEqual({ ...init, locale: 'auto' });
  });

  it('accepts an init without a locale (a host from before the frame spoke other languages: auto)', () => {
    const { locale: _absent, ...older } = init;
    const parsed = parseHostMessage(older);
    expect(parsed).not.toBeNull();
    expect(parsed?.type === 'init' ? (parsed.locale ?? 'auto') : null).toBe('auto');
  });

  it('drops an unsafe style token value but keeps the init and its other tokens', () => {
    const parsed = parseHostMessage({ ...init, styleTokens: { colorText: 'red;}', radius: '4px', fontSize: 16 } });
    expect(parsed).toEqual({ ...init, styleTokens: { radius: '4px' } });
  });

  it.each([
    ['init', init],
    ['init with locale auto (the frame resolves it)', { ...init, locale: 'auto' }],
    ['init with a script subtag', { ...init, locale: 'zh-Hans' }],
    ['focus', { v: 1, type: 'focus' }],
    ['focus on a field', { v: 1, type: 'focus', field: 'cvc' }],
    ['clear', { v: 1, type: 'clear' }],
    ['confirm', confirm],
    ['confirm with no billing details', { ...confirm, billingDetails: {}, challengeWindowSize: undefined }],
  ])('accepts %s', (_name, message) => {
    expect(parseHostMessage(message)).toEqual(JSON.parse(JSON.stringify(message)));
  });

  it.each([
    ['null', null],
    ['a string', 'init'],
    ['an array', [1, 'init']],
    ['no version', { type: 'clear' }],
    ['version 2', { v: 2, type: 'clear' }],
    ['version as a string', { v: '1', type: 'clear' }],
    ['an unknown type', { v: 1, type: 'steal' }],
    ['a frame message sent the wrong way', { v: 1, type: 'submit' }],
    ['init without a secret', { ...init, clientSecret: undefined }],
    ['init with a publishable-looking secret', { ...init, clientSecret: 'pk_test_123' }],
    ['focus on an unknown field', { v: 1, type: 'focus', field: 'ssn' }],
    ['confirm with a short idempotency key', { ...confirm, idempotencyKey: 'k' }],
    ['confirm with a path in the return origin', { ...confirm, returnOrigin: 'http://localhost:5173/x' }],
    ['confirm with a javascript: return origin', { ...confirm, returnOrigin: 'javascript:alert(1)' }],
    ['confirm with an unknown window size', { ...confirm, challengeWindowSize: '06' }],
    // Over the frame's bound (1000); one over the API's own (320) passes, for the API to refuse by name.
    ['confirm with an oversized email', { ...confirm, billingDetails: { email: 'a'.repeat(1001) } }],
    ['confirm with an address missing its country', { ...confirm, billingDetails: { address: { postalCode: '94107' } } }],
    ['confirm with a number as email', { ...confirm, billingDetails: { email: 42 } }],
    ['a type naming an Object.prototype key', { v: 1, type: 'constructor' }],
    ['a type naming __proto__', { v: 1, type: '__proto__' }],
    ['a type that is not a string', { v: 1, type: ['clear'] }],
  ])('drops %s', (_name, message) => {
    expect(parseHostMessage(message)).toBeNull();
  });

  it('drops an oversized message without reading it', () => {
    const huge = { ...init, padding: 'x'.repeat(MAX_MESSAGE_BYTES) };
    expect(parseHostMessage(huge)).toBeNull();
  });

  it('drops unknown keys (a name in billing details stays the frame’s to set)', () => {
    const parsed = parseHostMessage({ ...confirm, billingDetails: { name: 'Mallory' }, extra: 1 });
    expect(parsed).not.toBeNull();
    expect(parsed).not.toHaveProperty('extra');
    expect(parsed && 'billingDetails' in parsed ? parsed.billingDetails : null).toEqual({});
  });

  describe('style tokens', () => {
    const tokens = {
      fontFamily: '"Helvetica Neue", Arial, sans-serif',
      fontSize: '16px',
      colorText: 'rgb(17 24 39 / 90%)',
      colorBackground: '#ffffff',
      inputBackground: 'hsl(0, 0%, 100%)',
      inputBorder: '1px solid #d0d5dd',
      focusRing: '0 0 0 3px color-mix(in srgb, #635bff 30%, transparent)',
      radius: '0.5rem',
      colorDanger: '#d92d20',
      colorPlaceholder: 'GrayText',
    };

    it('keeps every allow-listed token with a safe value', () => {
      const parsed = parseHostMessage({ ...init, styleTokens: tokens });
      expect(parsed && parsed.type === 'init' ? parsed.styleTokens : null).toEqual(tokens);
    });

    it('drops tokens that are not on the list and unsafe values, keeping the init', () => {
      const parsed = parseHostMessage({
        ...init,
        styleTokens: {
          colorText: 'red; background: url(https://evil.example/x)',
          colorBackground: 'url(https://evil.example/x)',
          radius: '4px',
          behavior: 'url(x.htc)',
        },
      });
      expect(parsed && parsed.type === 'init' ? parsed.styleTokens : null).toEqual({ radius: '4px' });
    });

    it.each([
      'url(x)',
      'URL (x)',
      'red;',
      'red}',
      'red /* */',
      'var(--secret)',
      'image-set("a.png" 1x)',
      'expression(alert(1))',
      'attr(data-x)',
      '\\75rl(x)',
      'red !important',
      '<b>',
      '@import',
      '',
      'x'.repeat(201),
    ])('rejects the CSS value %j', (value) => {
      expect(SAFE_CSS_VALUE.test(value)).toBe(false);
    });
  });
});

describe('parseFrameMessage', () => {
  it.each([
    ['ready', { v: 1, type: 'ready', protocolVersion: 1 }],
    ['change', { v: 1, type: 'change', empty: false, complete: false, brand: 'amex', errors: { number: 'invalid', expiry: 'in_past' } }],
    ['focus', { v: 1, type: 'focus', field: 'number' }],
    ['blur', { v: 1, type: 'blur', field: 'expiry' }],
    ['submit', { v: 1, type: 'submit' }],
    ['resize', { v: 1, type: 'resize', height: 212.5 }],
    ['an English locale', { v: 1, type: 'locale', locale: 'en', requested: 'en-GB' }],
    ['a locale with its host strings', { v: 1, type: 'locale', locale: 'de', requested: 'de-AT', checkout: { pay: '{amount} bezahlen' } }],
    ['a success result', { v: 1, type: 'result', idempotencyKey: 'key_0123456789', ok: true, session: publicSession }],
    [
      'a decline result',
      {
        v: 1,
        type: 'result',
        idempotencyKey: 'key_0123456789',
        ok: false,
        error: { type: 'card_error', code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.', requestId: 'req_1' },
        paymentIntent: publicSession.paymentIntent,
      },
    ],
    [
      'a network failure',
      { v: 1, type: 'result', idempotencyKey: 'key_0123456789', ok: false, error: { type: 'network_error', code: 'network_error', message: 'Network error' } },
    ],
  ])('accepts %s', (_name, message) => {
    expect(parseFrameMessage(message)).toEqual(message);
  });

  it('reads unknown brands and codes from a newer frame as unknown', () => {
    expect(
      parseFrameMessage({ v: 1, type: 'change', empty: false, complete: false, brand: 'elo', errors: { number: 'too_shiny' } }),
    ).toEqual({ v: 1, type: 'change', empty: false, complete: false, brand: 'unknown', errors: { number: 'unknown' } });
  });

  it('drops card data smuggled into a change message', () => {
    const parsed = parseFrameMessage({
      v: 1, type: 'change', empty: false, complete: true, brand: 'visa', errors: {}, number: '4242424242424242', cvc: '123',
    });
    expect(JSON.stringify(parsed)).not.toMatch(/4242|123/);
  });

  it.each([
    ['a result whose session fails its schema', { v: 1, type: 'result', idempotencyKey: 'k', ok: true, session: { id: 'pi_nope' } }],
    ['a success result without a session', { v: 1, type: 'result', idempotencyKey: 'k', ok: true }],
    ['a failure result with an unknown error type', { v: 1, type: 'result', idempotencyKey: 'k', ok: false, error: { type: 'oops', code: 'x', message: 'x' } }],
    ['a negative height', { v: 1, type: 'resize', height: -1 }],
    ['an absurd height', { v: 1, type: 'resize', height: 1e9 }],
    ['a change without flags', { v: 1, type: 'change', brand: 'visa', errors: {} }],
    ['a host message sent the wrong way', { v: 1, type: 'clear' }],
    ['a type naming an Object.prototype key', { v: 1, type: 'toString' }],
    ['version 2', { v: 2, type: 'ready', protocolVersion: 2 }],
    ['a locale over 35 characters', { v: 1, type: 'locale', locale: 'de', requested: `de-${'x'.repeat(33)}` }],
    ['a locale without the tag it was chosen for', { v: 1, type: 'locale', locale: 'de' }],
    ['a locale with host strings over the message cap', { v: 1, type: 'locale', locale: 'de', requested: 'de', checkout: { pay: 'x'.repeat(MAX_MESSAGE_BYTES) } }],
  ])('drops %s', (_name, message) => {
    expect(parseFrameMessage(message)).toBeNull();
  });
});

describe('announcedFrameVersion', () => {
  it('reads the version from any ready message, so a host can name a version it cannot speak', () => {
    expect(announcedFrameVersion({ v: 2, type: 'ready', protocolVersion: 2 })).toBe(2);
    expect(announcedFrameVersion({ v: 1, type: 'ready', protocolVersion: 1 })).toBe(1);
    expect(announcedFrameVersion({ v: 1, type: 'submit' })).toBeNull();
    expect(announcedFrameVersion('ready')).toBeNull();
  });
});

describe('exceedsMessageSize', () => {
  it('agrees with JSON length around the limit', () => {
    expect(exceedsMessageSize({ s: 'x'.repeat(1000) }, 2000)).toBe(false);
    expect(exceedsMessageSize({ s: 'x'.repeat(3000) }, 2000)).toBe(true);
    expect(exceedsMessageSize({ list: Array.from({ length: 500 }, () => ({ a: 1 })) }, 2000)).toBe(true);
  });

  it('stops early on a huge message', () => {
    const huge = { list: Array.from({ length: 200_000 }, (_, i) => i) };
    expect(exceedsMessageSize(huge)).toBe(true);
  });
});

describe('createMessageGuard', () => {
  const parent = { name: 'parent window' } as unknown as MessageEventSource;
  const other = { name: 'another window' } as unknown as MessageEventSource;
  const good = { v: 1, type: 'clear' };
  const seen: string[] = [];
  const guard = createMessageGuard({
    expectedOrigin: 'http://localhost:5173',
    expectedSource: parent,
    parse: (data) => {
      seen.push('parse');
      return parseHostMessage(data);
    },
  });

  it('accepts a valid message from the expected origin and source', () => {
    expect(guard({ origin: 'http://localhost:5173', source: parent, data: good })).toEqual(good);
  });

  it.each([
    ['another origin', { origin: 'http://evil.example', source: parent, data: good }],
    ['another port', { origin: 'http://localhost:5174', source: parent, data: good }],
    ['another scheme', { origin: 'https://localhost:5173', source: parent, data: good }],
    ['an opaque origin', { origin: 'null', source: parent, data: good }],
  ])('drops %s before reading the data', (_name, event) => {
    seen.length = 0;
    expect(guard(event)).toBeNull();
    expect(seen).toEqual([]);
  });

  it('drops the right origin from another window before reading the data', () => {
    seen.length = 0;
    expect(guard({ origin: 'http://localhost:5173', source: other, data: good })).toBeNull();
    expect(guard({ origin: 'http://localhost:5173', source: null, data: good })).toBeNull();
    expect(seen).toEqual([]);
  });

  it('drops a malformed message from the right origin and source', () => {
    expect(guard({ origin: 'http://localhost:5173', source: parent, data: { v: 1, type: 'nope' } })).toBeNull();
  });

  it('reads a changing source through a function, and never matches a missing one', () => {
    let current: MessageEventSource | null = null;
    const live = createMessageGuard({ expectedOrigin: 'http://a.test', expectedSource: () => current, parse: parseHostMessage });
    expect(live({ origin: 'http://a.test', source: null, data: good })).toBeNull();
    current = other;
    expect(live({ origin: 'http://a.test', source: other, data: good })).toEqual(good);
  });
});
