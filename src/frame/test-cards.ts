import type { TestCardOutcome } from '../i18n/catalogue.js';
import { h } from './dom.js';

/**
 * The test-mode card picker: a small select inside the card frame that fills the frame's own
 * fields with a sandbox test card. It lives here, not on the merchant page, so no card number ever
 * passes through the host — and it appears only for a test-mode session (`cs_test_…`).
 */

/** [what happens, number]: the public sandbox test cards (docs/sandbox-api.md), never real cards. */
const TEST_CARDS: readonly (readonly [TestCardOutcome, string])[] = [
  ['succeeds', '4242424242424242'],
  ['insufficientFunds', '4000000000009995'],
  ['challenge', '4000002760003184'],
  ['processingSucceeds', '4000000000007718'],
  ['processingFails', '4000000000007726'],
];

/**
 * The labelled select; choosing a card calls `pick` with its number (digits only). `outcomes` names
 * what each card does, in the customer's locale (`strings.testCardOutcomes`).
 */
export function createTestCardPicker(
  label: string,
  pick: (number: string) => void,
  outcomes: Readonly<Record<TestCardOutcome, string>>,
): HTMLElement {
  const select = h(
    'select',
    { id: 'test-card' },
    h('option', { value: '' }, '—'),
    ...TEST_CARDS.map(([outcome, number]) => h('option', { value: number }, `${outcomes[outcome]} (•••• ${number.slice(-4)})`)),
  );
  select.addEventListener('change', () => {
    if (select.value) pick(select.value);
  });
  return h('div', { class: 'field test-cards' }, h('label', { for: 'test-card' }, label), select);
}
