/**
 * The language and theme choices of the demo's checkout pages. Shared by the server-rendered picker
 * (demo/shop/pages.ts) and the script that applies it (appearance.ts), so the two never disagree.
 */

/** Every `locale` the widget speaks, named in its own language, after the "Browser default" (`auto`). */
export const LANGUAGE_CHOICES = [
  ['auto', 'Browser default'],
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
  ['es', 'Español'],
  ['it', 'Italiano'],
  ['nl', 'Nederlands'],
  ['pt-BR', 'Português (Brasil)'],
  ['pl', 'Polski'],
  ['sv', 'Svenska'],
  ['ja', '日本語'],
  ['zh-Hans', '简体中文'],
  ['ar', 'العربية'],
] as const;

/** The widget's `theme` presets; `light` is its default. */
export const THEME_CHOICES = [
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['auto', 'Match the system'],
] as const;

/** The query parameters that keep the choice across a reload, and the value each has when absent. */
export const APPEARANCE_DEFAULTS = { locale: 'auto', theme: 'light' } as const;
