import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../../src/i18n/locale.js';
import { APPEARANCE_DEFAULTS, LANGUAGE_CHOICES, THEME_CHOICES } from '../../../demo/web/appearance-options.js';

describe("the demo's language and theme choices", () => {
  it('should offer every supported locale once, after the browser default', () => {
    expect(LANGUAGE_CHOICES.map(([tag]) => tag)).toEqual(['auto', ...SUPPORTED_LOCALES]);
  });

  it('should offer every theme, and default to what the widget defaults to', () => {
    expect(THEME_CHOICES.map(([value]) => value)).toEqual(['light', 'dark', 'auto']);
    expect(APPEARANCE_DEFAULTS).toEqual({ locale: 'auto', theme: 'light' });
  });
});
