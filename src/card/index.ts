/**
 * Card rules shared by the card frame and the widget: brands, Luhn, formatting with caret
 * preservation, validation and the "show this error now?" rule. Pure: no DOM, no Lit.
 */
export * from './brands.js';
export * from './caret.js';
export * from './format-cvc.js';
export * from './format-expiry.js';
export * from './format-number.js';
export * from './luhn.js';
export * from './validate.js';
