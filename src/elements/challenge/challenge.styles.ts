import { css } from '../../styles/css.js';

export const styles = css`
  :host {
    display: contents;
  }
  dialog {
    padding: 0;
    border: none;
    border-radius: calc(var(--_xpay-radius) * 1.5);
    background: var(--_xpay-color-background);
    color: var(--_xpay-color-text);
    box-shadow:
      0 24px 48px -12px rgb(16 24 40 / 0.28),
      0 0 0 1px rgb(16 24 40 / 0.06);
    max-width: calc(100vw - 16px);
    /* vh first: Chrome/Android webviews 100–107 lack dvh and would drop the rule (browser floor). */
    max-height: calc(100vh - 16px);
    max-height: calc(100dvh - 16px);
    overflow: hidden;
  }
  dialog::backdrop {
    background: rgb(15 20 35 / 0.55);
    backdrop-filter: blur(2px);
  }
  dialog.fullscreen {
    width: 100vw;
    height: 100vh;
    height: 100dvh;
    max-width: none;
    max-height: none;
    border-radius: 0;
    display: flex;
    flex-direction: column;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    padding: 12px calc(var(--_xpay-space) * 1.25);
    padding-inline-end: 12px;
    border-bottom: 1px solid var(--_xpay-color-border);
  }
  h2 {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .close {
    display: inline-grid;
    place-items: center;
    width: 40px;
    height: 40px;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: transparent;
    color: var(--_xpay-color-text-muted);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_xpay-color-surface);
    color: var(--_xpay-color-text);
  }
  .close svg {
    width: 20px;
    height: 20px;
  }
  iframe {
    display: block;
    border: 0;
    max-width: 100%;
    background: #fff;
  }
  dialog:not(.fullscreen) iframe {
    max-height: calc(100vh - 96px);
    max-height: calc(100dvh - 96px);
  }
  dialog.fullscreen iframe {
    flex: 1;
    width: 100%;
  }
`;
