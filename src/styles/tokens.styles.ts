import { unsafeCSS } from 'lit';

/** Each public token (`--xpay-<name>`) and its default value: the `light` theme. */
export const DEFAULTS = {
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
  // 3:1 against the input and the page (WCAG 2.2 1.4.11): an input's edge is how it is found.
  'input-border': '#8a93a5',
  'focus-ring': '#4b45d6',
  'font-family': "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif",
  'font-size': '16px',
  radius: '8px',
  space: '16px',
  'checkout-max-width': '480px',
};

/**
 * The `dark` theme: the colour tokens it changes. A light primary with dark text on the pay button,
 * so the same colour also reads as a link and a focus ring on the dark page. Every pair the CSS draws
 * meets WCAG 2.2 AA in both themes (test/unit/styles/themes.test.ts computes the ratios).
 */
export const DARK: Partial<typeof DEFAULTS> = {
  'color-primary': '#a5a1ff',
  'color-primary-hover': '#bdbaff',
  'color-on-primary': '#14151f',
  'color-text': '#eef0f6',
  'color-text-muted': '#a9b0c2',
  'color-danger': '#ff7d8f',
  'color-success': '#4cd39b',
  'color-background': '#16181f',
  'color-surface': '#1f222b',
  'color-border': '#2e3240',
  'input-background': '#1b1e26',
  'input-border': '#737b90',
  'focus-ring': '#a5a1ff',
};

const dark = `color-scheme:dark;${Object.entries(DARK)
  .map(([name, value]) => `--_theme-${name}:${value};`)
  .join('')}`;

/**
 * Theming layer 1 → 3 (STYLE.md §5): every public `--xpay-*` token is read exactly once here, into a
 * private `--_xpay-*` alias with its default. All other CSS reads only the aliases, so a merchant
 * sets a token once (on `xpay-checkout` or `:root`) and it applies everywhere, including inside
 * nested shadow roots. The card frame gets the resolved values by message (see `frame-style.ts`).
 *
 * Themes sit between the two: `theme="dark"` (or `theme="auto"` while the system is dark) sets a
 * `--_theme-*` preset value that the alias uses when the merchant set no token. The presets are set
 * on the host and inherited, so the internal elements (the challenge dialog), whose own copy of
 * these rules has no `theme` attribute, follow the checkout's theme; merchant tokens still win.
 * Built from the tables above: the values are constants of this module, never outside input.
 */
export const tokens = unsafeCSS(
  `:host{${Object.entries(DEFAULTS)
    .map(([name, value]) => `--_xpay-${name}:var(--xpay-${name},${name in DARK ? `var(--_theme-${name},${value})` : value});`)
    .join('')}}:host([theme=dark]){${dark}}@media(prefers-color-scheme:dark){:host([theme=auto]){${dark}}}`,
);
