import { describe, expect, it } from 'vitest';
import { tokenAlias } from '../../../src/elements/card-frame-host/frame-style.js';
import { STYLE_TOKEN_NAMES } from '../../../src/frame/protocol.js';
import { tokens } from '../../../src/styles/tokens.styles.js';

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
    for (const name of STYLE_TOKEN_NAMES) expect(tokens.cssText).toContain(`${tokenAlias(name)}:`);
  });
});
