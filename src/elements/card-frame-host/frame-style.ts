import { STYLE_TOKEN_NAMES, type StyleTokenName, type StyleTokens } from '../../frame/protocol.js';

/**
 * Which private alias feeds each style token the frame accepts. CSS cannot cross into the frame's
 * origin, so the host reads the resolved values (merchant token or our default) and sends them.
 */
const SOURCES: Record<StyleTokenName, string> = {
  fontFamily: '--_xpay-font-family',
  fontSize: '--_xpay-font-size',
  colorText: '--_xpay-color-text',
  colorBackground: '--_xpay-color-background',
  inputBackground: '--_xpay-input-background',
  inputBorder: '--_xpay-input-border',
  focusRing: '--_xpay-focus-ring',
  radius: '--_xpay-radius',
  colorDanger: '--_xpay-color-danger',
  colorPlaceholder: '--_xpay-color-text-muted',
};

/** Reads the style tokens to send in `init`, from an element that carries the token styles. */
export function readStyleTokens(element: Element): StyleTokens {
  const computed = getComputedStyle(element);
  const tokens: StyleTokens = {};
  for (const name of STYLE_TOKEN_NAMES) {
    const value = computed.getPropertyValue(SOURCES[name]).trim();
    if (value) tokens[name] = value;
  }
  return tokens;
}
