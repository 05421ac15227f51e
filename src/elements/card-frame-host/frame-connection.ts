import {
  announcedFrameVersion,
  createMessageGuard,
  FRAME_PROTOCOL_VERSION,
  parseFrameMessage,
  type FrameMessage,
  type HostMessage,
  type Unversioned,
} from '../../frame/protocol.js';

/** Options for {@link CardFrameConnection}. */
export interface CardFrameConnectionOptions {
  /** The API origin serving the frame; messages are posted to and accepted from it only. */
  frameOrigin: string;
  /** The frame's window; a function because the iframe element is re-rendered and may reload. */
  frameWindow: () => Window | null;
  /** Every valid frame → host message. */
  onMessage: (message: FrameMessage) => void;
  /** A frame from our origin announced a protocol major we do not speak. */
  onVersionUnsupported: (version: number) => void;
  /** The frame sent something unreadable (malformed or oversized), e.g. a confirm result: the caller may not wait for it. */
  onUnreadable: (data: unknown) => void;
}

/**
 * The host end of the frame protocol: one `message` listener that drops anything not from the
 * frame's exact origin and window or not matching the schema, and a `post` that always names the
 * exact target origin (never `*`: the messages carry the client secret).
 */
export class CardFrameConnection {
  readonly #guard;

  constructor(private readonly options: CardFrameConnectionOptions) {
    this.#guard = createMessageGuard({
      expectedOrigin: options.frameOrigin,
      expectedSource: options.frameWindow,
      parse: (data) => data,
    });
  }

  /** Starts listening on `window` (again: a no-op, the same listener is added once). */
  connect(): void {
    window.addEventListener('message', this.#handleMessage);
  }

  /** Stops listening; later messages are ignored. */
  disconnect(): void {
    window.removeEventListener('message', this.#handleMessage);
  }

  /** Posts a host → frame message to the frame's exact origin; a no-op before the frame exists. */
  post(message: Unversioned<HostMessage>): void {
    this.options.frameWindow()?.postMessage({ v: FRAME_PROTOCOL_VERSION, ...message }, this.options.frameOrigin);
  }

  #handleMessage = (event: MessageEvent): void => {
    // Origin and source first (the guard), only then is the data looked at.
    const data = this.#guard(event);
    if (data === null) return;
    const message = parseFrameMessage(data);
    if (message) {
      this.options.onMessage(message);
      return;
    }
    const version = announcedFrameVersion(data);
    if (version !== null && version !== FRAME_PROTOCOL_VERSION) this.options.onVersionUnsupported(version);
    else this.options.onUnreadable(data);
  };
}
