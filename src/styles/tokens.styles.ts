import { unsafeCSS } from 'lit';

/** Each public token (`--xpay-<name>`) and its default value. */
const DEFAULTS = {
  'color-primary': '#4b45d6',
  'color-primary-hover': '#3b35b8',
  'color-on-primary': '#fff',
  'color-text': '#1a1f36',
  'color-text-muted': '#56607a',
  'color-danger': '#c0143c',
  'color-success': '#0b7a4b',
  'color-background': '#fff',
  'color-surface': '#f6f8fb',
  'color-border': '#e3e8ee',
  'input-background': '#fff',
  'input-border': '#c9d1dc',
  'focus-ring': '#4b45d6',
  'font-family': "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif",
  'font-size': '16px',
  radius: '8px',
  space: '16px',
  'checkout-max-width': '480px',
};

/**
 * Theming layer 1 → 3 (STYLE.md §5): every public `--xpay-*` token is read exactly once here, into a
 * private `--_xpay-*` alias with its default. All other CSS reads only the aliases, so a merchant
 * sets a token once (on `xpay-checkout` or `:root`) and it applies everywhere, including inside
 * nested shadow roots. The card frame gets the resolved values by message (see `frame-style.ts`).
 * Built from the table above: the values are constants of this module, never outside input.
 */
export const tokens = unsafeCSS(
  `:host{${Object.entries(DEFAULTS)
    .map(([name, value]) => `--_xpay-${name}:var(--xpay-${name},${value});`)
    .join('')}}`,
);
