import type { ClientPublicSession } from '../../api/schemas.js';
import type { HostBillingDetails } from '../../frame/protocol.js';
import type { FieldErrorCode } from '../../i18n/translation.js';

/** The billing inputs the checkout itself may render (card fields live in the frame). */
export type BillingField = 'email' | 'phone' | 'line1' | 'line2' | 'city' | 'state' | 'postalCode' | 'country';
export type BillingValues = Record<BillingField, string>;
export type BillingErrors = Partial<Record<BillingField, FieldErrorCode>>;

/** Groups a merchant can choose to render (`fields`); the rest they pass to `confirm()`. */
export const FIELD_GROUPS = ['email', 'phone', 'address'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** What to render, from the session's collection settings and the merchant's `fields`. */
export interface BillingRequirements {
  email: boolean;
  phone: boolean;
  /** `auto`: country + postal code; `required`: the full address. */
  address: 'none' | 'auto' | 'required';
}

export function emptyBilling(country = ''): BillingValues {
  return { email: '', phone: '', line1: '', line2: '', city: '', state: '', postalCode: '', country };
}

/**
 * Email is always collected for the receipt; phone and address only when the session asks. Before
 * the session arrives (`null`), the defaults: most forms, drawn while it loads (issue #9).
 */
export function requirementsFor(session: ClientPublicSession | null, fields: readonly FieldGroup[]): BillingRequirements {
  const address = session?.billingAddressCollection === 'required' ? 'required' : 'auto';
  return {
    email: fields.includes('email'),
    phone: fields.includes('phone') && session?.phoneNumberCollection.enabled === true,
    address: fields.includes('address') ? address : 'none',
  };
}

// Same rules as the wire schema (schemas.ts BillingDetails), so the server never rejects what we accept.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{4,31}$/;

/** Field errors for the rendered inputs; empty when the billing part of the form is complete. */
export function validateBilling(values: BillingValues, req: BillingRequirements): BillingErrors {
  const errors: BillingErrors = {};
  const v = (f: BillingField) => values[f].trim();
  if (req.email) {
    if (!v('email')) errors.email = 'required';
    else if (!EMAIL.test(v('email'))) errors.email = 'invalid_email';
  }
  if (req.phone) {
    if (!v('phone')) errors.phone = 'required';
    else if (!PHONE.test(v('phone'))) errors.phone = 'invalid_phone';
  }
  if (req.address !== 'none') {
    if (!/^[A-Z]{2}$/.test(v('country'))) errors.country = 'invalid_country';
    if (!v('postalCode')) errors.postalCode = 'invalid_postal_code';
  }
  if (req.address === 'required') {
    for (const f of ['line1', 'city'] as const) if (!v(f)) errors[f] = 'required';
  }
  return errors;
}

/** True when nothing the customer could type has been typed yet. */
export function isBillingEmpty(values: BillingValues, req: BillingRequirements): boolean {
  return !(
    (req.email && values.email.trim()) ||
    (req.phone && values.phone.trim()) ||
    (req.address !== 'none' && (values.postalCode.trim() || values.line1.trim() || values.city.trim()))
  );
}

/** The billing details to send with confirm: rendered inputs, then the merchant's extras on top. */
export function toBillingDetails(
  values: BillingValues,
  req: BillingRequirements,
  extra: HostBillingDetails = {},
): HostBillingDetails {
  const t = (s: string) => s.trim() || undefined;
  const details: HostBillingDetails = {};
  if (req.email && t(values.email)) details.email = t(values.email);
  if (req.phone && t(values.phone)) details.phone = t(values.phone);
  if (req.address !== 'none') {
    details.address = {
      postalCode: values.postalCode.trim(),
      country: values.country,
      ...(req.address === 'required'
        ? { line1: t(values.line1), line2: t(values.line2) ?? null, city: t(values.city), state: t(values.state) }
        : {}),
    };
  }
  return { ...details, ...extra };
}
