import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DARK, DEFAULTS, tokens } from '../../../src/styles/tokens.styles.js';

/**
 * The `light` and `dark` themes (issue #12) meet WCAG 2.2 AA: every colour pair the widget's CSS
 * draws, computed from the token values (WCAG's relative luminance and contrast ratio). Text 4.5:1
 * (1.4.3); input borders and the focus ring 3:1 (1.4.11). Tinted banners are the `color-mix()`
 * the CSS uses (checkout.styles.ts), computed the same way (sRGB interpolation).
 */
type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color-mix(in srgb, a p%, b)`. */
const mix = (a: Rgb, p: number, b: Rgb): Rgb => a.map((v, i) => v * p + b[i]! * (1 - p)) as Rgb;

const THEMES = { light: DEFAULTS, dark: { ...DEFAULTS, ...DARK } };

describe.each(Object.entries(THEMES))('the %s theme', (_name, theme) => {
  const c = (token: keyof typeof DEFAULTS) => rgb(theme[token]);

  it.each<[string, () => [Rgb, Rgb], number]>([
    ['text on the page', () => [c('color-text'), c('color-background')], 4.5],
    ['text on a surface (summary, dialog bar)', () => [c('color-text'), c('color-surface')], 4.5],
    ['text in an input', () => [c('color-text'), c('input-background')], 4.5],
    ['muted text on the page', () => [c('color-text-muted'), c('color-background')], 4.5],
    ['muted text on a surface', () => [c('color-text-muted'), c('color-surface')], 4.5],
    ['a placeholder (muted) in an input', () => [c('color-text-muted'), c('input-background')], 4.5],
    ['error red on the page', () => [c('color-danger'), c('color-background')], 4.5],
    ['error red in an input', () => [c('color-danger'), c('input-background')], 4.5],
    ['error red on its banner (7%)', () => [c('color-danger'), mix(c('color-danger'), 0.07, c('color-background'))], 4.5],
    ['error red on its status badge (10%)', () => [c('color-danger'), mix(c('color-danger'), 0.1, c('color-background'))], 4.5],
    ['success green on its badge (12%)', () => [c('color-success'), mix(c('color-success'), 0.12, c('color-background'))], 4.5],
    ['a primary-coloured link on the page', () => [c('color-primary'), c('color-background')], 4.5],
    ['the pay button text', () => [c('color-on-primary'), c('color-primary')], 4.5],
    ['the pay button text, hovered', () => [c('color-on-primary'), c('color-primary-hover')], 4.5],
    ['an input border against the input', () => [c('input-border'), c('input-background')], 3],
    ['an input border against the page', () => [c('input-border'), c('color-background')], 3],
    ['the focus ring against the page', () => [c('focus-ring'), c('color-background')], 3],
    ['the focus ring against an input', () => [c('focus-ring'), c('input-background')], 3],
    ['an invalid input border (red) against the input', () => [c('color-danger'), c('input-background')], 3],
  ])('should give %s enough contrast', (_pair, colours, minimum) => {
    const ratio = contrast(...colours());
    expect(ratio, ratio.toFixed(2)).toBeGreaterThanOrEqual(minimum);
  });
});

describe('theme selection (CSS)', () => {
  const css = tokens.cssText;

  it('should let a merchant token win over the preset, which wins over the light default', () => {
    for (const name of Object.keys(DARK)) {
      expect(css).toContain(`--_xpay-${name}:var(--xpay-${name},var(--_theme-${name},${DEFAULTS[name as keyof typeof DEFAULTS]}));`);
    }
  });

  it('should set the dark preset for theme=dark, and for theme=auto only under a dark colour scheme', () => {
    const block = `color-scheme:dark;${Object.entries(DARK)
      .map(([name, value]) => `--_theme-${name}:${value};`)
      .join('')}`;
    expect(css).toContain(`:host([theme=dark]){${block}}`);
    expect(css).toContain(`@media(prefers-color-scheme:dark){:host([theme=auto]){${block}}}`);
    // Nothing else sets a preset: light is the default, with or without theme="light".
    expect(css.match(/--_theme-color-text:/g)).toHaveLength(2);
  });

  it('should start the card frame with the light defaults of the host', () => {
    const frameCss = readFileSync(join('src', 'frame', 'frame.css'), 'utf8');
    for (const [token, value] of Object.entries({
      'color-text': DEFAULTS['color-text'],
      'input-background': DEFAULTS['input-background'],
      'input-border': DEFAULTS['input-border'],
      'focus-ring': DEFAULTS['focus-ring'],
      'color-danger': DEFAULTS['color-danger'],
    })) {
      expect(frameCss).toContain(`var(--xpay-${token}, ${value})`);
    }
  });
});

describe('below color-mix() (Chrome 111, Safari 16.2, Firefox 113: inside the support floor)', () => {
  /**
   * A declaration whose color-mix() holds a var() is dropped at computed-value time in a browser
   * without color-mix(), to the property's initial value: no earlier declaration takes over. So
   * color-mix() may only tint a background, whose loss leaves the page's colour (contrast-tested
   * above); a focus ring, a border or an outline must not depend on it.
   */
  it('should use it only for background tints, in the host and in the card frame', async () => {
    const { styles: checkout } = await import('../../../src/elements/checkout/checkout.styles.js');
    const { styles: challenge } = await import('../../../src/elements/challenge/challenge.styles.js');
    const { shared } = await import('../../../src/styles/shared.styles.js');
    const sheets = [checkout.cssText, challenge.cssText, shared.cssText, readFileSync(join('src', 'frame', 'frame.css'), 'utf8')];
    const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
    const declarations = sheets.flatMap((css) => withoutComments(css).match(/[\w-]+\s*:[^;{}]*color-mix\(/g) ?? []);
    // The tints exist (the check has something to check)...
    expect(declarations.length).toBeGreaterThan(0);
    // ...and each is a background.
    for (const declaration of declarations) expect(declaration).toMatch(/^background\s*:/);
  });
});
