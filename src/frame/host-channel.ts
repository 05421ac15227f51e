import {
  FRAME_PROTOCOL_VERSION,
  createMessageGuard,
  parseHostMessage,
  type FrameMessage,
  type HostMessage,
  type Unversioned,
} from './protocol.js';

/** The frame's only line to the embedding page. */
export interface HostChannel {
  /** Posts to `window.parent`, to the host's exact origin and nowhere else. */
  post(message: Unversioned<FrameMessage>): void;
}

/**
 * Opens the channel: messages are accepted only from `hostOrigin` and from `window.parent`, and only
 * when they parse as a v1 host message (see protocol.ts for the order of checks).
 */
export function openHostChannel(hostOrigin: string, onMessage: (message: HostMessage) => void): HostChannel {
  const guard = createMessageGuard({
    expectedOrigin: hostOrigin,
    expectedSource: () => (window.parent === window ? null : window.parent),
    parse: parseHostMessage,
  });
  window.addEventListener('message', (event) => {
    const message = guard(event);
    if (message) onMessage(message);
  });
  return {
    post(message) {
      window.parent.postMessage({ v: FRAME_PROTOCOL_VERSION, ...message }, hostOrigin);
    },
  };
}
