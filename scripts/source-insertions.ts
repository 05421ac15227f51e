/**
 * Text inserted into a chunk's final code by a build step that runs after the minifiers
 * (safari-field-scope.ts, eager-compile.ts), and the source map kept pointing at the sources.
 */
import { decode, encode } from '@jridgewell/sourcemap-codec';

/** `text` inserted before offset `at` of the code. */
export interface Insertion {
  at: number;
  text: string;
}

/** `code` with every insertion made (offsets are into the original `code`). */
export function insertAll(code: string, insertions: readonly Insertion[]): string {
  let out = '';
  let from = 0;
  for (const { at, text } of [...insertions].sort((a, b) => a.at - b.at)) {
    out += code.slice(from, at) + text;
    from = at;
  }
  return out + code.slice(from);
}

/** Moves a source map's generated columns past text inserted into the generated code. */
export function shiftMappings(mappings: string, code: string, insertions: readonly Insertion[]): string {
  const lines = decode(mappings);
  // Line and column of each insertion in the original generated code.
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let line = 0;
  const byLine = new Map<number, { column: number; length: number }[]>();
  for (const { at, text } of [...insertions].sort((a, b) => a.at - b.at)) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= at) line++;
    const list = byLine.get(line) ?? [];
    list.push({ column: at - lineStarts[line]!, length: text.length });
    byLine.set(line, list);
  }
  for (const [index, shifts] of byLine) {
    for (const segment of lines[index] ?? []) {
      let moved = 0;
      for (const shift of shifts) if (shift.column <= segment[0]) moved += shift.length;
      segment[0] += moved;
    }
  }
  return encode(lines);
}
