/**
 * A build step for the card frame (issue #9: at most three requests at mount): its stylesheet goes
 * into the frame's HTML as one `<style>` element instead of a file, so a mount loads the document,
 * its script and the session view, and nothing else. The 3 KB of CSS rides along with the HTML, and
 * is cached with it (the document is the same for every session: sandbox/card-frame-page.ts).
 *
 * The frame's CSP still allows no inline style in general: the API serves the document with the
 * SHA-256 of this one element in `style-src` (sandbox/card-frame-page.ts), so nothing injected
 * into the page could style it.
 */
import type { Plugin } from 'vite';
import { elementNaming, htmlAssetOf } from './frame-html.js';

export function inlineFrameCssPlugin(): Plugin {
  return {
    name: 'xpay:inline-frame-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = htmlAssetOf(bundle);
      if (!html) return;
      let source = String(html.source);
      for (const [fileName, file] of Object.entries(bundle)) {
        if (file.type !== 'asset' || !fileName.endsWith('.css')) continue;
        const link = elementNaming('link rel="stylesheet"', 'href', fileName);
        if (!link.test(source)) throw new Error(`inline-frame-css: no <link> for ${fileName} in ${html.fileName}`);
        const css = String(file.source).trim();
        // A `</style` inside the CSS would end the element early.
        if (/<\/style/i.test(css)) throw new Error(`inline-frame-css: ${fileName} contains "</style"`);
        source = source.replace(link, () => `<style>${css}</style>`);
        delete bundle[fileName];
      }
      html.source = source;
    },
  };
}
