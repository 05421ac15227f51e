import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { serverSchemas } from '../src/api/schemas.js';
import type { Result } from './engine.js';
import { ApiError } from './errors.js';
import { serialise, type Env } from './http.js';
import { pageCsp } from './pages.js';

/**
 * How the sandbox answers: JSON results (never cached), error bodies with the request's id, and its
 * own HTML pages under a strict CSP. Every JSON body went through a strict schema first.
 */

/** An origin safe to put in a CSP source list: scheme, host, optional port; nothing else. */
export const STRICT_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } as const;

/** The sandbox's own origin as the request reached it. */
export const ownOrigin = (c: Context<Env>): string => new URL(c.req.url).origin;

/** A 200 whose body is `value` checked against `schema`. */
export const ok = (schema: z.ZodMiniType, value: unknown): Result => ({ status: 200, body: serialise(schema, value) });

/** An error as a result (for idempotent replays and the two-phase confirm). */
export function errorResult(err: ApiError, requestId: string): Result {
  return { status: err.status, body: serialise(serverSchemas().ErrorBody, err.body(requestId)) };
}

/** A computed error body (a decline from the engine) stamped with this request's id. */
export function withRequestId(body: unknown, requestId: string): unknown {
  const b = body as { error: Record<string, unknown> };
  return { error: { ...b.error, requestId } };
}

/** Sends a result as JSON. */
export function send(c: Context<Env>, r: Result, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(r.body), r.status as 200, { ...headers, ...JSON_HEADERS });
}

/** Sends an error as JSON, with the error's own headers (Retry-After, Connection). */
export function sendError(c: Context<Env>, err: ApiError): Response {
  const r = errorResult(err, c.get('requestId'));
  return c.body(JSON.stringify(r.body), r.status as 400, { ...err.headers, ...JSON_HEADERS });
}

/** One of the sandbox's HTML pages: no framing unless `frameAncestors` says so, no referrer. */
export function html(c: Context<Env>, body: string, status = 200, frameAncestors = "'none'"): Response {
  return c.body(body, status as 200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': pageCsp(frameAncestors),
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
}
