import { EN_CHECKOUT } from './en-catalogue.js';
import { toTranslation } from './to-translation.js';
import type { Translation } from './translation.js';

/** The English catalogue: the default, and the fallback for any string a locale lacks. */
export const en: Translation = toTranslation(EN_CHECKOUT, 'en');
