/**
 * Simulates what a browser does to an <input> before our formatter runs, so tests read like the
 * customer's keystrokes. Notation: "|" marks a collapsed caret, "[...]" a selection.
 */
import type { EditContext, Formatted } from '../../../src/card/index.js';

export type Formatter = (rawValue: string, caret: number, edit?: EditContext) => Formatted;

interface FieldState {
  value: string;
  start: number;
  end: number;
}

/** Reads "42|42" or "4[24]2" into a value and a selection. */
export function parseState(notation: string): FieldState {
  const open = notation.indexOf('[');
  if (open >= 0) {
    const close = notation.indexOf(']');
    return { value: notation.replace('[', '').replace(']', ''), start: open, end: close - 1 };
  }
  const caret = notation.indexOf('|');
  if (caret < 0) return { value: notation, start: notation.length, end: notation.length };
  return { value: notation.replace('|', ''), start: caret, end: caret };
}

/** Renders a formatter result with "|" at the caret. */
export function showCaret({ value, caret }: Formatted): string {
  return value.slice(0, caret) + '|' + value.slice(caret);
}

function run(format: Formatter, previous: string, raw: string, caret: number, inputType: string): string {
  return showCaret(format(raw, caret, { previousValue: previous, inputType }));
}

/** Types or pastes `text` at the caret (replacing any selection). */
export function insert(format: Formatter, before: string, text: string, paste = false): string {
  const { value, start, end } = parseState(before);
  const raw = value.slice(0, start) + text + value.slice(end);
  return run(format, value, raw, start + text.length, paste ? 'insertFromPaste' : 'insertText');
}

/** Presses Backspace. */
export function backspace(format: Formatter, before: string): string {
  const { value, start, end } = parseState(before);
  if (start !== end) return run(format, value, value.slice(0, start) + value.slice(end), start, 'deleteContentBackward');
  if (start === 0) return showCaret({ value, caret: 0 });
  return run(format, value, value.slice(0, start - 1) + value.slice(start), start - 1, 'deleteContentBackward');
}

/** Presses Delete (forward delete). */
export function forwardDelete(format: Formatter, before: string): string {
  const { value, start, end } = parseState(before);
  const raw = start !== end ? value.slice(0, start) + value.slice(end) : value.slice(0, start) + value.slice(start + 1);
  return run(format, value, raw, start, 'deleteContentForward');
}

/** Types `keys` one character at a time from an empty field, as a customer would. */
export function typeSequence(format: Formatter, keys: string): string[] {
  const shown: string[] = [];
  let state = '|';
  for (const key of keys) {
    state = insert(format, state, key);
    shown.push(state);
  }
  return shown;
}
