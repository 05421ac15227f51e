import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cardKeyFile } from '../../../sandbox/card-key.js';
import { fingerprint } from '../../../sandbox/cards.js';
import { canonicalJson } from '../../../sandbox/http.js';
import { REPO_ROOT } from '../../../sandbox/server.js';
import { recoverCards, stealDatabase, type Loot } from './card-recovery.js';
import { CARDS, clientFor, confirmBody, decideChallenge, eventually, FAST_ENV, ORIGIN, sessionBody, tempDir } from './helpers.js';

/** A succeeding Visa that no other payment of the card-recovery test uses: the one it saves. */
const SAVED_CARD = '4000000000004103';

/**
 * The sandbox as merchants run it: a child process (`node --import tsx sandbox/main.ts`, one process
 * so SIGKILL really kills the server), killed with SIGKILL mid-flow and restarted on the same file.
 */
interface Child {
  proc: ChildProcess;
  url: string;
  output: () => string;
}

async function spawnSandbox(env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'sandbox/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...FAST_ENV, XPAY_SANDBOX_LOG: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await eventually(async () => /XPay sandbox listening on (http:\/\/\S+)/.exec(out)?.[1], 15_000, 50);
  return { proc, url, output: () => out };
}

function exited(proc: ChildProcess): Promise<number | null> {
  return new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(proc.exitCode) : proc.once('exit', (code) => r(code))));
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const p of children) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

describe('durability', () => {
  it('should stop cleanly on SIGTERM', async () => {
    const tmp = tempDir();
    const child = await spawnSandbox({ XPAY_SANDBOX_DB: join(tmp.dir, 'db', 'sandbox.db') });
    children.push(child.proc);
    // The key is printed on the line after the URL, which may arrive in a later chunk.
    await eventually(async () => child.output().includes('Test secret key: sk_test_unit'));
    const home = await fetch(child.url + '/');
    expect(home.status).toBe(200);
    child.proc.kill('SIGTERM');
    expect(await exited(child.proc)).toBe(0);
    tmp.cleanup();
  });

  it('should lose nothing answered after SIGKILL, resume scheduled work, and never store card data', async () => {
    const tmp = tempDir();
    const dbPath = join(tmp.dir, 'sandbox.db');
    let hooksUp = false;
    const received: string[] = [];
    const hookServer: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (hooksUp) received.push((JSON.parse(body) as { id: string }).id);
        res.writeHead(hooksUp ? 200 : 503).end();
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    const env = {
      XPAY_SANDBOX_DB: dbPath,
      XPAY_SANDBOX_PROCESSING_MS: '60000',
      XPAY_SANDBOX_WEBHOOK_BACKOFF_MS: '60000',
      XPAY_SANDBOX_ISSUER_LATENCY_MS: '300',
      XPAY_WEBHOOK_URL: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks`,
      XPAY_WEBHOOK_SECRET: 'whsec_durable',
    };
    const amexCvc = '7391';
    try {
      const first = await spawnSandbox(env);
      children.push(first.proc);
      const api = clientFor(first.url);
      const mk = async (extra: Record<string, unknown> = {}) => (await api('POST', '/v1/checkout/sessions', { body: sessionBody(extra) })).body as { id: string; clientSecret: string };
      const pay = (s: { id: string; clientSecret: string }, number: string, key: string, cvc?: string) => {
        const body = confirmBody(number);
        if (cvc) (body.paymentMethod as { card: { cvc: string } }).card.cvc = cvc;
        return api('POST', `/v1/checkout/sessions/${s.id}/confirm`, { secret: null, body, headers: { 'XPay-Client-Secret': s.clientSecret, 'Idempotency-Key': key } });
      };

      // Answered before the crash: a paid session with a refund, a decline, a processing payment.
      const paid = await mk();
      const paidReply = await pay(paid, CARDS.amex, 'paid-1', amexCvc);
      expect(paidReply.status).toBe(200);
      const refund = await api('POST', '/v1/refunds', { body: { paymentIntent: paidReply.body.paymentIntent.id, amount: 500 } });
      expect(refund.status).toBe(200);
      const declined = await mk();
      expect((await pay(declined, CARDS.funds, 'declined-1')).status).toBe(402);
      const processing = await mk();
      expect((await pay(processing, CARDS.processingOk, 'processing-1')).body.paymentIntent.status).toBe('processing');
      const answered = {
        paid: (await api('GET', `/v1/checkout/sessions/${paid.id}`)).body,
        declined: (await api('GET', `/v1/checkout/sessions/${declined.id}`)).body,
        events: (await api('GET', '/v1/events?limit=100')).body.data.map((e: { id: string }) => e.id) as string[],
      };
      expect(answered.events.length).toBeGreaterThanOrEqual(8);

      // A confirm in flight (inside the issuer round trip) when the process dies: never answered.
      const inFlight = await mk();
      const doomed = pay(inFlight, CARDS.visa, 'inflight-1').catch(() => null);
      await new Promise((r) => setTimeout(r, 120));
      first.proc.kill('SIGKILL');
      await exited(first.proc);
      await doomed;
      expect(existsSync(`${dbPath}-wal`)).toBe(true);

      // Restart on the same file; the merchant's endpoint is healthy now.
      hooksUp = true;
      const second = await spawnSandbox(env);
      children.push(second.proc);
      const api2 = clientFor(second.url);
      const strip = (s: { url: string }) => ({ ...s, url: s.url.replace(/^http:\/\/[^/]+/, '') });
      expect(strip((await api2('GET', `/v1/checkout/sessions/${paid.id}`)).body)).toEqual(strip(answered.paid));
      expect(strip((await api2('GET', `/v1/checkout/sessions/${declined.id}`)).body)).toEqual(strip(answered.declined));
      const events = (await api2('GET', '/v1/events?limit=100')).body.data.map((e: { id: string }) => e.id) as string[];
      expect(events).toEqual(expect.arrayContaining(answered.events));
      // The answered confirm replays; the unanswered one holds nothing and can be retried with its key.
      const replay = await clientFor(second.url)('POST', `/v1/checkout/sessions/${paid.id}/confirm`, {
        secret: null,
        body: (() => { const b = confirmBody(CARDS.amex); (b.paymentMethod as { card: { cvc: string } }).card.cvc = amexCvc; return b; })(),
        headers: { 'XPay-Client-Secret': paid.clientSecret, 'Idempotency-Key': 'paid-1' },
      });
      expect(replay.body).toEqual(paidReply.body);
      const retried = await api2('POST', `/v1/checkout/sessions/${inFlight.id}/confirm`, {
        secret: null,
        body: confirmBody(CARDS.visa),
        headers: { 'XPay-Client-Secret': inFlight.clientSecret, 'Idempotency-Key': 'inflight-1' },
      });
      expect(retried.status).toBe(200);
      expect(retried.body.paymentIntent.status).toBe('succeeded');

      // Scheduled work resumes: the processing payment completes, failed deliveries are retried.
      expect((await api2('GET', `/v1/checkout/sessions/${processing.id}`)).body.paymentIntent.status).toBe('processing');
      await api2('POST', '/v1/test_helpers/advance_clock', { body: { seconds: 120 } });
      const done = (await api2('GET', `/v1/checkout/sessions/${processing.id}`)).body;
      expect(done.paymentIntent.status).toBe('succeeded');
      expect(done.status).toBe('complete');
      await eventually(async () => answered.events.every((id) => received.includes(id)), 10_000);

      second.proc.kill('SIGKILL');
      await exited(second.proc);

      // No card number (plain or spaced) or CVC in the database, its WAL, or the server's output.
      const haystacks = {
        db: readFileSync(dbPath).toString('latin1'),
        wal: existsSync(`${dbPath}-wal`) ? readFileSync(`${dbPath}-wal`).toString('latin1') : '',
        output: first.output() + second.output(),
      };
      expect(haystacks.wal.length).toBeGreaterThan(0);
      const spaced = (n: string) => (n.length === 15 ? `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}` : n.replace(/(\d{4})(?=\d)/g, '$1 '));
      for (const [name, text] of Object.entries(haystacks)) {
        for (const number of [CARDS.amex, CARDS.visa, CARDS.funds, CARDS.processingOk]) {
          expect(text.includes(number), `${number} in ${name}`).toBe(false);
          expect(text.includes(spaced(number)), `${spaced(number)} in ${name}`).toBe(false);
        }
        expect(text.includes(`"${amexCvc}"`), `CVC in ${name}`).toBe(false);
        // The word, not the letters: random ids in the WAL (base62) can contain "cvc" by chance.
        expect(/\bcvc\b/i.test(text), `"cvc" in ${name}`).toBe(false);
      }
      expect(haystacks.db + haystacks.wal).toContain('0005'); // last4 is kept, as documented
    } finally {
      hookServer.closeAllConnections();
      hookServer.close();
      tmp.cleanup();
    }
  }, 60_000);

  it('should keep every card number and CVC unrecoverable from a copy of the database files, saved cards included (issues #8, #11)', async () => {
    const tmp = tempDir();
    const dbPath = join(tmp.dir, 'sandbox.db');
    const env = { XPAY_SANDBOX_DB: dbPath, XPAY_SANDBOX_LOG: '0' };
    try {
      const first = await spawnSandbox(env);
      children.push(first.proc);
      const api = clientFor(first.url);
      // Each payment: its own session, card, CVC and key, so the old-scheme replay below knows
      // exactly which body each stored hash covered.
      const sent: { sessionId: string; number: string; cvc: string; body: Record<string, unknown> }[] = [];
      const pay = async (number: string) => {
        const s = (await api('POST', '/v1/checkout/sessions', { body: sessionBody() })).body as { id: string; clientSecret: string };
        const cvc = String(randomBytes(2).readUInt16BE() % (number.startsWith('37') ? 10_000 : 1000)).padStart(number.startsWith('37') ? 4 : 3, '0');
        const body = confirmBody(number);
        (body.paymentMethod as { card: { cvc: string } }).card.cvc = cvc;
        sent.push({ sessionId: s.id, number, cvc, body });
        const r = await api('POST', `/v1/checkout/sessions/${s.id}/confirm`, {
          secret: null,
          body,
          headers: { 'XPay-Client-Secret': s.clientSecret, 'Idempotency-Key': `pay-${sent.length}` },
        });
        return r;
      };
      expect((await pay(CARDS.visa)).status).toBe(200);
      expect((await pay(CARDS.amex)).status).toBe(200);
      expect((await pay(CARDS.mastercard)).status).toBe(200);
      expect((await pay(CARDS.generic)).status).toBe(402);
      expect((await pay(CARDS.funds)).status).toBe(402);
      expect((await pay(CARDS.frictionless)).status).toBe(200);
      for (const [number, outcome] of [[CARDS.challenge, 'succeeded'], [CARDS.challengeDecline, 'requires_payment_method']] as const) {
        const r = await pay(number);
        expect(r.body.paymentIntent.status).toBe('requires_action');
        expect((await decideChallenge(r.body.paymentIntent.nextAction.url, 'complete')).status).toBe(200);
        const after = await api('GET', `/v1/checkout/sessions/${sent.at(-1)!.sessionId}`);
        expect(after.body.paymentIntent.status).toBe(outcome);
      }

      // Saved cards (issue #11): a card saved by one payment, then paid with again by its id and a
      // fresh CVC. The saving payment is left out of `sent` (its number would be there twice).
      const randomCvc = () => String(randomBytes(2).readUInt16BE() % 1000).padStart(3, '0');
      const saving = (await api('POST', '/v1/checkout/sessions', { body: sessionBody({ customerEmail: 'saver@example.com', savePaymentMethod: 'always' }) })).body;
      const savingBody = confirmBody(SAVED_CARD);
      (savingBody.paymentMethod as { card: { cvc: string } }).card.cvc = randomCvc();
      const saved = await api('POST', `/v1/checkout/sessions/${saving.id}/confirm`, {
        secret: null,
        body: savingBody,
        headers: { 'XPay-Client-Secret': saving.clientSecret, 'Idempotency-Key': 'save-card' },
      });
      expect(saved.status).toBe(200);
      const customer = (await api('GET', `/v1/checkout/sessions/${saving.id}`)).body.customer.id as string;
      const pmId = (await api('GET', `/v1/customers/${customer}/payment_methods`)).body.data[0].id as string;
      const returning = (await api('POST', '/v1/checkout/sessions', { body: sessionBody({ customerId: customer }) })).body;
      const savedCvc = randomCvc();
      const savedBody = { paymentMethod: { type: 'card', id: pmId, card: { cvc: savedCvc } }, returnOrigin: ORIGIN };
      sent.push({ sessionId: returning.id, number: SAVED_CARD, cvc: savedCvc, body: savedBody });
      const paidSaved = await api('POST', `/v1/checkout/sessions/${returning.id}/confirm`, {
        secret: null,
        body: savedBody,
        headers: { 'XPay-Client-Secret': returning.clientSecret, 'Idempotency-Key': 'pay-saved' },
      });
      expect(paidSaved.body.paymentIntent.status).toBe('succeeded');

      const visaFingerprint = (await api('GET', `/v1/checkout/sessions/${sent[0]!.sessionId}`)).body.paymentIntent.charges[0].paymentMethodDetails.card.fingerprint as string;

      // The key lives beside the database, readable by its owner only, and survives a restart.
      const keyFile = cardKeyFile(dbPath);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      await eventually(async () => first.output().includes(`Card key: ${keyFile}`));
      expect(first.output()).not.toContain(readFileSync(keyFile, 'utf8').trim());
      first.proc.kill('SIGKILL');
      await exited(first.proc);
      const second = await spawnSandbox(env);
      children.push(second.proc);
      const again = await clientFor(second.url)('POST', '/v1/checkout/sessions', { body: sessionBody() });
      const paidAgain = await clientFor(second.url)('POST', `/v1/checkout/sessions/${again.body.id}/confirm`, {
        secret: null,
        body: confirmBody(CARDS.visa),
        headers: { 'XPay-Client-Secret': again.body.clientSecret, 'Idempotency-Key': 'after-restart' },
      });
      expect(paidAgain.status).toBe(200);
      const full = await clientFor(second.url)('GET', `/v1/checkout/sessions/${again.body.id}`);
      expect(full.body.paymentIntent.charges[0].paymentMethodDetails.card.fingerprint).toBe(visaFingerprint);
      second.proc.kill('SIGKILL');
      await exited(second.proc);

      // The attacker's copy: the .db and its WAL, not the key file.
      const loot = stealDatabase(dbPath);
      expect(loot.charges.length).toBeGreaterThanOrEqual(sent.length);
      expect(loot.records.length).toBeGreaterThanOrEqual(sent.length);
      expect(recoverCards(loot)).toEqual([]);
      // Even an attacker who already has the numbers can neither confirm them nor test CVC guesses.
      expect(recoverCards(loot, sent.map((p) => p.number))).toEqual([]);

      // The same attack on the same payments stored the old way (key in meta, whole body hashed)
      // gets every card back, so the check above can fail.
      const oldKey = randomBytes(32).toString('hex');
      const byLast4 = (c: { last4: string; sessionId: string }) => sent.find((p) => p.sessionId === c.sessionId && p.number.endsWith(c.last4))!;
      const oldScheme: Loot = {
        ...loot,
        meta: { ...loot.meta, fingerprint_key: oldKey },
        charges: loot.charges.filter((c) => sent.some((p) => p.sessionId === c.sessionId)).map((c) => ({ ...c, fingerprint: fingerprint(byLast4(c).number, oldKey) })),
        records: loot.records
          .filter((r) => sent.some((p) => p.sessionId === r.sessionId))
          .map((r) => {
            const p = sent.find((x) => x.sessionId === r.sessionId)!;
            const hash = createHmac('sha256', oldKey).update(`POST\n/v1/checkout/sessions/${p.sessionId}/confirm\n${canonicalJson(p.body)}`).digest('hex');
            return { ...r, hash };
          }),
      };
      const recovered = recoverCards(oldScheme);
      expect(recovered.map((c) => `${c.number}/${c.cvc}`).sort()).toEqual(sent.map((p) => `${p.number}/${p.cvc}`).sort());
    } finally {
      tmp.cleanup();
    }
  }, 120_000);
});
