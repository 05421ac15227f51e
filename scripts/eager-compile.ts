/**
 * A build step for the script-tag bundle (issue #9, compile + evaluation on the main thread):
 * parenthesise the IIFE's function, `var XPay=(function(e){…})({})`.
 *
 * Why: Chromium parses a large classic script off the main thread while it streams in, but V8 only
 * pre-parses the functions inside it, and compiles each one on first call, on the main thread. The
 * whole bundle is one function called at once, so all of it was compiled there, inside the
 * script's evaluation. A function expression that follows `(` is a "PIFE": V8 expects it to run
 * right away and compiles it eagerly, during the streaming parse (https://v8.dev/blog/preparser).
 * Measured at CPU 4× (bench/README.md): V8's lazy-compile time inside the evaluation drops from ~17
 * to ~5 ms. Two bytes. Minifiers drop such parentheses, so this runs after them, on the final code.
 */
import { parseAst } from 'rolldown/parseAst';
import type { Plugin } from 'vite';
import { insertAll, shiftMappings, type Insertion } from './source-insertions.js';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * Where to put the parentheses in an IIFE bundle (`var Name=function(…){…}(…)`): around the
 * function expression. Throws on any other shape, so a change of bundler output is noticed.
 */
export function pifeInsertions(code: string): Insertion[] {
  const [statement] = parseAst(code, { sourceType: 'script' }).body as unknown as Node[];
  const declarator = (statement?.type === 'VariableDeclaration' ? (statement['declarations'] as Node[])[0] : undefined) as Node | undefined;
  const call = declarator?.['init'] as Node | undefined;
  const callee = call?.type === 'CallExpression' ? (call['callee'] as Node) : undefined;
  if (callee?.type !== 'FunctionExpression') throw new Error('eager-compile: the bundle is not `var Name=function(…){…}(…)`');
  // The parser drops parentheses from the tree; the text still has them.
  if (code[callee.start - 1] === '(') return [];
  return [
    { at: callee.start, text: '(' },
    { at: callee.end, text: ')' },
  ];
}

/** Vite plugin: parenthesises the IIFE chunk's function after every minifier (list it last). */
export function eagerCompilePlugin(): Plugin {
  return {
    name: 'xpay:eager-compile',
    apply: 'build',
    enforce: 'post',
    generateBundle(options, bundle) {
      if (options.format !== 'iife') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const insertions = pifeInsertions(chunk.code);
        if (chunk.map) chunk.map.mappings = shiftMappings(chunk.map.mappings, chunk.code, insertions);
        chunk.code = insertAll(chunk.code, insertions);
      }
    },
  };
}
