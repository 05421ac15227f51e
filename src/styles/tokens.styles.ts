import { css } from './css.js';

/**
 * Theming layer 1 → 3 (STYLE.md §5): every public `--xpay-*` token is read exactly once here, into a
 * private `--_xpay-*` alias with its default. All other CSS reads only the aliases, so a merchant
 * sets a token once (on `xpay-checkout` or `:root`) and it applies everywhere, including inside
 * nested shadow roots. The card frame gets the resolved values by message (see `frame-style.ts`).
 */
export const tokens = css`
  :host {
    --_xpay-color-primary: var(--xpay-color-primary, #4b45d6);
    --_xpay-color-primary-hover: var(--xpay-color-primary-hover, #3b35b8);
    --_xpay-color-on-primary: var(--xpay-color-on-primary, #ffffff);
    --_xpay-color-text: var(--xpay-color-text, #1a1f36);
    --_xpay-color-text-muted: var(--xpay-color-text-muted, #56607a);
    --_xpay-color-danger: var(--xpay-color-danger, #c0143c);
    --_xpay-color-success: var(--xpay-color-success, #0b7a4b);
    --_xpay-color-background: var(--xpay-color-background, #ffffff);
    --_xpay-color-surface: var(--xpay-color-surface, #f6f8fb);
    --_xpay-color-border: var(--xpay-color-border, #e3e8ee);
    --_xpay-input-background: var(--xpay-input-background, #ffffff);
    --_xpay-input-border: var(--xpay-input-border, #c9d1dc);
    --_xpay-focus-ring: var(--xpay-focus-ring, #4b45d6);
    --_xpay-font-family: var(
      --xpay-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_xpay-font-size: var(--xpay-font-size, 16px);
    --_xpay-radius: var(--xpay-radius, 8px);
    --_xpay-space: var(--xpay-space, 16px);
    --_xpay-checkout-max-width: var(--xpay-checkout-max-width, 480px);
  }
`;
