/**
 * A build step for the browser floor (scripts/browser-floor.ts): Safari/iOS 14.1–15.x have class
 * fields, but a JavaScriptCore bug (https://webkit.org/b/236843, fixed in Safari 16) can make a
 * field initializer that names a variable of an outer scope throw a ReferenceError — intermittently,
 * once the JIT is involved, and not while the dev tools are open. Transpilers that know it either
 * lower every class field and private member for Safari < 16 (Oxc does: +0.6 KB brotli on the CDN
 * bundle, private fields become WeakMaps) or wrap just the affected initializers in an arrow
 * function, so the name resolves inside a function scope (Babel's "bugfixes" do). This is the
 * second, run over the *final* code: both minifiers would inline the arrow again.
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

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/**
 * Whether evaluating `node` looks a name up in a scope (the bug's trigger). Names inside a nested
 * function or class body are looked up when that runs, in its own scope: those are safe.
 */
export function readsOuterName(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(readsOuterName);
  if (!isNode(node)) return false;
  switch (node.type) {
    case 'Identifier':
      return true;
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassExpression':
      return false;
    case 'MemberExpression':
      return readsOuterName(node['object']) || (node['computed'] === true && readsOuterName(node['property']));
    case 'Property':
      return (node['computed'] === true && readsOuterName(node['key'])) || readsOuterName(node['value']);
    default:
      return Object.keys(node).some((key) => key !== 'type' && readsOuterName(node[key]));
  }
}

/** The class field initializers of `code` (an ES module or script) that the bug can break. */
export function unsafeFieldInitializers(code: string, sourceType: 'module' | 'script' = 'module'): Node[] {
  const found: Node[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isNode(node)) return;
    if ((node.type === 'PropertyDefinition' || node.type === 'AccessorProperty') && readsOuterName(node['value'])) {
      found.push(node['value'] as Node);
    }
    for (const key of Object.keys(node)) if (key !== 'type') visit(node[key]);
  };
  visit(parseAst(code, { sourceType }));
  return found;
}

/**
 * Wraps each unsafe initializer as `(()=>(value))()`. Returns the new code and the insertions, so a
 * source map can follow them; `code` is returned unchanged when nothing needs wrapping.
 */
export function wrapUnsafeFieldInitializers(code: string, sourceType: 'module' | 'script' = 'module'): { code: string; insertions: Insertion[] } {
  const insertions = unsafeFieldInitializers(code, sourceType)
    .flatMap((value): Insertion[] => [
      { at: value.start, text: '(()=>(' },
      { at: value.end, text: '))()' },
    ])
    .sort((a, b) => a.at - b.at);
  return { code: insertAll(code, insertions), insertions };
}

/** Vite plugin: the wrapping, over every JS chunk, after any minifier (`enforce: 'post'`, listed last). */
export function safariFieldScopePlugin(): Plugin {
  return {
    name: 'xpay:safari-field-scope',
    apply: 'build',
    enforce: 'post',
    generateBundle(options, bundle) {
      const sourceType = options.format === 'es' ? 'module' : 'script';
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const { code, insertions } = wrapUnsafeFieldInitializers(chunk.code, sourceType);
        if (insertions.length === 0) continue;
        if (chunk.map) chunk.map.mappings = shiftMappings(chunk.map.mappings, chunk.code, insertions);
        chunk.code = code;
      }
    },
  };
}
