import type { XpayCheckout } from 'xpay-checkout';
import { APPEARANCE_DEFAULTS, LANGUAGE_CHOICES, THEME_CHOICES } from './appearance-options.js';

type Choice = keyof typeof APPEARANCE_DEFAULTS;
const CHOICES: Record<Choice, readonly (readonly [string, string])[]> = { locale: LANGUAGE_CHOICES, theme: THEME_CHOICES };

/**
 * Wires the page's language and theme pickers (`<select name="locale">`, `<select name="theme">`,
 * rendered by demo/shop/pages.ts) to the widget: the choice in the URL's query (`?locale=ja&theme=dark`)
 * is applied before the widget loads, and a change is applied live — the widget re-renders in place
 * and keeps what the customer typed — and written back to the query, so a reload keeps it. A value
 * in the URL that is not one of the choices is ignored.
 */
export function attachAppearancePicker(checkout: Pick<XpayCheckout, Choice>): void {
  const params = new URLSearchParams(location.search);
  for (const name of Object.keys(CHOICES) as Choice[]) {
    const select = document.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
    const wanted = params.get(name);
    const value = CHOICES[name].some(([v]) => v === wanted) ? wanted! : APPEARANCE_DEFAULTS[name];
    apply(checkout, name, value);
    if (!select) continue;
    select.value = value;
    select.addEventListener('change', () => {
      apply(checkout, name, select.value);
      // Read the query again: the checkout page adds `order` to it after this ran.
      const query = new URLSearchParams(location.search);
      if (select.value === APPEARANCE_DEFAULTS[name]) query.delete(name);
      else query.set(name, select.value);
      const search = query.toString();
      history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}`);
    });
  }
}

function apply(checkout: Pick<XpayCheckout, Choice>, name: Choice, value: string): void {
  if (name === 'theme') checkout.theme = value as XpayCheckout['theme'];
  else checkout.locale = value;
}
