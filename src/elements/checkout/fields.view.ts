import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/translation.js';
import type { BillingErrors, BillingField, BillingRequirements, BillingValues } from './billing.js';
import { countryOptions } from './countries.js';

/** What the fields need from the checkout: values, the errors to show now, and where input goes. */
export interface FieldsViewModel {
  t: Translation;
  locale: string;
  req: BillingRequirements;
  values: BillingValues;
  /** Only the errors the customer should see now (after blur or a submit attempt). */
  errors: BillingErrors;
  disabled: boolean;
  onInput: (field: BillingField, value: string) => void;
  onBlur: (field: BillingField) => void;
}

interface InputSpec {
  field: BillingField;
  label: string;
  autocomplete: string;
  type?: string;
  inputmode?: string;
  optional?: boolean;
}

function input(m: FieldsViewModel, spec: InputSpec): TemplateResult {
  const id = `f-${spec.field}`;
  const error = m.errors[spec.field];
  return html`<div part="field" class="field">
    <label part="label" for=${id}>
      ${spec.label}${spec.optional ? html` <span class="field__optional">(${m.t.optional})</span>` : nothing}
    </label>
    <input
      part="input"
      id=${id}
      name=${spec.field}
      type=${spec.type ?? 'text'}
      inputmode=${spec.inputmode ?? nothing}
      autocomplete=${spec.autocomplete}
      .value=${m.values[spec.field]}
      ?required=${!spec.optional}
      ?disabled=${m.disabled}
      aria-invalid=${Boolean(error) /* Lit writes a boolean attribute value as "true" / "false" */}
      aria-describedby=${error ? `${id}-error` : nothing}
      @input=${(e: Event) => m.onInput(spec.field, (e.target as HTMLInputElement).value)}
      @blur=${() => m.onBlur(spec.field)}
    />
    ${error ? html`<p part="error" class="field__error" id="${id}-error">${m.t.fieldErrors[error]}</p>` : nothing}
  </div>`;
}

function countrySelect(m: FieldsViewModel): TemplateResult {
  const error = m.errors.country;
  return html`<div part="field" class="field">
    <label part="label" for="f-country">${m.t.country}</label>
    <select
      part="input"
      id="f-country"
      name="country"
      autocomplete="billing country"
      required
      ?disabled=${m.disabled}
      aria-invalid=${Boolean(error)}
      aria-describedby=${error ? 'f-country-error' : nothing}
      @change=${(e: Event) => m.onInput('country', (e.target as HTMLSelectElement).value)}
      @blur=${() => m.onBlur('country')}
    >
      <option value="" ?selected=${!m.values.country} disabled>—</option>
      ${countryOptions(m.locale).map(
        (c) => html`<option value=${c.code} ?selected=${c.code === m.values.country}>${c.name}</option>`,
      )}
    </select>
    ${error ? html`<p part="error" class="field__error" id="f-country-error">${m.t.fieldErrors[error]}</p>` : nothing}
  </div>`;
}

/** Contact (email, phone) and billing address inputs, each labelled and with its autocomplete token. */
export function fieldsView(m: FieldsViewModel): TemplateResult | typeof nothing {
  const { t, req } = m;
  const contact = req.email || req.phone;
  return html`
    ${contact
      ? html`<fieldset class="group">
          <legend class="group__title">${t.contactHeading}</legend>
          ${req.email ? input(m, { field: 'email', label: t.email, type: 'email', autocomplete: 'email', inputmode: 'email' }) : nothing}
          ${req.phone ? input(m, { field: 'phone', label: t.phone, type: 'tel', autocomplete: 'tel', inputmode: 'tel' }) : nothing}
        </fieldset>`
      : nothing}
    ${req.address !== 'none'
      ? html`<fieldset class="group">
          <legend class="group__title">${t.billingAddressHeading}</legend>
          ${req.address === 'required'
            ? html`${input(m, { field: 'line1', label: t.addressLine1, autocomplete: 'billing address-line1' })}
              ${input(m, { field: 'line2', label: t.addressLine2, autocomplete: 'billing address-line2', optional: true })}
              <div class="row">
                ${input(m, { field: 'city', label: t.city, autocomplete: 'billing address-level2' })}
                ${input(m, { field: 'state', label: t.state, autocomplete: 'billing address-level1', optional: true })}
              </div>`
            : nothing}
          <div class="row">
            ${countrySelect(m)}
            ${input(m, { field: 'postalCode', label: t.postalCode, autocomplete: 'billing postal-code' })}
          </div>
        </fieldset>`
      : nothing}
  `;
}
