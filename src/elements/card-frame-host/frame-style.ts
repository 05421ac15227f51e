import { STYLE_TOKEN_NAMES, type StyleTokenName, type StyleTokens } from '../../frame/protocol.js';

/**
 * The private alias that feeds a style token the frame accepts: its own (`colorText` →
 * `--_xpay-color-text`), except the placeholder colour, which follows muted text. CSS cannot cross
 * into the frame's origin, so the host reads the resolved values (merchant token or our default)
 * and sends them.
 */
export function tokenAlias(name: StyleTokenName): string {
  return name === 'colorPlaceholder'
    ? '--_xpay-color-text-muted'
    : '--_xpay-' + name.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
}

/** Reads the style tokens to send in `init`, from an element that carries the token styles. */
export function readStyleTokens(element: Element): StyleTokens {
  const computed = getComputedStyle(element);
  const tokens: StyleTokens = {};
  for (const name of STYLE_TOKEN_NAMES) {
    const value = computed.getPropertyValue(tokenAlias(name)).trim();
    if (value) tokens[name] = value;
  }
  return tokens;
}
