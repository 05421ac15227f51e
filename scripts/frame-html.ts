/**
 * What the card frame's inlining steps share (inline-frame-css.ts, inline-frame-script.ts): the
 * frame's HTML document in the bundle, and the pattern of the element that names one of its files.
 */
import type { Rollup } from 'vite';

/** The bundle's HTML document, if it has one. */
export function htmlAssetOf(bundle: Rollup.OutputBundle): Rollup.OutputAsset | undefined {
  return Object.values(bundle).find((file): file is Rollup.OutputAsset => file.type === 'asset' && file.fileName.endsWith('.html'));
}

/**
 * Matches the element Vite wrote into the document for `fileName`: `<${start}…${attribute}="./fileName"…>`,
 * then `end` (a closing tag, for an element that has one).
 */
export function elementNaming(start: string, attribute: string, fileName: string, end = ''): RegExp {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<${start}[^>]*${attribute}="\\./${escaped}"[^>]*>${end}`);
}
