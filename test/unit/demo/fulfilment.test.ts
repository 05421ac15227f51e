import { describe, expect, it } from 'vitest';
import { eventSubject, nextOrderStatus, statusFromSession, type SessionState } from '../../../demo/shop/fulfilment.js';

// The demo shop's fulfilment rules as data: what an event is about, what a session read means, and
// that orders only move forward whichever read is written last.

const session = (status: string, intentStatus?: string): SessionState => ({
  id: 'cs_test_1',
  status,
  paymentIntent: intentStatus ? { id: 'pi_1', status: intentStatus } : null,
});

describe('statusFromSession', () => {
  it.each([
    [session('open'), 'pending'],
    [session('open', 'requires_payment_method'), 'pending'],
    [session('open', 'processing'), 'pending'],
    [session('complete', 'requires_capture'), 'authorised'],
    [session('complete', 'succeeded'), 'paid'],
    [session('complete', 'canceled'), 'canceled'],
    [session('expired'), 'expired'],
  ] as const)('should read %j as %s', (state, expected) => {
    expect(statusFromSession(state)).toBe(expected);
  });
});

describe('eventSubject', () => {
  const event = (object: Record<string, unknown>) => ({ type: 'x', data: { object } });

  it('should name the session of a session event and the intent of intent, charge and refund events', () => {
    expect(eventSubject(event({ object: 'checkout.session', id: 'cs_1' }))).toEqual({ sessionId: 'cs_1' });
    expect(eventSubject(event({ object: 'payment_intent', id: 'pi_1' }))).toEqual({ paymentIntentId: 'pi_1' });
    expect(eventSubject(event({ object: 'charge', id: 'ch_1', paymentIntent: 'pi_1' }))).toEqual({ paymentIntentId: 'pi_1' });
    expect(eventSubject(event({ object: 'refund', id: 're_1', paymentIntent: 'pi_1' }))).toEqual({ paymentIntentId: 'pi_1' });
  });

  it('should ignore objects that concern no order', () => {
    expect(eventSubject(event({ object: 'customer', id: 'cus_1' }))).toBeUndefined();
    expect(eventSubject(event({ object: 'checkout.session' }))).toBeUndefined();
  });
});

describe('nextOrderStatus', () => {
  it('should move forward and never back, whichever session read lands last', () => {
    expect(nextOrderStatus('pending', 'authorised')).toBe('authorised');
    expect(nextOrderStatus('authorised', 'paid')).toBe('paid');
    expect(nextOrderStatus('paid', 'authorised')).toBe('paid');
    expect(nextOrderStatus('authorised', 'canceled')).toBe('canceled');
    expect(nextOrderStatus('canceled', 'authorised')).toBe('canceled');
    expect(nextOrderStatus('expired', 'pending')).toBe('expired');
  });
});
