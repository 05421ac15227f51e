/**
 * A build step for the script-tag bundle: squeezes the indentation out of Lit's `html`, `svg` and
 * `css` tagged templates, which the JS minifier must leave alone (they are string contents). Saves
 * ~0.4 KB brotli of the CDN bundle's 25 KB budget without touching how anything renders. The
 * templates are found by their tag's name (`html`, `svg`, `css`): a renamed tag is skipped
 * (docs/bundle-budget.md#template-tag-names). How it keeps everything else as it was:
 *
 * - Only the static parts of the templates change, never a `${…}` expression.
 * - In `html`, a whitespace run keeps its line breaks (at least one whitespace character stays), so
 *   text nodes stay whitespace where they were whitespace.
 * - In `css`, comments go, and so does whitespace around `{ } ; ,`, after `:` and at the ends of the
 *   stylesheet, outside quoted strings; any other whitespace run becomes one space. A stylesheet is
 *   one line: its line breaks are moved after the template's closing backtick, where they are the
 *   JavaScript whitespace the minifier drops (−77 B brotli, −0.5 KB raw on the CDN bundle).
 * - So every line of the module keeps its number: the transform returns `map: null`, and the source
 *   maps stay right.
 */
import { parseAst, type Plugin } from 'vite';

type Language = 'html' | 'css';
const TAGS: Record<string, Language> = { html: 'html', svg: 'html', css: 'css' };

/** The line breaks of a whitespace run, or one space when it has none. */
const breaksOf = (whitespace: string): string => whitespace.replace(/[^\n]/g, '') || ' ';

/**
 * Minifies one static part of a tagged template, given as raw source text. A `css` part comes back
 * on one line: the caller puts its line breaks back outside the template (see the header).
 */
export function minifyTemplatePart(raw: string, language: Language): string {
  if (language === 'html') return raw.replace(/[ \t]*\n\s*/g, breaksOf);
  // One scan finds comments and quoted strings, whichever starts first, so an apostrophe in a
  // comment ("the session's") never opens a string that swallows the comment's end. Comments become
  // whitespace, squeezed with the rest below; strings are kept byte for byte (they cannot span lines).
  const uncommented = raw.replace(CSS_COMMENT_OR_STRING, (match) => (match.startsWith('/*') ? ' ' : match));
  return uncommented
    .split(CSS_STRING)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s*([{};,])\s*/g, '$1')
            // `color: red` → `color:red`; outside strings a colon is never followed by meaningful space.
            .replace(/:\s+/g, ':')
            .replace(/\s+/g, ' '),
    )
    .join('');
}

const CSS_STRING = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/;
const CSS_COMMENT_OR_STRING = new RegExp(`\\/\\*[^]*?\\*\\/|${CSS_STRING.source}`, 'g');

/** How many line breaks `text` has. */
const lineBreaks = (text: string): number => text.split('\n').length - 1;

interface Node {
  type?: string;
  [key: string]: unknown;
}

/** Minifies every `html`/`svg`/`css` tagged template in a TypeScript module; null when it has none. */
export function minifyLitTemplates(code: string): string | null {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    const tag = n.tag as Node | undefined;
    const language = n.type === 'TaggedTemplateExpression' && tag?.type === 'Identifier' ? TAGS[tag.name as string] : undefined;
    if (language) {
      const template = n.quasi as { end: number; quasis: { start: number; value: { raw: string } }[] };
      const last = template.quasis.length - 1;
      let removedBreaks = 0;
      template.quasis.forEach((quasi, i) => {
        // A quasi's span starts at its opening delimiter (` or }); its raw text follows it.
        const start = quasi.start + 1;
        const raw = quasi.value.raw;
        if (code.slice(start, start + raw.length) !== raw) throw new Error(`minify-lit-templates: unexpected template span at ${start}`);
        let text = minifyTemplatePart(raw, language);
        // The ends of a stylesheet, never the space beside a `${…}`, which may separate two values.
        if (language === 'css' && i === 0) text = text.trimStart();
        if (language === 'css' && i === last) text = text.trimEnd();
        removedBreaks += lineBreaks(raw) - lineBreaks(text);
        edits.push({ start, end: start + raw.length, text });
      });
      // After the closing backtick: JavaScript whitespace, so every later line keeps its number.
      if (removedBreaks > 0) edits.push({ start: template.end, end: template.end, text: '\n'.repeat(removedBreaks) });
    }
    for (const key in n) if (key !== 'parent') visit(n[key]);
  };
  visit(parseAst(code, { lang: 'ts' }));
  if (edits.length === 0) return null;
  let out = code;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** Vite plugin: runs {@link minifyLitTemplates} on the project's own TypeScript modules. */
export function minifyLitTemplatesPlugin(): Plugin {
  return {
    name: 'xpay:minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/[^?]*\.ts$/.test(id) || !/\b(?:html|svg|css)`/.test(code)) return null;
      const out = minifyLitTemplates(code);
      return out === null ? null : { code: out, map: null };
    },
  };
}
