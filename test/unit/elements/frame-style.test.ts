import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenAlias } from '../../../src/elements/card-frame-host/frame-style.js';
import { STYLE_TOKEN_NAMES } from '../../../src/frame/protocol.js';

describe('tokenAlias', () => {
  it('should name the private alias that feeds each style token sent to the card frame', () => {
    expect(Object.fromEntries(STYLE_TOKEN_NAMES.map((name) => [name, tokenAlias(name)]))).toEqual({
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
    });
  });

  it('should only name aliases that tokens.styles.ts defines', () => {
    const tokens = readFileSync('src/styles/tokens.styles.ts', 'utf8');
    for (const name of STYLE_TOKEN_NAMES) expect(tokens).toContain(`${tokenAlias(name)}:`);
  });
});
