/**
 * The size limits between the API, the card frame and the widget, in one place because they must
 * agree end to end (issue 8 §7): a session the API accepts must produce a public view, and card
 * frame messages carrying it, that the widget accepts. Before, a 64.8 KB create was accepted, its
 * view was 67 KB, and the confirm result (the view plus an envelope) was dropped by the host's
 * 64 KB message cap: a paid customer was left on "Processing…".
 *
 * Sizes are measured with {@link exceedsJsonSize}, the one estimate every side uses (the host and
 * the frame on each message, the sandbox on each view it stores), so the chain below holds in that
 * unit whatever the text:
 *
 * 1. A request body is at most {@link MAX_REQUEST_BODY_BYTES}. A create's view repeats its line
 *    items and URLs and adds ~45 per line item (`amountTotal`, `imageUrl: null`) and ~2 KiB of
 *    fixed fields: ≤ ~71 KiB for the largest create, so no create the body limit lets through is
 *    refused for its view.
 * 2. The sandbox refuses a create or an update (line items) whose view, intent included, would
 *    exceed {@link MAX_PUBLIC_VIEW_SIZE} − {@link INTENT_HEADROOM} − {@link SAVED_CARDS_HEADROOM}:
 *    what a payment adds later (the intent, its error, its 3-D Secure URL, the customer's email,
 *    ~1 KiB) fits in the first, the saved cards a customer may gain later (≤ 10 listed) in the
 *    second, so a stored view is never over {@link MAX_PUBLIC_VIEW_SIZE}.
 * 3. The largest frame message, a confirm `result`, carries one view, or one intent and an error,
 *    plus its envelope (≤ 1.5 KiB): {@link MAX_MESSAGE_SIZE} leaves 8 KiB over the view for that.
 */

/** Request bodies larger than this are refused (`body_too_large`). */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;
/** The largest public session view (measured with {@link exceedsJsonSize}). */
export const MAX_PUBLIC_VIEW_SIZE = 80 * 1024;
/** Room kept in every view for what a payment adds to it later (the intent and its details). */
export const INTENT_HEADROOM = 4 * 1024;
/** Room kept in every view for the customer's saved cards (at most 10 listed, ~130 characters each). */
export const SAVED_CARDS_HEADROOM = 1536;
/** Frame ⇄ host messages larger than this are dropped unread: one view plus an envelope fits. */
export const MAX_MESSAGE_SIZE = MAX_PUBLIC_VIEW_SIZE + 8 * 1024;

/**
 * Whether `value` would serialise to more than `limit` characters of JSON, estimated. Walks the
 * value and stops as soon as the running estimate passes the limit, so a huge value costs no more
 * than a small one. A string counts its UTF-16 length plus its quotes, a key its length plus
 * quotes, colon and comma, anything else 8.
 */
export function exceedsJsonSize(value: unknown, limit: number): boolean {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      total += item.length + 2;
    } else if (item !== null && typeof item === 'object') {
      total += 2;
      for (const [key, child] of Object.entries(item)) {
        total += key.length + 4;
        stack.push(child);
      }
    } else {
      total += 8;
    }
    if (total > limit) return true;
  }
  return false;
}
