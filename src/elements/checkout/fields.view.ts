import { html, nothing, type TemplateResult } from 'lit';
import type { FieldErrorCode, Translation } from '../../i18n/translation.js';
import type { BillingErrors, BillingField, BillingRequirements, BillingValues } from './billing.js';
import type { CountryOption } from './countries.js';

/** What the fields need from the checkout: values, the errors to show now, and where input goes. */
export interface FieldsViewModel {
  t: Translation;
  /** The country select's options (countries.ts), in the customer's language. */
  countries: readonly CountryOption[];
  req: BillingRequirements;
  values: BillingValues;
  /** Only the errors the customer should see now (after blur or a submit attempt). */
  errors: BillingErrors;
  disabled: boolean;
  onInput: (field: BillingField, value: string) => void;
  onBlur: (field: BillingField) => void;
}

/** What sets an input apart beyond its field, label and autocomplete token. */
interface InputOptions {
  /** `email` or `tel`, which is also its `inputmode`; `text` when absent. */
  type?: 'email' | 'tel';
  optional?: boolean;
}

/**
 * The markup every field shares: the label, the control (an input or the country select) and the
 * error the control points at with `aria-describedby`.
 */
function field(
  m: FieldsViewModel,
  name: BillingField,
  label: unknown,
  control: (id: string, error: FieldErrorCode | undefined) => TemplateResult,
): TemplateResult {
  const id = `f-${name}`;
  const error = m.errors[name];
  return html`<div part="field" class="field">
    <label part="label" for=${id}>${label}</label>
    ${control(id, error)}
    ${error ? html`<p part="error" class="field__error" id="${id}-error">${m.t.fieldErrors[error]}</p>` : nothing}
  </div>`;
}

/** A text input for `name`, e.g. `input(m, 'city', t.city, 'billing address-level2')`. */
function input(
  m: FieldsViewModel,
  name: BillingField,
  label: string,
  autocomplete: string,
  { type, optional }: InputOptions = {},
): TemplateResult {
  return field(
    m,
    name,
    optional ? html`${label} <span class="field__optional">(${m.t.optional})</span>` : label,
    (id, error) => html`<input
      part="input"
      id=${id}
      name=${name}
      type=${type ?? 'text'}
      inputmode=${type ?? nothing}
      autocomplete=${autocomplete}
      .value=${m.values[name]}
      ?required=${!optional}
      ?disabled=${m.disabled}
      aria-invalid=${Boolean(error) /* Lit writes a boolean attribute value as "true" / "false" */}
      aria-describedby=${error ? `${id}-error` : nothing}
      @input=${(e: Event) => m.onInput(name, (e.target as HTMLInputElement).value)}
      @blur=${() => m.onBlur(name)}
    />`,
  );
}

function countrySelect(m: FieldsViewModel): TemplateResult {
  return field(
    m,
    'country',
    m.t.country,
    (id, error) => html`<select
      part="input"
      id=${id}
      name="country"
      autocomplete="billing country"
      required
      ?disabled=${m.disabled}
      aria-invalid=${Boolean(error)}
      aria-describedby=${error ? `${id}-error` : nothing}
      @change=${(e: Event) => m.onInput('country', (e.target as HTMLSelectElement).value)}
      @blur=${() => m.onBlur('country')}
    >
      <option value="" ?selected=${!m.values.country} disabled>—</option>
      ${m.countries.map(
        (c) => html`<option value=${c.code} ?selected=${c.code === m.values.country}>${c.name}</option>`,
      )}
    </select>`,
  );
}

/** Contact (email, phone) and billing address inputs, each labelled and with its autocomplete token. */
export function fieldsView(m: FieldsViewModel): TemplateResult | typeof nothing {
  const { t, req } = m;
  const contact = req.email || req.phone;
  return html`
    ${contact
      ? html`<fieldset class="group">
          <legend class="group__title">${t.contactHeading}</legend>
          ${req.email ? input(m, 'email', t.email, 'email', { type: 'email' }) : nothing}
          ${req.phone ? input(m, 'phone', t.phone, 'tel', { type: 'tel' }) : nothing}
        </fieldset>`
      : nothing}
    ${req.address !== 'none'
      ? html`<fieldset class="group">
          <legend class="group__title">${t.billingAddressHeading}</legend>
          ${req.address === 'required'
            ? html`${input(m, 'line1', t.addressLine1, 'billing address-line1')}
              ${input(m, 'line2', t.addressLine2, 'billing address-line2', { optional: true })}
              <div class="row">
                ${input(m, 'city', t.city, 'billing address-level2')}
                ${input(m, 'state', t.state, 'billing address-level1', { optional: true })}
              </div>`
            : nothing}
          <div class="row">
            ${countrySelect(m)}
            ${input(m, 'postalCode', t.postalCode, 'billing postal-code')}
          </div>
        </fieldset>`
      : nothing}
  `;
}
