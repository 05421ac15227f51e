/**
 * The browser support floor (README "Browser support"): the oldest browsers every bundle — CDN,
 * ESM, card frame, demo — must run on. Safari/iOS 15.4 is the binding one: the first with
 * `<dialog>`, `Object.hasOwn` and `Array.prototype.at`; without class static blocks or RegExp
 * lookbehind (both 16.4). Android and iOS webviews follow their browser's engine version.
 * One list for the build (below), the widget's feature check and the test that parses the output
 * (test/unit/build/browser-floor.test.ts).
 */
export const BROWSER_FLOOR = { chrome: '100', edge: '100', firefox: '100', safari: '15.4', ios: '15.4' } as const;

/**
 * What Vite (Oxc) lowers syntax for. Safari 15.4 is given as 16: the two differ in syntax only by a
 * class-field bug (webkit.org/b/236843), for which Oxc would lower every class field and private
 * member (+0.6 KB brotli on the CDN bundle); scripts/safari-field-scope.ts fixes just the affected
 * initializers instead, and the build test checks that none is left.
 */
export const BUILD_FLOOR = { ...BROWSER_FLOOR, safari: '16', ios: '16' } as const;

/** {@link BUILD_FLOOR} as Vite / Oxc targets: `['chrome100', 'edge100', …]`. */
export const BUILD_TARGETS: string[] = Object.entries(BUILD_FLOOR).map(([name, version]) => name + version);
