import type { CreateSessionRequest } from '../src/api/objects.js';
import { isSafeUrl } from '../src/api/safe-url.js';
import type {
  BankRedirectConfirmRequest,
  ConfirmRequest,
  NewCardConfirmRequest,
  PaymentMethodPreview,
  PublicSession,
  SavedCardConfirmRequest,
} from '../src/api/schemas.js';
import { supportedMethodTypes, TEST_BANKS } from './banks.js';
import type { ChargeRec, SessionRec } from './engine.js';
import { ApiError, invalid } from './errors.js';

/**
 * How a session may be paid (issue #11), as pure rules: its payment-method settings (checked at
 * create, defaulted for sessions stored before), which kind of confirm a body is, and what the
 * public view shows of methods. The engine applies them; nothing here reads or writes the store.
 */

/** A session's payment-method settings, all present. */
export type MethodSettings = Required<Pick<SessionRec, 'paymentMethodTypes' | 'savePaymentMethod' | 'savedCardCvc' | 'allowRemoveSavedCards' | 'returnUrl'>>;

/** A session's payment-method settings, with the defaults of sessions stored before issue #11. */
export function methodsOf(s: SessionRec): MethodSettings {
  return {
    paymentMethodTypes: s.paymentMethodTypes ?? ['card'],
    savePaymentMethod: s.savePaymentMethod ?? 'off',
    savedCardCvc: s.savedCardCvc ?? 'always',
    allowRemoveSavedCards: s.allowRemoveSavedCards ?? false,
    returnUrl: s.returnUrl ?? null,
  };
}

/** A create's payment-method settings, checked against each other and the currency. */
export function sessionMethods(req: CreateSessionRequest, hasCustomer: boolean, allowedOrigins: string[] | null, apiOrigin: string): MethodSettings {
  const supported = supportedMethodTypes(req.currency);
  const types = req.paymentMethodTypes ? [...new Set(req.paymentMethodTypes)] : supported;
  types.forEach((t, i) => {
    if (!supported.includes(t)) {
      throw invalid('payment_method_unsupported', `${t} is not offered in ${req.currency.toUpperCase()}; this sandbox offers ${supported.join(', ')}.`, `paymentMethodTypes.${i}`);
    }
  });
  const save = req.savePaymentMethod ?? 'off';
  if (save !== 'off') {
    if (!types.includes('card')) throw invalid('parameter_invalid', 'savePaymentMethod saves cards: add card to paymentMethodTypes, or leave it off.', 'savePaymentMethod');
    if (!hasCustomer) {
      throw invalid(
        'parameter_missing',
        `savePaymentMethod: '${save}' saves the card to a customer: pass customerId (a returning customer) or customerEmail (a customer created at checkout).`,
        'customerId',
      );
    }
  }
  if (req.returnUrl !== undefined) checkReturnUrl(req.returnUrl, allowedOrigins, apiOrigin, 'returnUrl');
  return {
    paymentMethodTypes: types,
    savePaymentMethod: save,
    savedCardCvc: req.savedCardCvc ?? 'always',
    allowRemoveSavedCards: req.allowRemoveSavedCards ?? false,
    returnUrl: req.returnUrl ?? null,
  };
}

/** A URL the bank page may send the customer to: safe, and on an origin the session allows. */
export function checkReturnUrl(url: string, allowedOrigins: string[] | null, apiOrigin: string, param: string): void {
  let origin: string;
  try {
    origin = new URL(url).origin.toLowerCase();
  } catch {
    throw invalid('parameter_invalid', `${param} must be an absolute URL.`, param);
  }
  if (!isSafeUrl(url)) throw invalid('parameter_invalid', `${param} must be an https URL (http only to localhost, 127.0.0.0/8 or [::1]).`, param);
  if (allowedOrigins !== null && !allowedOrigins.includes(origin) && origin !== apiOrigin.toLowerCase()) {
    throw new ApiError('invalid_request_error', 'origin_not_allowed', `${param} must be on one of this session's allowedOrigins.`, { param, origin, allowedOrigins });
  }
}

/** A confirm with a saved card (`paymentMethod.id`). */
export function isSaved(req: ConfirmRequest): req is SavedCardConfirmRequest {
  return req.paymentMethod.type === 'card' && 'id' in req.paymentMethod;
}
/** A confirm with a new card. */
export function isNewCard(req: ConfirmRequest): req is NewCardConfirmRequest {
  return req.paymentMethod.type === 'card' && !('id' in req.paymentMethod);
}
/** A bank-redirect confirm. */
export function isBankRedirect(req: ConfirmRequest): req is BankRedirectConfirmRequest {
  return req.paymentMethod.type === 'bank_redirect';
}

/** The method a charge used, as the customer may see it again (issue #11). */
export function methodPreview(charge: ChargeRec): PaymentMethodPreview {
  const d = charge.paymentMethodDetails;
  return d.type === 'card' ? { type: 'card', card: { brand: d.card.brand, last4: d.card.last4 } } : { type: 'bank_redirect', bankRedirect: { bank: d.bankRedirect.bank } };
}

/** The public view's payment-method fields: what to offer, and this customer's saved cards. */
export function publicMethods(s: SessionRec, savedCards: PublicSession['savedPaymentMethods']): Partial<PublicSession> {
  const m = methodsOf(s);
  return {
    paymentMethodTypes: m.paymentMethodTypes,
    savePaymentMethod: m.savePaymentMethod,
    savedCardCvc: m.savedCardCvc,
    allowRemoveSavedCards: m.allowRemoveSavedCards,
    savedPaymentMethods: m.paymentMethodTypes.includes('card') ? savedCards : [],
    banks: m.paymentMethodTypes.includes('bank_redirect') ? TEST_BANKS.map(({ id, name, settlesLater }) => ({ id, name, settlesLater })) : [],
  };
}
