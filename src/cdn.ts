/** The script-tag bundle: defines the elements and exposes the public API as `window.XPay`. */
import './define.js';
export * from './index.js';
