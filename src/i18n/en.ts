import { translate } from './messages.js';
import type { Translation } from './translation.js';

/** The English strings: the default, before the card frame has said which language the customer reads. */
export const en: Translation = translate();
