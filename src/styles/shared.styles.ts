import { css } from './css.js';

/** Base styles every xpay element shares: box model, typography, focus ring, visually-hidden text. */
export const shared = css`
  :host {
    box-sizing: border-box;
    font-family: var(--_xpay-font-family);
    font-size: var(--_xpay-font-size);
    line-height: 1.5;
    color: var(--_xpay-color-text);
    -webkit-font-smoothing: antialiased;
  }
  * {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_xpay-focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    font: inherit;
  }
`;
