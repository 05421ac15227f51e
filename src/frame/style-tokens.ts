import { STYLE_TOKEN_NAMES, type StyleTokens } from './protocol.js';

/** `colorText` → `--xpay-color-text`: the custom property frame.css reads for a token. */
export function tokenProperty(name: string): string {
  return '--xpay-' + name.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
}

/**
 * Applies the host's (already validated) tokens as custom properties on `:root`, through the CSSOM:
 * the frame's CSP forbids `style` attributes but not `style.setProperty()`. Tokens absent from a new
 * init are removed, so the frame follows the host back to its defaults (e.g. a colour-scheme switch).
 */
export function applyStyleTokens(root: HTMLElement, tokens: StyleTokens): void {
  for (const name of STYLE_TOKEN_NAMES) {
    const value = tokens[name];
    if (value) root.style.setProperty(tokenProperty(name), value);
    else root.style.removeProperty(tokenProperty(name));
  }
}
