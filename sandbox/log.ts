/**
 * Makes an untrusted value safe inside one line of the sandbox log: CR, LF and every other control
 * character (and the Unicode line separators) become visible escapes, so a request path cannot
 * start a forged line of its own. Backslashes are doubled so an escape cannot be faked either.
 */
export function logSafe(value: string): string {
  return value.replace(/[\\\x00-\x1f\x7f-\x9f\u2028\u2029]/g, (ch) => {
    if (ch === '\\') return '\\\\';
    if (ch === '\r') return '\\r';
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
