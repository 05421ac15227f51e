/**
 * The card frame ⇄ host (widget) message protocol, version 1.
 *
 * Every message is `{ v: 1, type, … }`, validated with zod on receipt; anything unknown, malformed or
 * oversized is dropped (the parsers return null). Card digits and the CVC never appear in a
 * frame → host message: `change` carries error codes and the brand, `result` the public session view.
 *
 * Schemas are built on first use (see `lazy`), never at module load. The frame bundle sets
 * `z.config({ jitless: true })` in its entry, since its CSP forbids `eval`.
 */
import * as z from 'zod/mini';
import { CARD_BRANDS, CHALLENGE_WINDOW_SIZES } from '../api/enums.js';
import { lazy, lenientKit } from '../api/kit.js';
import { exceedsJsonSize, MAX_MESSAGE_SIZE } from '../api/limits.js';
import { CLIENT_SECRET } from '../api/paths.js';
import { isLocaleInput, malformedLocale } from '../i18n/locale.js';
import {
  clientSchemas,
  type ClientPublicIntent,
  type ClientPublicSession,
} from '../api/schemas.js';
import {
  CARD_FIELDS,
  CVC_ERRORS,
  EXPIRY_ERRORS,
  NAME_ERRORS,
  NUMBER_ERRORS,
  type CardField,
} from '../card/validate.js';

/** The protocol major version; a breaking change bumps it and the frame path. */
export const FRAME_PROTOCOL_VERSION = 1;
/** Where the API origin serves this major version of the frame. */
export const FRAME_PATH = `/frames/card/v${FRAME_PROTOCOL_VERSION}/`;
/**
 * Messages larger than this (as JSON, estimated) are dropped unread. Derived from the largest public
 * view the sandbox stores, so a confirm result always fits (see api/limits.ts for why they agree).
 */
export const MAX_MESSAGE_BYTES = MAX_MESSAGE_SIZE;

/** Style tokens the host may send, each becoming `--xpay-<kebab-name>` inside the frame. */
export const STYLE_TOKEN_NAMES = [
  'fontFamily',
  'fontSize',
  'colorText',
  'colorBackground',
  'inputBackground',
  'inputBorder',
  'focusRing',
  'radius',
  'colorDanger',
  'colorPlaceholder',
] as const;
export type StyleTokenName = (typeof STYLE_TOKEN_NAMES)[number];
export type StyleTokens = Partial<Record<StyleTokenName, string>>;

/**
 * A conservative CSS value: colours, lengths, font lists, `rgb()`/`hsl()`/`color-mix()`-style
 * functions. No `;`, braces, backslashes, angle brackets, `@`, `!`, comments, or functions that load
 * or reference anything (`url(`, `image(`, `image-set(`, `src(`, `element(`, `attr(`, `var(`,
 * `expression(`).
 */
export const SAFE_CSS_VALUE =
  /^(?!.*(?:url|image|image-set|src|element|attr|var|expression)\s*\()(?!.*\/\*)[-\w\s#(),.%'"/+]{1,200}$/i;

/** What the customer may choose in the frame's method section: `change.method` (issue #11). */
export const PAYMENT_CHOICES = ['card', 'saved_card', 'bank_redirect'] as const;

/** Error codes the frame sends in `change`, per field (unknown codes from a newer frame → 'unknown'). */
export interface FrameFieldErrors {
  name?: (typeof NAME_ERRORS)[number] | 'unknown';
  number?: (typeof NUMBER_ERRORS)[number] | 'unknown';
  expiry?: (typeof EXPIRY_ERRORS)[number] | 'unknown';
  cvc?: (typeof CVC_ERRORS)[number] | 'unknown';
}

/** The error shape of a failed `result`, the widget's one `XpayError` shape. */
export interface FrameResultError {
  type: 'card_error' | 'validation_error' | 'api_error' | 'network_error' | 'integration_error';
  code: string;
  declineCode?: string;
  message: string;
  requestId?: string;
  /** On a 400: the request field the API refused, e.g. `paymentMethod.billingDetails.address`. */
  param?: string;
}

/** Billing details the host collected (the frame adds the name on the card). */
export interface HostBillingDetails {
  email?: string;
  phone?: string;
  address?: {
    line1?: string;
    line2?: string | null;
    city?: string;
    state?: string;
    postalCode: string;
    country: string;
  };
}

/**
 * What a `read` asks the frame to do with the session, on the frame's own origin (no CORS): `get`
 * its public view, `wait` for a version newer than `since` (the long-poll), or `abandon` the open
 * 3-D Secure challenge. Every one answers the public view.
 */
export const READ_KINDS = ['get', 'wait', 'abandon'] as const;
export type ReadKind = (typeof READ_KINDS)[number];

/** Messages the host posts to the frame. */
export type HostMessage =
  /**
   * `locale` is the element's `locale` input (`auto` or a tag): the frame resolves it with the
   * session's `locale` and the browser's languages, since it reads the session first. Absent (a
   * host from before the frame spoke other languages) means `auto`; one that is not a tag is read
   * as `auto`, said in the console.
   */
  | {
      v: 1;
      type: 'init';
      clientSecret: string;
      locale?: string;
      styleTokens: StyleTokens;
      /**
       * False when the merchant set `redirect="never"`: the frame then offers no method that must
       * leave the page (`bank_redirect`). Absent means true (issue #11).
       */
      redirectAllowed?: boolean;
    }
  /** A session call; the frame answers with a `session` message carrying the same `id`. */
  | { v: 1; type: 'read'; id: number; kind: ReadKind; since?: number }
  /** The host no longer wants read `id` (a newer long-poll, a stopped session): the frame aborts it. */
  | { v: 1; type: 'cancel'; id: number }
  | { v: 1; type: 'focus'; field?: CardField }
  | { v: 1; type: 'clear' }
  | {
      v: 1;
      type: 'confirm';
      idempotencyKey: string;
      billingDetails: HostBillingDetails;
      returnOrigin: string;
      challengeWindowSize?: (typeof CHALLENGE_WINDOW_SIZES)[number];
      /** Where a redirect method sends the customer back; the session's `returnUrl` when absent. */
      returnUrl?: string;
    };

/** The outcome of a `confirm`, echoing its idempotency key so the host can match it. */
export type FrameResult =
  | { v: 1; type: 'result'; idempotencyKey: string; ok: true; session: ClientPublicSession }
  | {
      v: 1;
      type: 'result';
      idempotencyKey: string;
      ok: false;
      error: FrameResultError;
      /** On a decline (402): the intent, back in `requires_payment_method`. */
      paymentIntent?: ClientPublicIntent;
      session?: ClientPublicSession;
    };

/**
 * The answer to a `read`: the public view, or the error already classified as the customer should
 * see it (a read's failure is `network_error` unless the API refused the integration; an abandon's
 * is the API's own, since only the host knows whether it may have happened).
 */
export type FrameSessionReply =
  | { v: 1; type: 'session'; id: number; ok: true; session: ClientPublicSession }
  | { v: 1; type: 'session'; id: number; ok: false; error: FrameResultError };

/** Messages the frame posts to the host. */
export type FrameMessage =
  | { v: 1; type: 'ready'; protocolVersion: number }
  | FrameSessionReply
  | {
      v: 1;
      type: 'change';
      empty: boolean;
      complete: boolean;
      brand: (typeof CARD_BRANDS)[number];
      errors: FrameFieldErrors;
      /**
       * What the customer chose to pay with in the frame's method section (issue #11): a new card,
       * one of their saved cards, or a bank redirect. Absent from a frame that offers only a new card.
       */
      method?: (typeof PAYMENT_CHOICES)[number] | 'unknown';
    }
  | { v: 1; type: 'focus'; field: CardField }
  | { v: 1; type: 'blur'; field: CardField }
  | { v: 1; type: 'submit' }
  | { v: 1; type: 'resize'; height: number }
  /**
   * The language the frame resolved and now speaks (`locale`, one of SUPPORTED_LOCALES; `en` when its
   * catalogue could not be had), the tag it was chosen for (`requested`, for `Intl` formatting), and
   * for a locale other than English the host's part of its catalogue (`checkout`), which the host
   * completes with English key by key (`withEnglishFallback`). Sent before the first session view.
   */
  | { v: 1; type: 'locale'; locale: string; requested: string; checkout?: unknown }
  | FrameResult;

/** A message as it leaves its sender: the version is added by the sender. */
export type Unversioned<M> = M extends unknown ? Omit<M, 'v'> : never;

/**
 * Whether `s` is a string of at most `max` characters (code points, as `z.maxLength` counts them)
 * that matches `pattern` when one is given.
 */
const isText = (s: unknown, max: number, pattern?: RegExp): s is string =>
  typeof s === 'string' && [...s].length <= max && (!pattern || pattern.test(s));

/**
 * A string schema: {@link isText} as a `z.custom` predicate rather than `z.string()` with
 * `z.maxLength` or `z.regex`, whose classes would cost the CDN bundle ~0.4 KB brotli for these few
 * fields (see lenientKit) and the card frame ~0.25 KB. No issue message: a message that fails its
 * schema is dropped (the parsers return null), so nobody ever reads one.
 */
const text = (max: number, pattern?: RegExp) => z.custom<string>((s) => isText(s, max, pattern));

/**
 * A value `accepts` takes, or else `fallback(value)` in its place: what z.catch does for a
 * predicate, as a z.overwrite (the lenient kit's way for enums and URLs), so the frame bundles no
 * $ZodCatch (~0.14 KB brotli). Wrap it in z.optional: an absent key stays absent (z.catch would
 * call the fallback for it).
 */
const orElse = <T>(accepts: (value: unknown) => value is T, fallback: (value: unknown) => T) =>
  z.custom<T>().check(z.overwrite((value) => (accepts(value) ? value : fallback(value))));

/** Keys of the two-variant messages (`result`, `session`) in the frame schema table: `type:ok|error`. */
const RESULT_OK = 'result:ok';
const RESULT_ERROR = 'result:error';
const SESSION_OK = 'session:ok';
const SESSION_ERROR = 'session:error';

/*
 * One zod object schema per message type, picked by `type` (and by `ok` for results) before parsing.
 * This is a discriminated union validated with zod, dispatched by hand: z.discriminatedUnion and
 * z.omit cost about a kilobyte of the frame's 14 KB brotli budget, for a lookup this plain.
 */
const hostSchemas = /* @__PURE__ */ lazy(() => {
  // The lenient kit's predicates, as in the widget's schemas: z.literal, z.boolean and z.nullable
  // would each bundle a zod class (0.22 KB brotli of the frame for the three). Only the helpers used
  // here are bundled: Rolldown drops the kit's other properties, and lenientKit.object is z.object.
  const k = lenientKit;
  const v = k.literal(FRAME_PROTOCOL_VERSION);
  /** Above every billing field length the API accepts (320 for an email), so the API judges them. */
  const billingMax = 1000;
  const billingText = text(billingMax);
  const styleValue = z.optional(orElse((s) => isText(s, 200, SAFE_CSS_VALUE), () => undefined));
  const styleTokens = z.object(
    Object.fromEntries(STYLE_TOKEN_NAMES.map((name) => [name, styleValue])) as Record<
      StyleTokenName,
      typeof styleValue
    >,
  );
  return {
    init: z.object({
      v,
      type: k.literal('init'),
      clientSecret: text(256, CLIENT_SECRET),
      // The element's input as the merchant set it: one that is not a tag `Intl` takes is `auto`
      // (said in the console), not a dropped init.
      locale: z.optional(orElse(isLocaleInput, malformedLocale)),
      styleTokens,
      redirectAllowed: z.optional(k.bool()),
    }),
    read: z.object({
      v,
      type: k.literal('read'),
      id: z.custom<number>(Number.isSafeInteger),
      kind: k.literal(READ_KINDS),
      since: z.optional(z.custom<number>(Number.isSafeInteger)),
    }),
    cancel: z.object({ v, type: k.literal('cancel'), id: z.custom<number>(Number.isSafeInteger) }),
    focus: z.object({ v, type: k.literal('focus'), field: z.optional(k.literal(CARD_FIELDS)) }),
    clear: z.object({ v, type: k.literal('clear') }),
    confirm: z.object({
      v,
      type: k.literal('confirm'),
      idempotencyKey: text(255, /^[\w-]{8,255}$/),
      // The billing details minus the name, which the frame takes from its own field. Shape and a
      // bound only: the API validates the values and lengths, and its 400 names the `param`, which
      // the host shows under the field (issue 8 §9). A bound tighter than the API's would drop the
      // confirm unanswered instead (a 21-character postal code used to hang the pay button).
      // Building the shared schemas here would cost the frame ~1.4 KB brotli of its 14 KB budget.
      billingDetails: z.object({
        email: z.optional(billingText),
        phone: z.optional(billingText),
        address: z.optional(
          z.object({
            line1: z.optional(billingText),
            line2: z.optional(z.custom<string | null>((s) => s === null || isText(s, billingMax))),
            city: z.optional(billingText),
            state: z.optional(billingText),
            postalCode: billingText,
            country: billingText,
          }),
        ),
      }),
      returnOrigin: text(300, /^https?:\/\/[^/?#\s]+$/),
      challengeWindowSize: z.optional(k.literal(CHALLENGE_WINDOW_SIZES)),
      returnUrl: z.optional(text(2048, /^https?:\/\//)),
    }),
  };
});

const frameSchemas = /* @__PURE__ */ lazy(() => {
  const s = clientSchemas();
  const k = lenientKit;
  const v = k.literal(FRAME_PROTOCOL_VERSION);
  const field = k.literal(CARD_FIELDS);
  const idempotencyKey = text(255);
  const result = k.literal('result');
  const error = k.object({
    type: k.literal(['card_error', 'validation_error', 'api_error', 'network_error', 'integration_error']),
    code: text(100),
    declineCode: z.optional(text(100)),
    message: text(1000),
    requestId: z.optional(text(100)),
    param: z.optional(text(200)),
  });
  const session = k.literal('session');
  const id = z.custom<number>(Number.isSafeInteger);
  return {
    ready: k.object({ v, type: k.literal('ready'), protocolVersion: k.int() }),
    [SESSION_OK]: k.object({ v, type: session, id, ok: k.literal(true), session: s.PublicSession }),
    [SESSION_ERROR]: k.object({ v, type: session, id, ok: k.literal(false), error }),
    change: k.object({
      v,
      type: k.literal('change'),
      empty: k.bool(),
      complete: k.bool(),
      brand: k.oneOf(CARD_BRANDS),
      errors: k.object({
        name: z.optional(k.oneOf(NAME_ERRORS)),
        number: z.optional(k.oneOf(NUMBER_ERRORS)),
        expiry: z.optional(k.oneOf(EXPIRY_ERRORS)),
        cvc: z.optional(k.oneOf(CVC_ERRORS)),
      }),
      method: z.optional(k.oneOf(PAYMENT_CHOICES)),
    }),
    focus: k.object({ v, type: k.literal('focus'), field }),
    blur: k.object({ v, type: k.literal('blur'), field }),
    submit: k.object({ v, type: k.literal('submit') }),
    resize: k.object({
      v,
      type: k.literal('resize'),
      height: z.custom<number>((h) => typeof h === 'number' && h >= 0 && h <= 10_000),
    }),
    locale: k.object({
      v,
      type: k.literal('locale'),
      // Tags the frame resolved from validated inputs (locale.ts): bounded here, not re-parsed.
      locale: text(35),
      requested: text(35),
      // Checked entry by entry on receipt (withEnglishFallback); the message cap bounds its size.
      checkout: z.optional(z.custom<unknown>()),
    }),
    [RESULT_OK]: k.object({ v, type: result, idempotencyKey, ok: k.literal(true), session: s.PublicSession }),
    [RESULT_ERROR]: k.object({
      v,
      type: result,
      idempotencyKey,
      ok: k.literal(false),
      error,
      paymentIntent: z.optional(s.PublicIntent),
      session: z.optional(s.PublicSession),
    }),
  };
});

/**
 * Whether `value` is over the message cap (or `limit`): {@link exceedsJsonSize}, the estimate the
 * sandbox also bounds its views with (see api/limits.ts).
 */
export function exceedsMessageSize(value: unknown, limit = MAX_MESSAGE_BYTES): boolean {
  return exceedsJsonSize(value, limit);
}

function parseWith<T>(schemas: Record<string, z.ZodMiniType>, data: unknown): T | null {
  if (data === null || typeof data !== 'object' || exceedsJsonSize(data, MAX_MESSAGE_BYTES)) return null;
  const { type, ok } = data as { type?: unknown; ok?: unknown };
  const key = type === 'result' || type === 'session' ? `${type}:${ok === true ? 'ok' : 'error'}` : type;
  // Own keys only: "constructor" or "__proto__" must not find anything.
  if (typeof key !== 'string' || !Object.hasOwn(schemas, key)) return null;
  const parsed = schemas[key]!.safeParse(data);
  return parsed.success ? (parsed.data as T) : null;
}

/** Validates a host → frame message; null for anything unknown, malformed or oversized. */
export function parseHostMessage(data: unknown): HostMessage | null {
  return parseWith<HostMessage>(hostSchemas(), data);
}

/** Validates a frame → host message; null for anything unknown, malformed or oversized. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  return parseWith<FrameMessage>(frameSchemas(), data);
}

/**
 * The `protocolVersion` a frame announces in its `ready`, whatever its `v`. Lets a host that cannot
 * parse a newer frame's messages still say which version it met (`frame_version_unsupported`).
 */
export function announcedFrameVersion(data: unknown): number | null {
  if (data === null || typeof data !== 'object') return null;
  const { type, protocolVersion } = data as { type?: unknown; protocolVersion?: unknown };
  return type === 'ready' && Number.isInteger(protocolVersion) ? (protocolVersion as number) : null;
}

/** The parts of a `MessageEvent` the guard reads (a plain object in Node tests). */
export type MessageLike = Pick<MessageEvent, 'origin' | 'source' | 'data'>;

/** Options for {@link createMessageGuard}. */
export interface MessageGuardOptions<T> {
  /** The one origin accepted, compared exactly (scheme, host and port). */
  expectedOrigin: string;
  /**
   * The window the messages must come from (the frame's `contentWindow` on the host, `window.parent`
   * in the frame); a function when it can change (an iframe that reloads).
   */
  expectedSource: MessageEventSource | null | (() => MessageEventSource | null);
  /** Shape check, e.g. {@link parseHostMessage}. */
  parse: (data: unknown) => T | null;
}

/**
 * Builds a `message` event filter that checks, in this order, `event.origin`, then `event.source`,
 * then the shape, and returns the parsed message or null. Origin first: it is the cheap check that
 * rejects every unrelated sender before any of its data is read.
 */
export function createMessageGuard<T>(options: MessageGuardOptions<T>): (event: MessageLike) => T | null {
  const { expectedOrigin, expectedSource, parse } = options;
  return (event) => {
    if (event.origin !== expectedOrigin) return null;
    const source = typeof expectedSource === 'function' ? expectedSource() : expectedSource;
    if (source === null || event.source !== source) return null;
    return parse(event.data);
  };
}

// Compile-time proof that the hand-written message types and the schemas agree in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Variants<T extends () => Record<string, z.ZodMiniType>> = z.infer<ReturnType<T>[keyof ReturnType<T>]>;
const typesMatchSchemas: [
  Same<Variants<typeof hostSchemas>, HostMessage>,
  Same<Variants<typeof frameSchemas>, FrameMessage>,
] = [true, true];
void typesMatchSchemas;
