import { brandSpec, type CardBrand } from '../card/brands.js';
import type { EditContext, Formatted } from '../card/caret.js';
import { formatCvc } from '../card/format-cvc.js';
import { formatExpiry } from '../card/format-expiry.js';
import { formatCardNumber } from '../card/format-number.js';
import {
  CARD_FIELDS,
  isFieldFull,
  validateCard,
  visibleErrors,
  type CardErrors,
  type CardField,
  type CardFieldValues,
  type CardValidation,
  type FieldInteraction,
} from '../card/validate.js';
import { brandIconMarkup } from './brand-icons.js';
import { h } from './dom.js';
import type { FrameStrings } from './frame-strings.js';

/** What the form reports after every change: the validation with only the errors now visible. */
export type FormState = Omit<CardValidation, 'errors'> & { errors: CardErrors };

/** Callbacks from the form to the frame app. */
export interface CardFormEvents {
  change(state: FormState): void;
  focus(field: CardField): void;
  blur(field: CardField): void;
  /** Enter pressed in a field. */
  submit(): void;
}

/** The form's controls, as the frame app uses them. */
export interface CardForm {
  readonly element: HTMLFormElement;
  /** The raw values (only ever read inside the frame). */
  values(): CardFieldValues;
  /** The full validation at `now`, all errors included. */
  validate(now?: Date): CardValidation;
  /** Reveals every error, as a submit attempt does, and reports the new state. */
  revealErrors(): void;
  /** Focuses `field`, or else the first field with an error, or else the first field. */
  focus(field?: CardField): void;
  /** Empties every field and forgets touched/submitted state. */
  clear(): void;
  /** Sets the given fields as if pasted (formatted, marked touched), then reports the state once. */
  fill(values: Partial<CardFieldValues>): void;
  /** Locks the inputs while a confirm is in flight, so what is charged is what is shown. */
  setBusy(busy: boolean): void;
  /** Recomputes validation, brand icon and error texts, and reports the state. */
  refresh(): void;
  /** Relabels the fields in another language, keeping what was typed, focus and shown errors. */
  setStrings(next: FrameStrings): void;
}

// The digit fields stay left to right in a right-to-left language, as banks print them; the brand
// icon and the hint stay after the digits (physical `right` in frame.css, on purpose).
const INPUT_ATTRIBUTES: Record<CardField, Record<string, string>> = {
  name: { autocomplete: 'cc-name', autocapitalize: 'words', maxlength: '200' },
  number: { autocomplete: 'cc-number', inputmode: 'numeric', dir: 'ltr' },
  expiry: { autocomplete: 'cc-exp', inputmode: 'numeric', dir: 'ltr' },
  cvc: { autocomplete: 'cc-csc', inputmode: 'numeric', dir: 'ltr' },
};

/**
 * Builds the four card inputs: formats as the customer types (caret kept in place), tracks
 * focus/blur for the error-display rule, and shows errors with `aria-invalid` + `aria-describedby`.
 * It never sends anything anywhere: the frame app decides what leaves the frame.
 *
 * Closures rather than a class: the minifier can shorten local names but not properties, and the
 * frame has a 14 KB brotli budget.
 */
export function createCardForm(
  strings: FrameStrings,
  events: CardFormEvents,
  /** Adds the security-code hint button to its control (see cvc-hint.ts). */
  decorateCvc?: (control: HTMLElement) => void,
): CardForm {
  const inputs = {} as Record<CardField, HTMLInputElement>;
  const labels = {} as Record<CardField, HTMLLabelElement>;
  const errorTexts = {} as Record<CardField, HTMLElement>;
  /** The value each formatter last produced, to recognise a deleted separator. */
  const lastValue = { name: '', number: '', expiry: '', cvc: '' } as Record<CardField, string>;
  const touched = new Set<CardField>();
  const brandSlot = h('span', { class: 'brand' });
  const row = h('div', { class: 'row' });
  const element = h('form', { novalidate: '', autocomplete: 'on' });
  let focused: CardField | null = null;
  let submitted = false;
  let brand: CardBrand | null = null;

  const values = (): CardFieldValues => ({
    name: inputs.name.value,
    number: inputs.number.value,
    expiry: inputs.expiry.value,
    cvc: inputs.cvc.value,
  });
  const validate = (now = new Date()) => validateCard(values(), now);

  const showBrand = (next: CardBrand) => {
    brand = next;
    const name = next === 'unknown' ? '' : brandSpec(next).displayName;
    // Static markup from brand-icons.ts, never customer or host input.
    brandSlot.innerHTML = brandIconMarkup(next);
    brandSlot.title = name;
    // Screen readers hear the brand with the number field.
    inputs.number.setAttribute('aria-label', name ? `${strings.labels.number} (${name})` : strings.labels.number);
    inputs.cvc.placeholder = next === 'amex' ? '1234' : strings.placeholders.cvc;
    // A brand change can shorten the CVC (Amex 4 → Visa 3): trim what was typed to fit.
    inputs.cvc.value = lastValue.cvc = formatCvc(inputs.cvc.value, 0, next).value;
  };

  const showError = (field: CardField, code: string | undefined) => {
    const text = code ? ((strings.errors[field] as Record<string, string>)[code] ?? '') : '';
    const error = errorTexts[field];
    if (error.textContent !== text) error.textContent = text;
    if (code) inputs[field].setAttribute('aria-invalid', 'true');
    else inputs[field].removeAttribute('aria-invalid');
  };

  const refresh = () => {
    const validation = validate();
    if (validation.brand !== brand) showBrand(validation.brand);
    const interactions = {} as Record<CardField, FieldInteraction>;
    for (const field of CARD_FIELDS) {
      const value = inputs[field].value;
      interactions[field] = {
        focused: focused === field,
        touched: touched.has(field),
        full: isFieldFull(field, value, validation.brand),
        empty: value.trim() === '',
      };
    }
    const errors = visibleErrors(validation.errors, interactions, submitted);
    for (const field of CARD_FIELDS) showError(field, errors[field]);
    events.change({ complete: validation.complete, empty: validation.empty, brand: validation.brand, errors });
  };

  const format = (field: CardField, raw: string, caret: number, edit: EditContext): Formatted =>
    field === 'number'
      ? formatCardNumber(raw, caret, edit)
      : field === 'expiry'
        ? formatExpiry(raw, caret, edit)
        : field === 'cvc'
          ? formatCvc(raw, caret, brand ?? 'unknown')
          : { value: raw, caret };

  const handleInput = (field: CardField, event: InputEvent) => {
    const input = inputs[field];
    const result = format(field, input.value, input.selectionStart ?? input.value.length, {
      previousValue: lastValue[field],
      inputType: event.inputType,
    });
    if (result.value !== input.value) input.value = result.value;
    // Moving the selection of an unfocused input can steal focus in some browsers (autofill).
    if (document.activeElement === input) input.setSelectionRange(result.caret, result.caret);
    lastValue[field] = result.value;
    refresh();
  };

  for (const field of CARD_FIELDS) {
    const input = h('input', {
      id: field,
      name: field,
      type: 'text',
      spellcheck: 'false',
      enterkeyhint: 'done',
      placeholder: strings.placeholders[field],
      'aria-describedby': `${field}-error`,
      ...INPUT_ATTRIBUTES[field],
    });
    const control = h('div', { class: 'control' }, input);
    const label = h('label', { for: field }, strings.labels[field]);
    const error = h('p', { class: 'error', id: `${field}-error`, 'aria-live': 'polite' });
    inputs[field] = input;
    labels[field] = label;
    errorTexts[field] = error;
    input.addEventListener('input', (event) => handleInput(field, event as InputEvent));
    input.addEventListener('focus', () => {
      focused = field;
      events.focus(field);
      refresh();
    });
    input.addEventListener('blur', () => {
      if (focused === field) focused = null;
      touched.add(field);
      events.blur(field);
      refresh();
    });
    if (field === 'number') control.append(brandSlot);
    if (field === 'cvc') decorateCvc?.(control);
    (field === 'expiry' || field === 'cvc' ? row : element).append(
      h('div', { class: 'field' }, label, control, error),
    );
  }
  element.append(row);
  // Enter in a field submits. A form with several text inputs and no submit button gets no implicit
  // submission from the browser, so the key is handled here (not while an IME is composing).
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      events.submit();
    }
  });

  return {
    element,
    values,
    validate,
    refresh,
    revealErrors() {
      submitted = true;
      refresh();
    },
    focus(field) {
      inputs[field ?? CARD_FIELDS.find((f) => validate().errors[f]) ?? 'name'].focus();
    },
    clear() {
      for (const field of CARD_FIELDS) inputs[field].value = lastValue[field] = '';
      touched.clear();
      submitted = false;
      refresh();
    },
    fill(next) {
      for (const field of CARD_FIELDS) {
        const value = next[field];
        if (value === undefined) continue;
        inputs[field].value = lastValue[field] = format(field, value, value.length, { previousValue: '', inputType: 'insertFromPaste' }).value;
        touched.add(field);
        // The new number's brand decides how the CVC is formatted (3 or 4 digits).
        if (field === 'number') showBrand(validate().brand);
      }
      refresh();
    },
    setStrings(next) {
      strings = next;
      for (const field of CARD_FIELDS) {
        labels[field].textContent = strings.labels[field];
        inputs[field].placeholder = strings.placeholders[field];
      }
      // The number's accessible name and the CVC placeholder depend on the brand; errors on the texts.
      showBrand(brand ?? 'unknown');
      refresh();
    },
    setBusy(busy) {
      for (const field of CARD_FIELDS) inputs[field].readOnly = busy;
      element.setAttribute('aria-busy', String(busy));
    },
  };
}
