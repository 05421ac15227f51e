import { describe, expect, it } from 'vitest';
import {
  ApiError,
  errorBodyOf,
  fromPaymentError,
  IntegrationError,
  isConfirmOutcomeUnknown,
  isOutcomeUnknown,
  NetworkError,
  RequestAbortedError,
  ResponseValidationError,
  TimeoutError,
  toXpayError,
  type XpayError,
  type XpayErrorType,
} from '../../../src/api/errors.js';

const body = (error: Record<string, unknown>) =>
  ({ type: 'invalid_request_error', message: 'm', requestId: 'req_1', ...error }) as never;

describe('toXpayError', () => {
  it('should keep a card decline customer-facing with its decline code and request id', () => {
    const e = new ApiError({
      status: 402,
      body: body({ type: 'card_error', code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' }),
    });
    expect(toXpayError(e)).toEqual({
      type: 'card_error',
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      requestId: 'req_1',
    });
  });

  it("should call the API's setup errors integration errors and keep the API's message, which says what to fix", () => {
    const cases = [
      { status: 403, code: 'origin_not_allowed', type: 'invalid_request_error' },
      { status: 404, code: 'session_not_found', type: 'invalid_request_error' },
      { status: 401, code: 'invalid_client_secret', type: 'authentication_error' },
      { status: 401, code: 'some_future_auth_code', type: 'authentication_error' },
    ];
    for (const { status, code, type } of cases) {
      const message = `${code}: here is what to change.`;
      const x = toXpayError(new ApiError({ status, body: body({ type, code, message }) }));
      expect(x).toEqual({ type: 'integration_error', code, message, requestId: 'req_1' });
    }
  });

  it('should call a 400 that names a field a validation error, and other API trouble api_error', () => {
    expect(toXpayError(new ApiError({ status: 400, body: body({ code: 'invalid_email', param: 'billingDetails.email' }) })).type).toBe(
      'validation_error',
    );
    expect(toXpayError(new ApiError({ status: 429, body: body({ type: 'rate_limit_error', code: 'too_many_attempts' }) })).type).toBe(
      'api_error',
    );
    const bare = toXpayError(new ApiError({ status: 502, body: null, requestId: 'req_h' }));
    expect(bare).toMatchObject({ type: 'api_error', code: 'http_502', requestId: 'req_h' });
  });

  it('should apply one 400 rule: a field only on a 400, a refused request without one for the integration to fix', () => {
    const type = (status: number, error: Record<string, unknown>) => toXpayError(new ApiError({ status, body: body(error) })).type;
    expect(type(422, { code: 'invalid_email', param: 'billingDetails.email' })).toBe('integration_error');
    expect(type(400, { code: 'invalid_json' })).toBe('integration_error');
    // The session moved on, or a confirm is in flight: nothing to fix, re-read.
    expect(type(400, { code: 'payment_intent_unexpected_state' })).toBe('api_error');
    expect(type(400, { code: 'session_expired' })).toBe('api_error');
    expect(type(409, { code: 'confirm_in_progress' })).toBe('api_error');
  });

  it('should call any 429 but too_many_attempts rate_limited, whoever sent it', () => {
    const limited = (b: Record<string, unknown> | null) => toXpayError(new ApiError({ status: 429, body: b && body(b), retryAfterSeconds: 5 }));
    expect(limited(null)).toMatchObject({ type: 'api_error', code: 'rate_limited' });
    expect(limited({ type: 'rate_limit_error', code: 'rate_limit' })).toMatchObject({ type: 'api_error', code: 'rate_limited' });
    expect(limited({ type: 'rate_limit_error', code: 'too_many_attempts' })).toMatchObject({ code: 'too_many_attempts' });
  });

  it('should map transport errors to network_error and unreadable replies to api_error', () => {
    expect(toXpayError(new NetworkError(new TypeError('fetch failed')))).toMatchObject({ type: 'network_error', code: 'network_error' });
    expect(toXpayError(new TimeoutError(100))).toMatchObject({ type: 'network_error', code: 'timeout' });
    expect(toXpayError(new RequestAbortedError())).toMatchObject({ type: 'network_error', code: 'aborted' });
    const rv = new ResponseValidationError({ status: 200, issues: [{ path: ['version'], message: 'expected int' }] });
    expect(toXpayError(rv)).toMatchObject({ type: 'api_error', code: 'invalid_response' });
    expect(rv.message).toContain('version');
    expect(toXpayError(new IntegrationError('invalid_client_secret', 'fix it'))).toMatchObject({ type: 'integration_error' });
    expect(toXpayError('weird')).toMatchObject({ type: 'api_error', code: 'unexpected_error' });
  });

  it('should produce plain serialisable data', () => {
    const x = toXpayError(new ApiError({ status: 402, body: body({ type: 'card_error', code: 'card_declined' }) }));
    expect(JSON.parse(JSON.stringify(x))).toEqual(x);
    expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
  });

  it('should map a lastPaymentError from the session', () => {
    expect(fromPaymentError({ type: 'card_error', code: 'authentication_failed', message: 'Failed.' })).toEqual({
      type: 'card_error',
      code: 'authentication_failed',
      message: 'Failed.',
    });
  });
});

describe('errorBodyOf', () => {
  it('should read the fields it knows and refuse anything that is not an error body', () => {
    const intent = { id: 'pi_1', status: 'requires_payment_method' };
    expect(
      errorBodyOf({ error: { type: 'card_error', code: 'card_declined', message: 'm', declineCode: 'x', requestId: 'req_1', paymentIntent: intent, extra: 1 } }),
    ).toEqual({ type: 'card_error', code: 'card_declined', message: 'm', declineCode: 'x', requestId: 'req_1', paymentIntent: intent });
    expect(errorBodyOf({ error: { type: 'api_error', code: 7, message: 'm' } })).toBeNull();
    expect(errorBodyOf({ error: { type: 'api_error', code: 'c', message: 'm', param: 5 } })).toEqual({ type: 'api_error', code: 'c', message: 'm' });
    for (const junk of [null, 'text', 42, {}, { error: null }, { error: 'boom' }]) expect(errorBodyOf(junk)).toBeNull();
  });
});

describe('isOutcomeUnknown', () => {
  it('should say unknown for lost replies, 409, 5xx and wrong-state answers', () => {
    expect(isOutcomeUnknown(new TimeoutError(1))).toBe(true);
    expect(isOutcomeUnknown(new NetworkError())).toBe(true);
    expect(isOutcomeUnknown(new ResponseValidationError({ status: 200, issues: [] }))).toBe(true);
    expect(isOutcomeUnknown(new ApiError({ status: 409, body: body({ type: 'idempotency_error', code: 'idempotency_key_in_use' }) }))).toBe(true);
    expect(isOutcomeUnknown(new ApiError({ status: 500, body: null }))).toBe(true);
    expect(isOutcomeUnknown(new ApiError({ status: 400, body: body({ code: 'payment_intent_unexpected_state' }) }))).toBe(true);
  });

  it('should say known for declines and validation errors', () => {
    expect(isOutcomeUnknown(new ApiError({ status: 402, body: body({ type: 'card_error', code: 'card_declined' }) }))).toBe(false);
    expect(isOutcomeUnknown(new ApiError({ status: 400, body: body({ code: 'invalid_email', param: 'x' }) }))).toBe(false);
    expect(isOutcomeUnknown(new Error('x'))).toBe(false);
  });
});

describe('isConfirmOutcomeUnknown (a failed confirm as the card frame reports it)', () => {
  const error = (type: XpayErrorType, code: string): XpayError => ({ type, code, message: 'm' });

  it('should call refusals known: the card, the input, the setup, and too many attempts', () => {
    expect(isConfirmOutcomeUnknown(error('card_error', 'card_declined'))).toBe(false);
    expect(isConfirmOutcomeUnknown(error('validation_error', 'invalid_email'))).toBe(false);
    expect(isConfirmOutcomeUnknown(error('integration_error', 'origin_not_allowed'))).toBe(false);
    // The API's 429 after too many failed attempts, or a rate limit: this attempt was never made.
    expect(isConfirmOutcomeUnknown(error('api_error', 'too_many_attempts'))).toBe(false);
    expect(isConfirmOutcomeUnknown(error('api_error', 'rate_limited'))).toBe(false);
  });

  it('should be the same rule as isOutcomeUnknown on the error the frame projected', () => {
    const thrown = [
      new ApiError({ status: 402, body: body({ type: 'card_error', code: 'card_declined' }) }),
      new ApiError({ status: 400, body: body({ code: 'invalid_email', param: 'x' }) }),
      new ApiError({ status: 400, body: body({ code: 'parameter_invalid' }) }),
      new ApiError({ status: 400, body: body({ code: 'payment_intent_unexpected_state' }) }),
      new ApiError({ status: 409, body: body({ code: 'confirm_in_progress' }) }),
      new ApiError({ status: 429, body: null }),
      new ApiError({ status: 429, body: body({ type: 'rate_limit_error', code: 'too_many_attempts' }) }),
      new ApiError({ status: 503, body: null }),
      new ResponseValidationError({ status: 200, issues: [] }),
      new TimeoutError(1),
      new NetworkError(),
      new RequestAbortedError(),
      new IntegrationError('invalid_client_secret', 'fix it'),
    ];
    for (const e of thrown) expect(isConfirmOutcomeUnknown(toXpayError(e)), e.code).toBe(isOutcomeUnknown(e));
  });

  it('should call anything that may have charged the card unknown', () => {
    for (const code of ['http_500', 'confirm_in_progress', 'invalid_response', 'timeout']) {
      expect(isConfirmOutcomeUnknown(error('api_error', code))).toBe(true);
    }
    expect(isConfirmOutcomeUnknown(error('network_error', 'network_error'))).toBe(true);
  });
});
