import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { fingerprint } from './cards.js';
import type { Store } from './db.js';
import { ApiError, invalid } from './errors.js';
import type { Result } from './engine.js';

/** Request bodies larger than this are refused (413 `body_too_large`). */
export const MAX_BODY_BYTES = 64 * 1024;

export type Env = { Variables: { requestId: string } };

/**
 * Reads a JSON body (empty → `{}`): size-limited, parsed, never logged. The limit holds for chunked
 * bodies too (no Content-Length): reading stops at the first byte past it (issue #8: a 150 MB
 * chunked POST used to be read whole), and the 413 closes the connection rather than drain the rest.
 */
export async function readJson(c: Context<Env>): Promise<unknown> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw bodyTooLarge();
  const text = new TextDecoder().decode(await readAtMost(c.req.raw.body, MAX_BODY_BYTES));
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('invalid_json', 'The request body is not valid JSON.');
  }
}

/** Reads an `application/x-www-form-urlencoded` body (the sandbox's own HTML forms), size-limited. */
export async function readForm(c: Context<Env>): Promise<URLSearchParams> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw bodyTooLarge();
  return new URLSearchParams(new TextDecoder().decode(await readAtMost(c.req.raw.body, MAX_BODY_BYTES)));
}

/** The whole stream, or a 413 as soon as it passes `limit` bytes (the rest is never read). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw bodyTooLarge();
      chunks.push(value);
    }
  } finally {
    // Not cancel(): that would reset the socket before the 413 is written.
    reader.releaseLock();
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const bodyTooLarge = () =>
  new ApiError('invalid_request_error', 'body_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {}, 413, { Connection: 'close' });

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Validates a request body with a strict schema; the first problem becomes a 400 naming `param`. */
export function validate<T extends z.ZodMiniType>(schema: T, data: unknown): z.infer<T> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw invalid('parameter_invalid', 'The request body must be a JSON object.');
  }
  const r = z.safeParse(schema, data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String);
  const name = path.join('.');
  const at = name || 'the body';
  if (issue.code !== 'unrecognized_keys' && issue.path.length > 0 && valueAt(data, issue.path) === undefined) {
    throw invalid('parameter_missing', `Missing required parameter: ${name}.`, name);
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = [...path, (issue as { keys: string[] }).keys[0]!].join('.');
      throw invalid('parameter_unknown', `Unknown parameter: ${key}.`, key);
    }
    case 'invalid_type':
      if (valueAt(data, issue.path) === undefined) throw invalid('parameter_missing', `Missing required parameter: ${name}.`, name);
      throw invalid('parameter_invalid', `${at} must be ${article(String((issue as { expected: string }).expected))}.`, name || undefined);
    case 'too_small': {
      const i = issue as { minimum: number | bigint; origin: string };
      const what = i.origin === 'array' ? `at least ${i.minimum} item(s)` : i.origin === 'string' ? `at least ${i.minimum} character(s)` : `≥ ${i.minimum}`;
      throw invalid('parameter_invalid', `${at} must be ${what}.`, name || undefined);
    }
    case 'too_big': {
      const i = issue as { maximum: number | bigint; origin: string };
      const what = i.origin === 'array' ? `at most ${i.maximum} item(s)` : i.origin === 'string' ? `at most ${i.maximum} character(s)` : `≤ ${i.maximum}`;
      throw invalid('parameter_invalid', `${at} must be ${what}.`, name || undefined);
    }
    case 'invalid_value': {
      const values = (issue as { values: unknown[] }).values;
      throw invalid('parameter_invalid', `${at} must be one of: ${values.map((v) => JSON.stringify(v)).join(', ')}.`, name || undefined);
    }
    case 'invalid_format': {
      const format = (issue as { format: string }).format;
      const what = format === 'url' ? 'an absolute http(s) URL' : format === 'starts_with' ? `an id with the right prefix` : 'in the documented format';
      throw invalid('parameter_invalid', `${at} must be ${what}.`, name || undefined);
    }
    default:
      throw invalid('parameter_invalid', `${at} is invalid.`, name || undefined);
  }
}

function article(expected: string): string {
  const word = expected === 'int' ? 'integer' : expected;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** Serialises through a strict schema: the server never emits what the contract does not describe. */
export function serialise<T extends z.ZodMiniType>(schema: T, value: unknown): unknown {
  const r = z.safeParse(schema, value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ApiError('api_error', 'serialisation_failed', `The sandbox built a response that breaks its schema at ${issue.path.join('.') || '(root)'} (${issue.code}).`);
  }
  return r.data;
}

export function secureEqual(a: string, b: string): boolean {
  const ha = createHmac('sha256', 'cmp').update(a).digest();
  const hb = createHmac('sha256', 'cmp').update(b).digest();
  return timingSafeEqual(ha, hb) && a === b;
}

/** JSON with sorted keys: the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Idempotency (24 h, per key holder). Records keep an HMAC-SHA256 of the canonical request — method,
 * path, canonical JSON body — and the answered response, never the request itself. The HMAC key is
 * the store's card key, which is not in the database, and a confirm's card is hashed by its
 * fingerprint with its CVC left out ({@link withoutCardSecrets}): nothing in a record lets a copy of
 * the database test guesses of a card number or CVC.
 */
export class Idempotency {
  static readonly TTL_MS = 24 * 3600_000;
  constructor(private readonly store: Store) {}

  hash(method: string, path: string, body: unknown): string {
    const key = this.store.fingerprintKey;
    return createHmac('sha256', key)
      .update(`${method}\n${path}\n${canonicalJson(withoutCardSecrets(body, key))}`)
      .digest('hex');
  }

  /** Inside a transaction: a stored answer to replay, or null when the key is new. Throws on conflicts. */
  check(scope: string, key: string, hash: string): Result | null {
    const row = this.store.db
      .prepare('SELECT request_hash, state, status, body, created_at FROM idempotency WHERE scope = ? AND key = ?')
      .get(scope, key) as { request_hash: string; state: string; status: number; body: string; created_at: number } | undefined;
    if (!row) return null;
    if (row.created_at < this.store.nowMs() - Idempotency.TTL_MS) {
      this.store.db.prepare('DELETE FROM idempotency WHERE scope = ? AND key = ?').run(scope, key);
      return null;
    }
    if (row.request_hash !== hash) {
      throw new ApiError('idempotency_error', 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request; use a new key for a new request.');
    }
    if (row.state === 'in_flight') {
      throw new ApiError('idempotency_error', 'idempotency_key_in_use', 'A request with this Idempotency-Key is still being processed; retry shortly.', {}, 409, { 'Retry-After': '1' });
    }
    return { status: row.status, body: JSON.parse(row.body) as unknown };
  }

  begin(scope: string, key: string, hash: string): void {
    this.store.db
      .prepare("INSERT INTO idempotency (scope, key, request_hash, state, created_at) VALUES (?, ?, ?, 'in_flight', ?)")
      .run(scope, key, hash, this.store.nowMs());
  }

  finish(scope: string, key: string, hash: string, result: Result): void {
    this.store.db
      .prepare(
        `INSERT INTO idempotency (scope, key, request_hash, state, status, body, created_at) VALUES (?, ?, ?, 'done', ?, ?, ?)
         ON CONFLICT(scope, key) DO UPDATE SET state = 'done', status = excluded.status, body = excluded.body`,
      )
      .run(scope, key, hash, result.status, JSON.stringify(result.body), this.store.nowMs());
  }

  abandon(scope: string, key: string): void {
    this.store.db.prepare("DELETE FROM idempotency WHERE scope = ? AND key = ? AND state = 'in_flight'").run(scope, key);
  }

  gc(): void {
    this.store.db.prepare("DELETE FROM idempotency WHERE state = 'done' AND created_at < ?").run(this.store.nowMs() - Idempotency.TTL_MS);
  }
}

/**
 * A confirm body as idempotency sees it: `paymentMethod.card.number` becomes the card's keyed
 * fingerprint (a reused key with another card is still a different request) and the CVC is left
 * out (a retry with the same key and another CVC replays the first answer). Other bodies pass as
 * they are.
 */
export function withoutCardSecrets(body: unknown, key: string): unknown {
  const pm = (body as { paymentMethod?: unknown } | null)?.paymentMethod;
  const card = (pm as { card?: unknown } | null | undefined)?.card;
  if (card === null || typeof card !== 'object' || Array.isArray(card)) return body;
  const { number, cvc: _cvc, ...rest } = card as Record<string, unknown>;
  const safeCard = { ...rest, fingerprint: typeof number === 'string' ? fingerprint(number, key) : null };
  return { ...(body as object), paymentMethod: { ...(pm as object), card: safeCard } };
}

/** Validates an Idempotency-Key header value (or its absence). */
export function idempotencyKey(c: Context<Env>): string | null {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return null;
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw invalid('parameter_invalid', 'Idempotency-Key must be 1–255 visible ASCII characters.', 'Idempotency-Key');
  }
  return key;
}
