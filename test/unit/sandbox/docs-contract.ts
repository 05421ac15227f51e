/**
 * Runs the examples of docs/sandbox-api.md against a real sandbox. Each `### METHOD /path` section
 * (optionally `(variant)`) holds a `Request:` JSON block (absent for GETs) and a `Response \`NNN\`:`
 * JSON block. Ids in paths (`:id`) and in request bodies are replaced by real ones from the flow,
 * created by the setup steps below; everything else is sent exactly as documented.
 */
import { CARDS, clientFor, confirmBody, ORIGIN, SECRET, sessionBody } from './helpers.js';

export interface DocSection {
  key: string;
  method: string;
  path: string;
  variant: string | null;
  request: unknown;
  status: number;
  response: unknown;
}

export function parseDoc(markdown: string): DocSection[] {
  const sections: DocSection[] = [];
  const parts = markdown.split(/^### /m).slice(1);
  for (const part of parts) {
    const heading = part.split('\n', 1)[0]!.trim();
    const m = /^(GET|POST|DELETE) (\S+)(?: \((.+)\))?$/.exec(heading);
    if (!m) continue;
    const block = (after: RegExp): string | null => {
      const at = part.search(after);
      if (at < 0) return null;
      const rest = part.slice(at);
      const fence = /```json\n([\s\S]*?)\n```/.exec(rest);
      return fence ? fence[1]! : null;
    };
    const req = block(/^Request:/m);
    const statusMatch = /^Response `(\d{3})`:/m.exec(part);
    const res = block(/^Response `\d{3}`:/m);
    if (!statusMatch || res === null) throw new Error(`docs section "${heading}" has no Response \`NNN\`: json block`);
    sections.push({
      key: heading,
      method: m[1]!,
      path: m[2]!,
      variant: m[3] ?? null,
      request: req === null ? undefined : JSON.parse(req),
      status: Number(statusMatch[1]),
      response: JSON.parse(res),
    });
  }
  return sections;
}

type Ctx = Record<string, string>;
type Request = ReturnType<typeof clientFor>;

const PREFIX_KIND: [RegExp, string][] = [
  [/^cs_test_[A-Za-z0-9]+$/, 'cs'],
  [/^pi_/, 'pi'],
  [/^ch_/, 'ch'],
  [/^re_/, 're'],
  [/^cus_/, 'cus'],
  [/^evt_/, 'evt'],
  [/^we_/, 'we'],
  [/^plink_/, 'plink'],
  [/^pm_/, 'pm'],
];

function substitute(value: unknown, ctx: Ctx): unknown {
  if (typeof value === 'string') {
    for (const [re, kind] of PREFIX_KIND) if (re.test(value) && ctx[kind]) return ctx[kind];
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, ctx));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, ctx)]));
  }
  return value;
}

function idKindForPath(path: string): string {
  if (path.startsWith('/v1/checkout/sessions/')) return 'cs';
  if (path.startsWith('/v1/payment_intents/')) return 'pi';
  if (path.startsWith('/v1/refunds/')) return 're';
  if (path.startsWith('/v1/customers/')) return 'cus';
  if (path.startsWith('/v1/events/')) return 'evt';
  if (path.startsWith('/v1/webhook_endpoints/')) return 'we';
  if (path.startsWith('/v1/payment_links/')) return 'plink';
  if (path.startsWith('/v1/payment_methods/')) return 'pm';
  return '';
}

/** Prerequisites some sections need (a fresh session, a manual-capture authorisation, …). */
function setups(api: Request): Record<string, (ctx: Ctx) => Promise<void>> {
  const newSession = async (ctx: Ctx, extra: Record<string, unknown> = {}) => {
    const s = (await api('POST', '/v1/checkout/sessions', { body: sessionBody(extra) })).body;
    ctx.cs = s.id;
    ctx.secret = s.clientSecret;
  };
  const authorised = async (ctx: Ctx) => {
    await newSession(ctx, { captureMethod: 'manual' });
    const r = await api('POST', `/v1/checkout/sessions/${ctx.cs}/confirm`, {
      secret: null,
      body: confirmBody(CARDS.visa),
      headers: { 'XPay-Client-Secret': ctx.secret!, 'Idempotency-Key': `setup-${Math.random()}` },
    });
    ctx.pi = r.body.paymentIntent.id;
  };
  /** A customer with a saved card: ctx.cus and ctx.pm. */
  const savedCard = async (ctx: Ctx) => {
    await newSession(ctx, { customerEmail: 'jo@example.com', savePaymentMethod: 'always' });
    await api('POST', `/v1/checkout/sessions/${ctx.cs}/confirm`, {
      secret: null,
      body: confirmBody(CARDS.visa),
      headers: { 'XPay-Client-Secret': ctx.secret!, 'Idempotency-Key': `setup-${Math.random()}` },
    });
    ctx.cus = (await api('GET', `/v1/checkout/sessions/${ctx.cs}`)).body.customer.id;
    ctx.pm = (await api('GET', `/v1/customers/${ctx.cus}/payment_methods`)).body.data[0].id;
  };
  return {
    'GET /v1/customers/:id/payment_methods': savedCard,
    'POST /v1/checkout/sessions/:id/confirm (saved card)': (ctx) => newSession(ctx, { customerId: ctx.cus }),
    'POST /v1/checkout/sessions/:id/payment_methods/:pm/detach': (ctx) => newSession(ctx, { customerId: ctx.cus, allowRemoveSavedCards: true }),
    'POST /v1/payment_methods/:id/detach': savedCard,
    'POST /v1/checkout/sessions/:id/confirm (bank redirect)': (ctx) => newSession(ctx, { currency: 'eur' }),
    'POST /v1/checkout/sessions/:id/confirm (declined)': (ctx) => newSession(ctx),
    'POST /v1/checkout/sessions/:id/confirm (3-D Secure challenge)': (ctx) => newSession(ctx),
    'POST /v1/payment_intents/:id/capture': authorised,
    'POST /v1/payment_intents/:id/cancel': authorised,
    'POST /v1/checkout/sessions/:id/expire': (ctx) => newSession(ctx),
    'GET /v1/checkout/sessions/:id/public (origin not allowed)': async (ctx) => {
      ctx.origin = 'https://evil.example';
    },
  };
}

/** Learns ids from an answer so later sections can use them. */
function learn(ctx: Ctx, body: Record<string, unknown> | undefined): void {
  if (!body || typeof body !== 'object') return;
  const id = body.id;
  if (typeof id === 'string') {
    for (const [re, kind] of PREFIX_KIND) if (re.test(id)) ctx[kind] = id;
  }
  if (typeof body.clientSecret === 'string') ctx.secret = body.clientSecret;
  const pi = body.paymentIntent as Record<string, unknown> | null | undefined;
  if (pi && typeof pi === 'object' && typeof pi.id === 'string') {
    ctx.pi = pi.id;
    const charges = pi.charges as { id: string }[] | undefined;
    if (charges?.length) ctx.ch = charges[charges.length - 1]!.id;
  }
  if (typeof body.customer === 'object' && body.customer && typeof (body.customer as { id: unknown }).id === 'string') {
    ctx.cus = (body.customer as { id: string }).id;
  }
  if (Array.isArray(body.data) && body.data[0] && typeof body.data[0].id === 'string') learn(ctx, { id: body.data[0].id });
  const error = body.error as Record<string, unknown> | undefined;
  if (error?.paymentIntent) learn(ctx, { paymentIntent: error.paymentIntent });
}

export interface Ran {
  section: DocSection;
  status: number;
  body: unknown;
}

export async function runDoc(sections: DocSection[], url: string): Promise<Ran[]> {
  const api = clientFor(url);
  const setup = setups(api);
  const ctx: Ctx = {};
  const out: Ran[] = [];
  for (const section of sections) {
    delete ctx.origin;
    await setup[section.key]?.(ctx);
    const kind = idKindForPath(section.path);
    const path = section.path.replace(':id', kind ? (ctx[kind] ?? 'missing') : ':id').replace(':pm', ctx.pm ?? 'missing');
    const headers: Record<string, string> = {};
    const client = section.path.startsWith('/v1/checkout/sessions/:id/') && /\/(public|confirm|abandon_action|detach)(\?|$)/.test(section.path);
    if (client) {
      headers['XPay-Client-Secret'] = ctx.secret ?? '';
      if (!section.path.includes('/confirm')) headers.Origin = ctx.origin ?? ORIGIN;
      if (section.path.includes('/confirm')) headers['Idempotency-Key'] = `doc-${Math.random()}`;
    }
    const r = await api(section.method, path, {
      secret: client ? null : SECRET,
      body: section.request === undefined ? undefined : substitute(section.request, ctx),
      headers,
    });
    learn(ctx, r.body);
    out.push({ section, status: r.status, body: r.body });
  }
  return out;
}

/** Differences in shape (keys, recursively) and JSON types between a documented and a real body. */
export function shapeDiff(doc: unknown, real: unknown, at = '$'): string[] {
  const type = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if (type(doc) !== type(real)) return [`${at}: documented ${type(doc)}, got ${type(real)}`];
  if (Array.isArray(doc) && Array.isArray(real)) {
    if ((doc.length === 0) !== (real.length === 0)) return [`${at}: documented ${doc.length} item(s), got ${real.length}`];
    return real.flatMap((item, i) => shapeDiff(doc[Math.min(i, doc.length - 1)], item, `${at}[${i}]`));
  }
  if (doc !== null && typeof doc === 'object') {
    const d = doc as Record<string, unknown>;
    const r = real as Record<string, unknown>;
    const problems: string[] = [];
    for (const k of Object.keys(d)) if (!(k in r)) problems.push(`${at}.${k}: documented, missing in the answer`);
    for (const k of Object.keys(r)) if (!(k in d)) problems.push(`${at}.${k}: in the answer, not documented`);
    for (const k of Object.keys(d)) if (k in r) problems.push(...shapeDiff(d[k], r[k], `${at}.${k}`));
    return problems;
  }
  return [];
}
