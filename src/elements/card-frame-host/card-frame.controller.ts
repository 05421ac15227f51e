import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { XpayError } from '../../api/errors.js';
import type { ReadOptions, SessionReader, SessionReply } from '../../controllers/session-reader.js';
import type { FormErrors, XpayChangeDetail } from '../../events/events.js';
import {
  announcedFrameVersion,
  createMessageGuard,
  FRAME_PATH,
  FRAME_PROTOCOL_VERSION,
  parseFrameMessage,
  type FrameMessage,
  type FrameResult,
  type HostMessage,
  type ReadKind,
  type StyleTokens,
  type Unversioned,
} from '../../frame/protocol.js';
import { integrationErrors } from '../checkout/integration-errors.js';

/** What the card frame last told us (never digits: completeness, brand and error codes). */
export interface CardFrameState {
  ready: boolean;
  empty: boolean;
  complete: boolean;
  brand: XpayChangeDetail['brand'];
  errors: FormErrors;
}

const INITIAL_STATE: CardFrameState = { ready: false, empty: true, complete: false, brand: 'unknown', errors: {} };

/** The element the controller serves: it renders the slot the iframe goes in, and re-renders on every change. */
export type CardFrameHost = ReactiveControllerHost & HTMLElement;

/** What the controller needs from its element, and tells it. */
export interface CardFrameOptions {
  /** Where the iframe goes: an empty element the host renders inside its form, or null while the form is not rendered. */
  slot(): HTMLElement | null;
  /** The iframe's accessible name, in the element's language. */
  title(): string;
  /** The `init` payload, read when it is sent (the element's locale and resolved style tokens). */
  initOf(): { locale: string; styleTokens: StyleTokens };
  /** The customer pressed Enter in the frame. */
  onSubmit(): void;
  /** The frame resolved the language it speaks (and sent the host's strings in it). */
  onLocale(message: Extract<FrameMessage, { type: 'locale' }>): void;
  /** The frame answered the confirm in flight (matched by its idempotency key). */
  onResult(result: FrameResult): void;
  /** The confirm's answer arrived unreadable (malformed, oversized): learn the outcome from the session. */
  onResultLost(): void;
  /** The frame cannot be used: not loaded in time, or another protocol version. */
  onFailed(error: XpayError): void;
}

/** What {@link CardFrameController.open} needs: the session, and where and how long to wait. */
export interface CardFrameSession {
  /** The API origin serving the frame; messages are posted to and accepted from it only. */
  origin: string;
  /** The API base URL the frame's path is appended to. */
  apiBase: string;
  sessionId: string;
  clientSecret: string;
  /** How long the frame may take to say `ready` before `frame_load_timeout`, in ms. */
  loadTimeoutMs: number;
}

/**
 * Longest wait for the frame's answer to a call, beyond the call's own server-side wait. Above the
 * frame client's worst case (three 10 s attempts with backoff), so it only fires when the answer
 * was lost: a frame that died or navigated away.
 */
const REPLY_MARGIN_MS = 45_000;
/** How long the server holds a long-poll (`wait`), as the frame's client asks for it. */
const LONG_POLL_MS = 25_000;

interface PendingRead {
  message: Unversioned<Extract<HostMessage, { type: 'read' }>>;
  settle(reply: SessionReply): void;
}

/**
 * The card frame's whole life on the host, in one place: its URL, the `message` listener (exact
 * origin and window, then the schema), the load deadline, the handshake (`ready` → `init`), its
 * state and height, the confirm in flight, and the session calls the frame makes for the element.
 *
 * The frame is same-origin with the API, so it reads the session there (no CORS, no preflight) and
 * hands the view over: the merchant page itself sends the API nothing. As a {@link SessionReader},
 * every call has a deadline and every reply that is lost or unreadable becomes an error reply, so
 * the intent controller re-reads instead of waiting forever.
 */
export class CardFrameController implements ReactiveController, SessionReader {
  /** Completeness, brand and error codes from the frame; `ready` once it has said so. */
  state: CardFrameState = INITIAL_STATE;
  /** The frame document's height in px (0 until it reports one). */
  height = 0;

  readonly #host: CardFrameHost;
  readonly #options: CardFrameOptions;
  #session: CardFrameSession | undefined;
  #guard: ((event: MessageEvent) => unknown) | undefined;
  #loadTimer: ReturnType<typeof setTimeout> | undefined;
  #reads = new Map<number, PendingRead>();
  #nextReadId = 1;
  #confirmKey: string | undefined;
  #colorScheme: MediaQueryList | undefined;
  /** The iframe of the open session; a new one for each {@link open}. */
  #frame: HTMLIFrameElement | undefined;

  constructor(host: CardFrameHost, options: CardFrameOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * The frame's URL for the open session, or '' when none is open. It names the page's origin and the
   * session's mode (`cs_test_…` → `test`, for the test-card picker), never the session: one URL for
   * every checkout on this page, so the browser keeps the document (the API checks the session's
   * `allowedOrigins` on the frame's calls instead).
   */
  get src(): string {
    const s = this.#session;
    // A serialised origin (scheme, host, port) holds nothing a query value must escape.
    return s ? `${s.apiBase}${FRAME_PATH}?mode=${this.#mode}&origin=${location.origin}` : '';
  }

  /** The open session's mode, `test` or `live`, from its id (`cs_test_…`): the URL and the iframe's class name it. */
  get #mode(): string | undefined {
    return this.#session?.sessionId.slice(3, 7);
  }

  /** Starts on a session: listens for its frame (made in the element's slot at the next update, from {@link src}) and arms the load deadline. */
  open(session: CardFrameSession): void {
    this.close();
    this.#session = session;
    this.#guard = createMessageGuard({
      expectedOrigin: session.origin,
      expectedSource: () => this.#frame?.contentWindow ?? null,
      parse: (data) => data,
    });
    addEventListener('message', this.#handleMessage);
    this.#loadTimer = setTimeout(() => {
      if (!this.state.ready) this.#fail(integrationErrors.frameLoadTimeout(session.origin, Math.round(session.loadTimeoutMs / 1000)));
    }, session.loadTimeoutMs);
  }

  /** Stops listening and forgets the session; calls still waiting are answered as aborted. */
  close(): void {
    removeEventListener('message', this.#handleMessage);
    clearTimeout(this.#loadTimer);
    this.#session = undefined;
    this.#frame = undefined;
    this.#confirmKey = undefined;
    this.state = INITIAL_STATE;
    this.height = 0;
    const reads = [...this.#reads.values()];
    this.#reads.clear();
    for (const read of reads) read.settle({ ok: false, error: abortedError() });
  }

  /** Posts a host → frame message to the frame's exact origin (never `*`: `init` carries the client secret). */
  post(message: Unversioned<HostMessage>): void {
    const origin = this.#session?.origin;
    if (origin) this.#frame?.contentWindow?.postMessage({ v: FRAME_PROTOCOL_VERSION, ...message }, origin);
  }

  /** Sends the confirm; its `result` reaches `onResult` only if its key is the one in flight. */
  confirm(message: Unversioned<Extract<HostMessage, { type: 'confirm' }>>): void {
    this.#confirmKey = message.idempotencyKey;
    this.post(message);
  }

  /** SessionReader: asks the frame for a session call, answered within a deadline, never rejected. */
  read(kind: ReadKind, { since, signal }: ReadOptions): Promise<SessionReply> {
    return new Promise((resolve) => {
      const id = this.#nextReadId++;
      const message: PendingRead['message'] = since === undefined ? { type: 'read', id, kind } : { type: 'read', id, kind, since };
      const timer = setTimeout(
        () => {
          this.post({ type: 'cancel', id });
          settle({ ok: false, error: { type: 'network_error', code: 'timeout', message: 'The card frame did not answer: the session will be read again.' } });
        },
        (kind === 'wait' ? LONG_POLL_MS : 0) + REPLY_MARGIN_MS,
      );
      const onAbort = () => {
        this.post({ type: 'cancel', id });
        settle({ ok: false, error: abortedError() });
      };
      const settle = (reply: SessionReply) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.#reads.delete(id);
        resolve(reply);
      };
      if (signal.aborted) return settle({ ok: false, error: abortedError() });
      signal.addEventListener('abort', onAbort);
      this.#reads.set(id, { message, settle });
      // Before `ready` the frame cannot hear it: `ready` sends every waiting call.
      if (this.state.ready) this.post(message);
    });
  }

  /**
   * Sends `init` again with the element's current locale and resolved style tokens: after a change
   * of `locale` or `theme` (and of the colour scheme, which `theme="auto"` and merchant tokens may
   * follow). The frame keeps what was typed.
   */
  reinit = (): void => {
    const session = this.#session;
    if (session && this.state.ready) this.post({ type: 'init', clientSecret: session.clientSecret, ...this.#options.initOf() });
  };

  hostConnected(): void {
    this.#colorScheme = matchMedia('(prefers-color-scheme: dark)');
    this.#colorScheme.addEventListener('change', this.reinit);
  }

  hostDisconnected(): void {
    this.#colorScheme?.removeEventListener('change', this.reinit);
    this.close();
  }

  /** The card iframe, or null while none is in the DOM. */
  get element(): HTMLIFrameElement | null {
    return this.#frame?.isConnected ? this.#frame : null;
  }

  hostUpdated(): void {
    const slot = this.#options.slot();
    if (!slot || !this.#session) return;
    // The iframe is made here, not in the host's template: each opening gets a fresh one, whose
    // first load adds no entry to the page's history (moving an iframe that already showed a
    // document to a new URL would, so Back would step through our frames), and which learns its
    // session from this opening's `init` only.
    if (!this.#frame || this.#frame.parentNode !== slot) {
      this.#frame ??= Object.assign(document.createElement('iframe'), { className: `card-frame card-frame--${this.#mode}`, allow: 'payment', src: this.src });
      slot.replaceChildren(this.#frame);
    }
    this.#frame.title = this.#options.title();
    // Through CSSOM, not a style="" attribute: merchants' CSPs without 'unsafe-inline' block style
    // attributes, but allow style.setProperty.
    this.#frame.style.setProperty('height', this.height ? `${this.height}px` : null);
  }

  #fail(error: XpayError): void {
    this.close();
    this.#options.onFailed(error);
  }

  #update(state: Partial<CardFrameState>): void {
    this.state = { ...this.state, ...state };
    this.#host.requestUpdate();
  }

  #handleMessage = (event: MessageEvent): void => {
    // Origin and source first (the guard), only then is the data looked at.
    const data = this.#guard?.(event) ?? null;
    if (data === null) return;
    const message = parseFrameMessage(data);
    if (message) return this.#receive(message);
    const version = announcedFrameVersion(data);
    if (version !== null && version !== FRAME_PROTOCOL_VERSION) return this.#fail(integrationErrors.frameVersionUnsupported(version));
    // Dropped unread (malformed, oversized). An answer someone waits for must not leave them
    // waiting: a lost session reply is an error reply (the intent re-reads), a lost confirm result
    // makes the element learn the outcome from the session.
    const { type, id } = data as { type?: unknown; id?: unknown };
    const read = type === 'session' && typeof id === 'number' ? this.#reads.get(id) : undefined;
    read?.settle({ ok: false, error: { type: 'network_error', code: 'invalid_response', message: 'The session view could not be read: it will be read again.' } });
    if (type === 'result' && this.#confirmKey) {
      this.#confirmKey = undefined;
      this.#options.onResultLost();
    }
  };

  #receive(message: FrameMessage): void {
    switch (message.type) {
      case 'ready':
        if (message.protocolVersion !== FRAME_PROTOCOL_VERSION) return this.#fail(integrationErrors.frameVersionUnsupported(message.protocolVersion));
        clearTimeout(this.#loadTimer);
        this.#update({ ready: true });
        this.reinit();
        // Calls made before the frame could hear them, or sent to a document that has since
        // reloaded: every one still waiting goes (again) to this one.
        for (const read of this.#reads.values()) this.post(read.message);
        return;
      case 'session':
        return this.#reads.get(message.id)?.settle(message.ok ? message : { ok: false, error: message.error });
      case 'change': {
        const { empty, complete, brand, errors } = message;
        return this.#update({ empty, complete, brand, errors: errors as FormErrors });
      }
      case 'resize':
        this.height = Math.ceil(message.height);
        return this.#host.requestUpdate();
      case 'submit':
        return this.#options.onSubmit();
      case 'locale':
        return this.#options.onLocale(message);
      case 'result':
        if (message.idempotencyKey !== this.#confirmKey) return;
        this.#confirmKey = undefined;
        return this.#options.onResult(message);
      case 'focus':
      case 'blur':
        return;
    }
  }
}

function abortedError(): XpayError {
  return { type: 'network_error', code: 'aborted', message: 'Aborted by the caller.' };
}
