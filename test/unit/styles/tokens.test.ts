import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tokens } from '../../../src/styles/tokens.styles.js';

/**
 * The theming contract (STYLE.md §5) as a test: every private `--_xpay-*` alias is defined once in
 * tokens.styles.ts and used somewhere else, every used alias is defined, and only tokens.styles.ts
 * reads public `--xpay-*` tokens (component CSS reads aliases, so a token can never be half-applied).
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const tokensFile = join('src', 'styles', 'tokens.styles.ts');
// The stylesheet itself: tokens.styles.ts builds it from a name → default table.
const tokensCss = tokens.cssText;
const others = [...sources(join('src', 'styles')), ...sources(join('src', 'elements'))].filter((f) => f !== tokensFile);
const otherCss = others.map((f) => readFileSync(f, 'utf8')).join('\n');

const defined = new Set([...tokensCss.matchAll(/(--_xpay-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
const used = new Set([...otherCss.matchAll(/var\((--_xpay-[a-z0-9-]+)/g)].map((m) => m[1]));

describe('design tokens', () => {
  it('should define at least the public tokens STYLE.md names', () => {
    for (const t of ['color-primary', 'color-text', 'color-danger', 'font-family', 'radius', 'space']) {
      expect(tokensCss).toMatch(new RegExp(`--_xpay-${t}:\\s*var\\(\\s*--xpay-${t},`));
    }
  });

  it('should define every alias that is used', () => {
    expect([...used].filter((a) => !defined.has(a))).toEqual([]);
  });

  it('should use every alias that is defined', () => {
    expect([...defined].filter((a) => !used.has(a))).toEqual([]);
  });

  it('should read public tokens only in tokens.styles.ts', () => {
    const offenders = others.filter((f) => /var\(--xpay-/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
