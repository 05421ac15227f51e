import { describe, expect, it } from 'vitest';
import { advanceClock, CARDS, confirm, confirmBody, createSession, decideChallenge, eventually, getSession, ORIGIN, publicView, sessionBody, startTestSandbox, useTestSandbox, type Api } from './helpers.js';

/**
 * Payment Methods and saved cards (issue #11), against a real sandbox on loopback with a real
 * SQLite file: saving on `offer` (ticked) and `always`, paying again with a saved card (CVC,
 * 3-D Secure), one saved card per card per customer (also when two saves race), listing and
 * detaching by secret key, removing from the widget, and a detach during an in-flight payment.
 */
const api = useTestSandbox();

let keyN = 0;
/** Confirms with a saved card: `{ type: 'card', id, card?: { cvc } }`. */
function confirmSaved(a: Pick<Api, 'request'>, s: { id: string; clientSecret: string }, id: string, cvc?: string, extra: Record<string, unknown> = {}) {
  return a.request('POST', `/v1/checkout/sessions/${s.id}/confirm`, {
    secret: null,
    body: { paymentMethod: { type: 'card', id, ...(cvc === undefined ? {} : { card: { cvc } }) }, returnOrigin: ORIGIN, ...extra },
    headers: { 'XPay-Client-Secret': s.clientSecret, 'Idempotency-Key': `saved-${Date.now()}-${++keyN}` },
  });
}

async function savedCards(a: Pick<Api, 'request'>, customer: string) {
  const r = await a.request('GET', `/v1/customers/${customer}/payment_methods`);
  expect(r.status, r.text).toBe(200);
  return r.body.data as { id: string; customer: string | null; card: { brand: string; last4: string; expYear: number; fingerprint: string } }[];
}

/** A customer with `number` saved (a paid session with `savePaymentMethod: 'always'`). */
async function customerWithCard(a: Pick<Api, 'request'>, number: string = CARDS.visa, email = `c${++keyN}@example.com`) {
  const s = await createSession(a, { customerEmail: email, savePaymentMethod: 'always' });
  const r = await confirm(a, s, number);
  expect(r.body.paymentIntent?.status, r.text).toBe('succeeded');
  const customer = (await getSession(a, s.id)).customer.id as string;
  const [pm] = await savedCards(a, customer);
  return { customer, pm: pm!.id };
}

async function eventsOf(a: Pick<Api, 'request'>, type: string) {
  return (await a.request('GET', `/v1/events?type=${type}&limit=100`)).body.data as { data: { object: { id: string; customer: string | null } } }[];
}

describe('sessions: payment-method settings', () => {
  it('should default paymentMethodTypes to what the currency supports and show the settings in both views', async () => {
    const usd = await createSession(api);
    expect(usd).toMatchObject({ paymentMethodTypes: ['card'], savePaymentMethod: 'off', savedCardCvc: 'always', allowRemoveSavedCards: false, returnUrl: null });
    const eur = await createSession(api, { currency: 'eur' });
    expect(eur.paymentMethodTypes).toEqual(['card', 'bank_redirect']);
    const view = (await publicView(api, eur)).body;
    expect(view).toMatchObject({ paymentMethodTypes: ['card', 'bank_redirect'], savePaymentMethod: 'off', savedCardCvc: 'always', allowRemoveSavedCards: false, savedPaymentMethods: [] });
    expect(view.banks.map((b: { id: string }) => b.id)).toContain('test_bank');
    expect((await publicView(api, usd)).body.banks).toEqual([]);
  });

  it('should refuse, with a 400 naming the parameter, settings that cannot work', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ savePaymentMethod: 'offer' }, 'parameter_missing', 'customerId'],
      [{ savePaymentMethod: 'always' }, 'parameter_missing', 'customerId'],
      [{ paymentMethodTypes: ['bank_redirect'] }, 'payment_method_unsupported', 'paymentMethodTypes.0'],
      [{ currency: 'eur', paymentMethodTypes: ['bank_redirect'], customerEmail: 'a@example.com', savePaymentMethod: 'offer' }, 'parameter_invalid', 'savePaymentMethod'],
      [{ savePaymentMethod: 'sometimes' }, 'parameter_invalid', 'savePaymentMethod'],
      [{ savedCardCvc: 'maybe' }, 'parameter_invalid', 'savedCardCvc'],
      [{ paymentMethodTypes: [] }, 'parameter_invalid', 'paymentMethodTypes'],
      [{ returnUrl: 'https://evil.example/back' }, 'origin_not_allowed', 'returnUrl'],
      [{ returnUrl: 'javascript:alert(1)' }, 'parameter_invalid', 'returnUrl'],
    ];
    for (const [extra, code, param] of cases) {
      const r = await api.request('POST', '/v1/checkout/sessions', { body: sessionBody(extra) });
      expect(r.status, JSON.stringify(extra)).toBe(400);
      expect(r.body.error, JSON.stringify(extra)).toMatchObject({ code, param });
    }
  });
});

describe('saving a card', () => {
  it('should save the card on offer when the customer ticks the box, as a pm_ attached to the customer, with an event', async () => {
    const s = await createSession(api, { customerEmail: 'ticked@example.com', savePaymentMethod: 'offer' });
    const r = await confirm(api, s, CARDS.visa, { extra: { savePaymentMethod: true } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.paymentIntent.paymentMethod).toEqual({ type: 'card', card: { brand: 'visa', last4: '4242' } });
    const full = await getSession(api, s.id);
    const customer = full.customer.id;
    const list = await savedCards(api, customer);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ object: 'payment_method', type: 'card', customer, card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 } });
    expect(list[0]!.card.fingerprint).toBe(full.paymentIntent.charges[0].paymentMethodDetails.card.fingerprint);
    expect(full.paymentIntent.charges[0].paymentMethod).toBe(list[0]!.id);
    const attached = await eventsOf(api, 'payment_method.attached');
    expect(attached.some((e) => e.data.object.id === list[0]!.id && e.data.object.customer === customer)).toBe(true);
    const got = await api.request('GET', `/v1/payment_methods/${list[0]!.id}`);
    expect(got.body).toEqual(list[0]);
  });

  it('should not save on offer when the box is not ticked, and refuse the flag when the session does not offer it', async () => {
    const s = await createSession(api, { customerEmail: 'unticked@example.com', savePaymentMethod: 'offer' });
    expect((await confirm(api, s, CARDS.visa)).body.paymentIntent.status).toBe('succeeded');
    expect(await savedCards(api, (await getSession(api, s.id)).customer.id)).toEqual([]);
    // The charge still has its Payment Method, just not saved to anyone.
    const pmId = (await getSession(api, s.id)).paymentIntent.charges[0].paymentMethod;
    expect((await api.request('GET', `/v1/payment_methods/${pmId}`)).body.customer).toBeNull();

    const off = await createSession(api);
    const r = await confirm(api, off, CARDS.visa, { extra: { savePaymentMethod: true } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'parameter_invalid', param: 'savePaymentMethod' });
    expect((await getSession(api, off.id)).paymentIntent).toBeNull();
  });

  it('should not save a card whose payment failed', async () => {
    const s = await createSession(api, { customerEmail: 'declined@example.com', savePaymentMethod: 'always' });
    expect((await confirm(api, s, CARDS.generic)).status).toBe(402);
    expect((await confirm(api, s, CARDS.mastercard)).body.paymentIntent.status).toBe('succeeded');
    const list = await savedCards(api, (await getSession(api, s.id)).customer.id);
    expect(list.map((p) => p.card.last4)).toEqual(['4444']);
  });

  it('should keep one saved card per card per customer: saving it again updates it', async () => {
    const { customer, pm } = await customerWithCard(api, CARDS.visa);
    const attachedBefore = (await eventsOf(api, 'payment_method.attached')).length;
    const again = await createSession(api, { customerId: customer, savePaymentMethod: 'always' });
    const r = await confirm(api, again, CARDS.visa);
    expect(r.body.paymentIntent.status).toBe('succeeded');
    const body = confirmBody(CARDS.visa);
    (body.paymentMethod as { card: { expYear: number } }).card.expYear = 2035;
    const third = await createSession(api, { customerId: customer, savePaymentMethod: 'always' });
    const r3 = await api.request('POST', `/v1/checkout/sessions/${third.id}/confirm`, {
      secret: null,
      body,
      headers: { 'XPay-Client-Secret': third.clientSecret, 'Idempotency-Key': `exp-${Date.now()}` },
    });
    expect(r3.body.paymentIntent.status).toBe('succeeded');
    const list = await savedCards(api, customer);
    expect(list.map((p) => p.id)).toEqual([pm]);
    expect(list[0]!.card.expYear).toBe(2035);
    expect((await getSession(api, third.id)).paymentIntent.charges[0].paymentMethod).toBe(pm);
    expect((await eventsOf(api, 'payment_method.attached')).length).toBe(attachedBefore);
  });

  it('should save one card once when two payments with it save it at the same moment', async () => {
    const { customer } = await customerWithCard(api, CARDS.visa);
    const a = await createSession(api, { customerId: customer, savePaymentMethod: 'always' });
    const b = await createSession(api, { customerId: customer, savePaymentMethod: 'always' });
    const [ra, rb] = await Promise.all([confirm(api, a, CARDS.mastercard), confirm(api, b, CARDS.mastercard)]);
    expect(ra.body.paymentIntent.status).toBe('succeeded');
    expect(rb.body.paymentIntent.status).toBe('succeeded');
    const list = await savedCards(api, customer);
    expect(list.map((p) => p.card.last4).sort()).toEqual(['4242', '4444']);
  });
});

describe('paying with a saved card', () => {
  it('should list the customer\'s saved cards in the public view — never a fingerprint, never another customer\'s', async () => {
    const mine = await customerWithCard(api, CARDS.visa);
    const theirs = await customerWithCard(api, CARDS.mastercard);
    const s = await createSession(api, { customerId: mine.customer });
    const r = await publicView(api, s);
    expect(r.body.savedPaymentMethods).toEqual([{ id: mine.pm, card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 }, expired: false }]);
    const list = await savedCards(api, mine.customer);
    expect(r.text).not.toContain(list[0]!.card.fingerprint);
    expect(r.text).not.toContain(theirs.pm);
  });

  it('should ask for the CVC again by default, then pay with the saved card on the same intent', async () => {
    const { customer, pm } = await customerWithCard(api);
    const s = await createSession(api, { customerId: customer });
    const noCvc = await confirmSaved(api, s, pm);
    expect(noCvc.status).toBe(400);
    expect(noCvc.body.error).toMatchObject({ code: 'parameter_missing', param: 'paymentMethod.card.cvc' });
    const wrongLength = await confirmSaved(api, s, pm, '12345');
    expect(wrongLength.status).toBe(400);
    const bad = await confirmSaved(api, s, pm, '1234');
    expect(bad.status).toBe(402);
    expect(bad.body.error.code).toBe('incorrect_cvc');
    const r = await confirmSaved(api, s, pm, '123');
    expect(r.status, r.text).toBe(200);
    expect(r.body.paymentIntent).toMatchObject({ status: 'succeeded', card: { brand: 'visa', last4: '4242' }, paymentMethod: { type: 'card', card: { brand: 'visa', last4: '4242' } } });
    const full = await getSession(api, s.id);
    expect(full.paymentIntent.charges.map((c: { status: string; paymentMethod: string }) => [c.status, c.paymentMethod])).toEqual([['failed', pm], ['succeeded', pm]]);
    expect(full.paymentIntent.charges[1].billingDetails.name).toBe('Jo Doe');
  });

  it('should pay without the CVC when the session says savedCardCvc: never', async () => {
    const { customer, pm } = await customerWithCard(api);
    const s = await createSession(api, { customerId: customer, savedCardCvc: 'never' });
    expect((await confirmSaved(api, s, pm)).body.paymentIntent.status).toBe('succeeded');
  });

  it('should run 3-D Secure again for a saved card that needs it', async () => {
    const saving = await createSession(api, { customerEmail: '3ds@example.com', savePaymentMethod: 'always' });
    const first = await confirm(api, saving, CARDS.challenge);
    expect((await decideChallenge(first.body.paymentIntent.nextAction.url, 'complete')).status).toBe(200);
    const customer = (await getSession(api, saving.id)).customer.id;
    const [pm] = await savedCards(api, customer);
    const s = await createSession(api, { customerId: customer });
    const r = await confirmSaved(api, s, pm!.id, '123');
    expect(r.body.paymentIntent.status).toBe('requires_action');
    expect(r.body.paymentIntent.nextAction.type).toBe('three_ds_challenge');
    expect((await decideChallenge(r.body.paymentIntent.nextAction.url, 'complete')).status).toBe(200);
    expect((await publicView(api, s)).body.paymentIntent.status).toBe('succeeded');
  });

  it("should refuse another customer's card as if it did not exist, charging nothing", async () => {
    const theirs = await customerWithCard(api);
    const mine = await customerWithCard(api, CARDS.mastercard);
    for (const session of [await createSession(api, { customerId: mine.customer }), await createSession(api)]) {
      const r = await confirmSaved(api, session, theirs.pm, '123');
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'resource_missing', param: 'paymentMethod.id' });
      expect((await getSession(api, session.id)).paymentIntent).toBeNull();
    }
  });
});

describe('detaching saved cards', () => {
  it('should detach by secret key: gone from the list and the view, an event, and never charged again', async () => {
    const { customer, pm } = await customerWithCard(api);
    const s = await createSession(api, { customerId: customer });
    const before = (await publicView(api, s)).body.version;
    const r = await api.request('POST', `/v1/payment_methods/${pm}/detach`, { body: {} });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ id: pm, object: 'payment_method', customer: null });
    expect(await savedCards(api, customer)).toEqual([]);
    const view = (await publicView(api, s)).body;
    expect(view.savedPaymentMethods).toEqual([]);
    expect(view.version).toBeGreaterThan(before);
    expect((await eventsOf(api, 'payment_method.detached')).some((e) => e.data.object.id === pm)).toBe(true);

    const pay = await confirmSaved(api, s, pm, '123');
    expect(pay.status).toBe(400);
    expect(pay.body.error).toMatchObject({ type: 'invalid_request_error', code: 'payment_method_detached', param: 'paymentMethod.id' });
    expect((await getSession(api, s.id)).paymentIntent).toBeNull();

    const again = await api.request('POST', `/v1/payment_methods/${pm}/detach`, { body: {} });
    expect(again.body.error.code).toBe('payment_method_not_attached');
    expect((await api.request('POST', '/v1/payment_methods/pm_nope/detach', { body: {} })).status).toBe(404);
    expect((await api.request('GET', '/v1/customers/cus_nope/payment_methods')).status).toBe(404);
    expect((await api.request('POST', `/v1/payment_methods/${pm}/detach`, { body: {}, secret: null })).status).toBe(401);
  });

  it('should let the customer remove a saved card from the widget only when the session allows it', async () => {
    const { customer, pm } = await customerWithCard(api);
    const other = await customerWithCard(api, CARDS.mastercard);
    const path = (s: { id: string }, id: string) => `/v1/checkout/sessions/${s.id}/payment_methods/${id}/detach`;
    const headers = (s: { clientSecret: string }) => ({ 'XPay-Client-Secret': s.clientSecret, Origin: ORIGIN });

    const locked = await createSession(api, { customerId: customer });
    const refused = await api.request('POST', path(locked, pm), { secret: null, body: {}, headers: headers(locked) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('saved_card_removal_not_allowed');

    const s = await createSession(api, { customerId: customer, allowRemoveSavedCards: true });
    const notMine = await api.request('POST', path(s, other.pm), { secret: null, body: {}, headers: headers(s) });
    expect(notMine.body.error).toMatchObject({ code: 'resource_missing' });
    expect(await savedCards(api, other.customer)).toHaveLength(1);

    const preflight = await api.request('OPTIONS', path(s, pm), { secret: null, headers: { Origin: ORIGIN } });
    expect(preflight.status).toBe(204);
    const r = await api.request('POST', path(s, pm), { secret: null, body: {}, headers: headers(s) });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(r.body.savedPaymentMethods).toEqual([]);
    expect(await savedCards(api, customer)).toEqual([]);
    const wrongSecret = await api.request('POST', path(s, pm), { secret: null, body: {}, headers: { 'XPay-Client-Secret': locked.clientSecret } });
    expect(wrongSecret.status).toBe(401);
  });
});

describe('a saved card detached while a payment with it is in flight', () => {
  it('should refuse the payment in its second half, charge nothing, and free the session for another card', async () => {
    // A slow card network, so the detach lands between confirm's two transactions.
    const slow = await startTestSandbox({ XPAY_SANDBOX_ISSUER_LATENCY_MS: '3000' });
    try {
      const { customer, pm } = await customerWithCard(slow);
      const s = await createSession(slow, { customerId: customer });
      const lineItems = [{ name: 'T-shirt', unitAmount: 1250, quantity: 2 }];
      const paying = confirmSaved(slow, s, pm, '123');
      // In flight: the session refuses a line-item change while its intent is held.
      await eventually(async () => {
        const u = await slow.request('POST', `/v1/checkout/sessions/${s.id}`, { body: { lineItems } });
        return u.status === 400 && u.body.error.code === 'payment_intent_unexpected_state';
      });
      expect((await slow.request('POST', `/v1/payment_methods/${pm}/detach`, { body: {} })).status).toBe(200);
      const r = await paying;
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('payment_method_detached');
      const full = await getSession(slow, s.id);
      expect(full.paymentIntent.status).toBe('requires_payment_method');
      expect(full.paymentIntent.charges).toEqual([]);
      expect((await confirm(slow, s, CARDS.mastercard)).body.paymentIntent.status).toBe('succeeded');
    } finally {
      await slow.close();
      slow.cleanup();
    }
  }, 60_000);
});

describe('a saved card detached while its payment is at the issuer', () => {
  it('should let the authentication already under way finish, and never save the card again', async () => {
    const saving = await createSession(api, { customerEmail: '3ds-detach@example.com', savePaymentMethod: 'always' });
    const first = await confirm(api, saving, CARDS.challenge);
    expect((await decideChallenge(first.body.paymentIntent.nextAction.url, 'complete')).status).toBe(200);
    const customer = (await getSession(api, saving.id)).customer.id;
    const [pm] = await savedCards(api, customer);
    const s = await createSession(api, { customerId: customer });
    const r = await confirmSaved(api, s, pm!.id, '123');
    expect(r.body.paymentIntent.status).toBe('requires_action');
    expect((await api.request('POST', `/v1/payment_methods/${pm!.id}/detach`, { body: {} })).status).toBe(200);
    expect((await decideChallenge(r.body.paymentIntent.nextAction.url, 'complete')).status).toBe(200);
    expect((await publicView(api, s)).body.paymentIntent.status).toBe('succeeded');
    expect(await savedCards(api, customer)).toEqual([]);
  });

  it('should detach once when two detaches race', async () => {
    const { pm } = await customerWithCard(api);
    const [a, b] = await Promise.all([
      api.request('POST', `/v1/payment_methods/${pm}/detach`, { body: {} }),
      api.request('POST', `/v1/payment_methods/${pm}/detach`, { body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect((await eventsOf(api, 'payment_method.detached')).filter((e) => e.data.object.id === pm)).toHaveLength(1);
  });
});

describe('expired saved cards', () => {
  // Last: it moves the shared sandbox's clock.
  it('should show an expired saved card as expired and decline it', async () => {
    const now = new Date();
    const s0 = await createSession(api, { customerEmail: 'expiring@example.com', savePaymentMethod: 'always' });
    const body = confirmBody(CARDS.visa);
    Object.assign((body.paymentMethod as { card: object }).card, { expMonth: now.getUTCMonth() + 1, expYear: now.getUTCFullYear() });
    const paid = await api.request('POST', `/v1/checkout/sessions/${s0.id}/confirm`, {
      secret: null,
      body,
      headers: { 'XPay-Client-Secret': s0.clientSecret, 'Idempotency-Key': `expiring-${Date.now()}` },
    });
    expect(paid.body.paymentIntent.status).toBe('succeeded');
    const customer = (await getSession(api, s0.id)).customer.id;
    await advanceClock(api, 40 * 86400);
    const s = await createSession(api, { customerId: customer });
    const view = (await publicView(api, s)).body;
    expect(view.savedPaymentMethods[0].expired).toBe(true);
    const r = await confirmSaved(api, s, view.savedPaymentMethods[0].id, '123');
    expect(r.status).toBe(402);
    expect(r.body.error.code).toBe('expired_card');
  });
});
