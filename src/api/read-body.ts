/**
 * The most a reply body may be, in bytes. The largest legitimate reply is a session's public view:
 * the API accepts a create of up to 64 KB, whose view is a few KB larger (~67 KB at the limit), so
 * 1 MiB leaves room for every valid reply while a broken or hostile server cannot make the widget
 * or the card frame buffer an unbounded body.
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * Reads `response`'s body as text, at most `limit` bytes. A `Content-Length` over the limit fails
 * before reading anything; a body that grows past it (chunked, or lying about its length) is
 * cancelled at the limit. Answers null when the body is too large; rejects as the stream does
 * (a lost connection, an aborted signal).
 */
export async function readBodyText(response: Response, limit = MAX_RESPONSE_BYTES): Promise<string | null> {
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  const tooLarge = () => {
    // The stream may already be failing; cancelling is only to stop the download.
    reader.cancel().catch(() => undefined);
    return null;
  };
  if (Number(response.headers.get('Content-Length')) > limit) return tooLarge();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) return tooLarge();
    text += decoder.decode(value, { stream: true });
  }
}
