import { css } from '../../styles/css.js';

/** Layout and look of `<xpay-checkout>`; reads only private `--_xpay-*` aliases (see tokens.styles.ts). */
export const styles = css`
  :host {
    display: block;
    max-width: var(--_xpay-checkout-max-width);
    background: var(--_xpay-color-background);
  }
  :host([hidden]) {
    display: none;
  }
  .checkout {
    display: grid;
    gap: calc(var(--_xpay-space) * 1.5);
    position: relative;
    /* A status view held at the form's height (#holdHeight) leaves the room below it, unstretched. */
    align-content: start;
  }
  /* The form while a status view shows: kept at full width, but invisible, out of the accessibility
     tree and taking no room (the card frame inside keeps the session's calls going). */
  .parked {
    position: absolute;
    inline-size: 100%;
    block-size: 0;
    overflow: hidden;
    visibility: hidden;
  }

  /*
   * Loading: the summary and the form are drawn in place, with bars where the session's values will
   * be, so what replaces them has the same height and the page does not jump (issue #9).
   */
  .skeleton {
    border-radius: 4px;
    background: var(--_xpay-color-border);
  }
  /*
   * While the session loads, the customer's language may not be known yet (the session's locale,
   * read by the card frame): text keeps its place but is not shown, so it never flashes in English.
   * The country select too: it lists the countries by code until then (countries.ts).
   */
  [aria-busy='true'] :is(label, legend, h2, dt, p, select) {
    color: transparent;
  }
  /* One line of text: as tall as the line box it stands in, so the line keeps its height. */
  .skeleton--text {
    display: inline-block;
    width: 8em;
    height: 1em;
    vertical-align: middle;
  }
  /* The pay button's box: its line, its padding, its border. */
  .skeleton--button {
    height: calc(1.5rem + 26px);
    border-radius: var(--_xpay-radius);
  }

  /* Order summary */
  .summary {
    padding: var(--_xpay-space);
    border-radius: var(--_xpay-radius);
    background: var(--_xpay-color-surface);
  }
  .summary__merchant {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_xpay-color-text-muted);
  }
  .summary__title {
    margin: 0 0 12px;
    font-size: 1.0625rem;
    font-weight: 600;
  }
  .summary__items {
    list-style: none;
    margin: 0;
    padding: 0 0 12px;
    display: grid;
    gap: 8px;
    border-bottom: 1px solid var(--_xpay-color-border);
  }
  .summary__item {
    display: grid;
    grid-template-columns: 1fr auto;
    column-gap: 12px;
    font-size: 0.9375rem;
  }
  .summary__name {
    font-weight: 500;
  }
  .summary__qty {
    grid-row: 2;
    font-size: 0.8125rem;
    color: var(--_xpay-color-text-muted);
  }
  .summary__amount {
    grid-row: 1;
    grid-column: 2;
    font-variant-numeric: tabular-nums;
  }
  dl,
  dd {
    margin: 0;
  }
  .summary dl {
    display: grid;
    gap: 6px;
    padding-top: 12px;
  }
  .summary--compact dl {
    padding-top: 0;
  }
  .summary__row {
    display: flex;
    justify-content: space-between;
    font-size: 0.9375rem;
    color: var(--_xpay-color-text-muted);
  }
  .summary__row dd {
    font-variant-numeric: tabular-nums;
  }
  .summary__row--total {
    font-size: 1.0625rem;
    font-weight: 600;
    color: var(--_xpay-color-text);
  }

  /* Form */
  form {
    display: grid;
    gap: calc(var(--_xpay-space) * 1.25);
  }
  .group {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 12px;
    min-width: 0;
  }
  .group__title {
    padding: 0;
    margin-bottom: 8px;
    font-size: 0.9375rem;
    font-weight: 600;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  .field {
    display: grid;
    gap: 6px;
    min-width: 0;
    /* Side by side, a field with an error must not stretch its neighbour's input. */
    align-content: start;
  }
  label {
    font-size: 0.875rem;
    font-weight: 500;
  }
  .field__optional {
    font-weight: 400;
    color: var(--_xpay-color-text-muted);
  }
  input,
  select {
    width: 100%;
    min-height: 44px;
    padding: 10px 12px;
    font: inherit;
    color: var(--_xpay-color-text);
    background: var(--_xpay-input-background);
    border: 1px solid var(--_xpay-input-border);
    border-radius: var(--_xpay-radius);
    box-shadow: 0 1px 1px rgb(16 24 40 / 0.04);
    transition:
      border-color 0.15s,
      box-shadow 0.15s;
  }
  select {
    appearance: none;
    padding-inline-end: 36px;
    background-image: linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position:
      calc(100% - 18px) 55%,
      calc(100% - 13px) 55%;
    background-size: 5px 5px;
    background-repeat: no-repeat;
  }
  /* background-position has no logical form: the arrow moves to the end of a right-to-left select. */
  [dir='rtl'] select {
    background-position:
      13px 55%,
      18px 55%;
  }
  input:focus-visible,
  select:focus-visible {
    outline: none;
    border-color: var(--_xpay-focus-ring);
    /* A solid ring next to the border, so the focus shows 2 px of the ring colour (contrast-tested),
       in every browser of the floor: a color-mix() halo is dropped below Chrome 111 and Safari 16.2. */
    box-shadow: 0 0 0 1px var(--_xpay-focus-ring);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_xpay-color-danger);
  }
  input:disabled,
  select:disabled {
    opacity: 0.6;
  }
  .field__error {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_xpay-color-danger);
  }

  /*
   * Card frame: its height follows the frame's resize messages (set through the CSSOM), so there is
   * never a scrollbar inside. Until the first one, it reserves the height of the four card fields,
   * so nothing below jumps when the frame loads. The frame pads its page by 4px for the focus rings;
   * the negative margin puts its inputs exactly on the edges of ours.
   */
  .card-frame {
    width: calc(100% + 8px);
    height: 245px;
    margin: -4px;
    border: 0;
    color-scheme: normal;
  }
  /* A test-mode session's frame starts with the test-card picker above the fields (frame/test-cards.ts). */
  .card-frame--test {
    height: 356px;
  }
  .secure {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_xpay-color-text-muted);
  }
  .secure svg {
    width: 12px;
    height: 12px;
  }

  /* Buttons */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    width: 100%;
    min-height: 48px;
    padding: 12px 20px;
    font-size: 1rem;
    font-weight: 600;
    border: 1px solid transparent;
    border-radius: var(--_xpay-radius);
    cursor: pointer;
    transition:
      background-color 0.15s,
      box-shadow 0.15s;
  }
  .button--primary {
    color: var(--_xpay-color-on-primary);
    background: var(--_xpay-color-primary);
    box-shadow: 0 1px 2px rgb(16 24 40 / 0.12);
  }
  .button--primary:hover:not([aria-disabled='true']) {
    background: var(--_xpay-color-primary-hover);
  }
  .button--secondary {
    width: auto;
    color: var(--_xpay-color-text);
    background: var(--_xpay-color-background);
    border-color: var(--_xpay-input-border);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.85;
  }
  .button svg {
    width: 18px;
    height: 18px;
  }

  /* Notices and status views */
  .notice {
    display: flex;
    gap: 12px;
    padding: 12px 14px;
    border-radius: var(--_xpay-radius);
    font-size: 0.9375rem;
  }
  .notice--danger {
    color: var(--_xpay-color-danger);
    /* The tint is a plus where color-mix() exists; the border (the text's red) draws the box everywhere. */
    background: color-mix(in srgb, var(--_xpay-color-danger) 7%, var(--_xpay-color-background));
    border: 1px solid;
  }
  .notice strong {
    font-weight: 600;
  }
  .notice p {
    margin: 2px 0 0;
    color: var(--_xpay-color-text);
  }
  .notice__icon svg {
    width: 20px;
    height: 20px;
    margin-top: 1px;
  }
  .status {
    display: grid;
    justify-items: center;
    gap: 8px;
    padding: calc(var(--_xpay-space) * 2) var(--_xpay-space);
    text-align: center;
  }
  .status__icon {
    display: grid;
    place-items: center;
    width: 56px;
    height: 56px;
    margin-bottom: 8px;
    border-radius: 50%;
    color: var(--_xpay-color-text-muted);
    background: var(--_xpay-color-surface);
  }
  .status__icon svg {
    width: 28px;
    height: 28px;
  }
  .status--success .status__icon {
    color: var(--_xpay-color-success);
    background: color-mix(in srgb, var(--_xpay-color-success) 12%, var(--_xpay-color-background));
  }
  .status--danger .status__icon {
    color: var(--_xpay-color-danger);
    background: color-mix(in srgb, var(--_xpay-color-danger) 10%, var(--_xpay-color-background));
  }
  .status--processing .status__icon {
    color: var(--_xpay-color-primary);
  }
  .status__title {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 600;
    outline: none;
  }
  .status__body {
    margin: 0;
    max-width: 36ch;
    color: var(--_xpay-color-text-muted);
  }
  .status__facts {
    display: flex;
    gap: 8px;
    margin-top: 12px;
    padding: 8px 12px;
    font-size: 0.8125rem;
    border-radius: var(--_xpay-radius);
    background: var(--_xpay-color-surface);
  }
  .status__facts dt {
    color: var(--_xpay-color-text-muted);
  }
  .status__developer {
    display: grid;
    gap: 4px;
    max-width: 100%;
    margin-top: 8px;
    padding: 12px;
    text-align: start;
    font-size: 0.8125rem;
    border-radius: var(--_xpay-radius);
    border: 1px dashed var(--_xpay-input-border);
    overflow-wrap: anywhere;
  }
  .status__developer code {
    font-weight: 600;
    color: var(--_xpay-color-danger);
  }
  .status .button {
    margin-top: 12px;
  }
  .spin {
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spin {
      animation: none;
    }
  }
  @media (max-width: 420px) {
    .row {
      grid-template-columns: 1fr;
    }
  }
`;
