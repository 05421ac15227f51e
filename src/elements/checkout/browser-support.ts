let supported: boolean | undefined;

/**
 * Whether this browser has the APIs the widget and its card frame need that browsers below the
 * floor (README "Browser support": Safari/iOS 15.4, Chrome/Edge 100, Firefox 100) may lack although
 * they run the bundle: `<dialog>.showModal()` for 3-D Secure (Safari 15.4, Firefox 98) and
 * `Object.hasOwn` (Safari 15.4, Chrome 93, Firefox 92). Checked once; the element shows
 * `unsupported_browser` instead of a form that would break at the first challenge.
 */
export const browserSupported = (): boolean =>
  (supported ??= typeof HTMLDialogElement == 'function' && 'showModal' in HTMLDialogElement.prototype && 'hasOwn' in Object);
