/**
 * A build step for the card frame (issue #9): its one script goes into the frame's HTML as an inline
 * module, so the document is the frame, whole. Two reasons:
 * - A cold mount loads the document and the session view, not a document and then its script (one
 *   round trip fewer on the critical path; the CSS is inlined already, scripts/inline-frame-css.ts).
 * - The document is cached across sessions for a day (sandbox/card-frame-page.ts). Naming a hashed
 *   script, a cached document could outlive that script on the API after a deploy, and a frame
 *   whose script is gone never says `ready`. Whole, a cached document is an older frame that works.
 *
 * The frame's CSP still allows no inline script in general: the API serves the document with the
 * SHA-256 of this one element in `script-src`. The source map stays a file beside where the script
 * was (`assets/index-<hash>.js.map`), named from the inline script.
 */
import type { Plugin } from 'vite';
import { elementNaming, htmlAssetOf } from './frame-html.js';

export function inlineFrameScriptPlugin(): Plugin {
  return {
    name: 'xpay:inline-frame-script',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = htmlAssetOf(bundle);
      if (!html) return;
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      // One self-contained script, or the document would still name files a cached copy can outlive.
      if (chunks.length !== 1 || chunks[0]!.imports.length || chunks[0]!.dynamicImports.length) {
        throw new Error(`inline-frame-script: expected one chunk without imports, got ${chunks.map((c) => c.fileName).join(', ')}`);
      }
      const chunk = chunks[0]!;
      const tag = elementNaming('script type="module"', 'src', chunk.fileName, '</script>');
      let source = String(html.source);
      if (!tag.test(source)) throw new Error(`inline-frame-script: no <script> for ${chunk.fileName} in ${html.fileName}`);
      // Either would end (or, `<!--`, could hide) the element's end early.
      if (/<\/script|<!--/i.test(chunk.code)) throw new Error(`inline-frame-script: ${chunk.fileName} contains "</script" or "<!--"`);
      let code = chunk.code.trim();
      if (chunk.map) {
        this.emitFile({ type: 'asset', fileName: `${chunk.fileName}.map`, source: chunk.map.toString() });
        code += `\n//# sourceMappingURL=${chunk.fileName}.map`;
      }
      source = source.replace(tag, () => `<script type="module">${code}</script>`);
      delete bundle[chunk.fileName];
      html.source = source;
    },
  };
}
