import type { CardBrand } from '../card/brands.js';
import { h } from './dom.js';
import type { FrameStrings } from './frame-strings.js';

/**
 * The "?" button inside the security-code field and its tooltip ("3-digit code on the back…").
 *
 * The tooltip is placed by CSS (above the button, right-aligned, see `.tip` in frame.css): the
 * field's position in the frame is fixed, so nothing needs measuring. @floating-ui/dom did the same
 * job for ~4.5 KB brotli, a third of the frame's 14 KB budget.
 */
export function createCvcHint(strings: () => FrameStrings, currentBrand: () => CardBrand) {
  const tip = h('span', { class: 'tip', role: 'tooltip', id: 'cvc-hint', hidden: '' });
  const button = h(
    'button',
    { type: 'button', class: 'hint', 'aria-label': strings().cvcHintButton, 'aria-describedby': 'cvc-hint' },
    '?',
  );
  const show = () => {
    tip.textContent = strings().cvcHint(currentBrand());
    tip.hidden = false;
  };
  const hide = () => {
    tip.hidden = true;
  };
  for (const type of ['mouseenter', 'focus', 'click']) button.addEventListener(type, show);
  for (const type of ['mouseleave', 'blur']) button.addEventListener(type, hide);
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });

  return {
    /** Puts the button and its tooltip in the CVC control. */
    attach: (control: HTMLElement) => control.append(button, tip),
    /** Names the button in the current language (after a locale switch). */
    relabel: () => button.setAttribute('aria-label', strings().cvcHintButton),
  };
}
