import type { FieldErrorCode } from '../../i18n/translation.js';
import { emptyBilling, validateBilling, type BillingField, type BillingRequirements } from './billing.js';

const BILLING = 'paymentMethod.billingDetails.';

/**
 * The input a confirm's 400 `param` names (e.g. `paymentMethod.billingDetails.address.postalCode`
 * → `postalCode`) with the error to show under it, or null when this form does not render that
 * input: then the merchant's integration must change (issue 8 §9).
 */
export function refusedField(param: string, req: BillingRequirements): [BillingField, FieldErrorCode] | null {
  if (!param.startsWith(BILLING)) return null;
  const path = param.slice(BILLING.length);
  // A missing address as a whole is shown on its first input, the country.
  const field = (path === 'address' ? 'country' : path.replace('address.', '')) as BillingField;
  // The form's own rules, run on empty values, name exactly the required inputs it renders.
  const code = validateBilling(emptyBilling(), req)[field];
  if (!code) return null;
  // The form already checks these are present and well-formed: the API refused their length.
  return [field, code === 'required' && (field === 'email' || field === 'phone') ? `invalid_${field}` : code];
}
