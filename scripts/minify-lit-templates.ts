/**
 * A build step for the script-tag bundle: squeezes the indentation out of Lit's `html`, `svg` and
 * `css` tagged templates, which the JS minifier must leave alone (they are string contents). Saves
 * ~0.4 KB brotli of the CDN bundle's 25 KB budget without touching how anything renders. The
 * templates are found by their tag's name (`html`, `svg`, `css`): a renamed tag is skipped
 * (docs/bundle-budget.md#template-tag-names). How it keeps everything else as it was:
 *
 * - Only the static parts of the templates change, never a `${…}` expression.
 * - A whitespace run keeps its line breaks (at least one whitespace character stays), so text
 *   nodes stay whitespace where they were whitespace, and every line of the module keeps its
 *   number: the transform returns `map: null`, and the source maps stay right.
 * - In `css`, comments go, and so does whitespace around `{ } ; ,` and after `:`, outside quoted
 *   strings.
 */
import { parseAst, type Plugin } from 'vite';

type Language = 'html' | 'css';
const TAGS: Record<string, Language> = { html: 'html', svg: 'html', css: 'css' };

/** The line breaks of a whitespace run, or one space when it has none. */
const breaksOf = (whitespace: string): string => whitespace.replace(/[^\n]/g, '') || ' ';

/** Minifies one static part of a tagged template, given as raw source text. */
export function minifyTemplatePart(raw: string, language: Language): string {
  if (language === 'html') return raw.replace(/[ \t]*\n\s*/g, breaksOf);
  // One scan finds comments and quoted strings, whichever starts first, so an apostrophe in a
  // comment ("the session's") never opens a string that swallows the comment's end. Comments go
  // (their line breaks stay); strings are kept byte for byte.
  return raw
    .split(/(\/\*[^]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/)
    .map((part, i) =>
      i % 2
        ? part.startsWith('/*')
          ? part.replace(/[^\n]/g, '')
          : part
        : part
            .replace(/\s*([{};,])\s*/g, (match, punctuation: string) => punctuation + match.replace(/[^\n]/g, ''))
            // `color: red` → `color:red`; outside strings a colon is never followed by meaningful space.
            .replace(/:[ \t]+/g, ':')
            .replace(/[ \t]*\n\s*/g, breaksOf),
    )
    .join('');
}

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
      for (const quasi of (n.quasi as { quasis: { start: number; value: { raw: string } }[] }).quasis) {
        // A quasi's span starts at its opening delimiter (` or }); its raw text follows it.
        const start = quasi.start + 1;
        const raw = quasi.value.raw;
        if (code.slice(start, start + raw.length) !== raw) throw new Error(`minify-lit-templates: unexpected template span at ${start}`);
        edits.push({ start, end: start + raw.length, text: minifyTemplatePart(raw, language) });
      }
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
