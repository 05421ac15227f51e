import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { mountCheckout } from '../harness/checkout.harness.js';

/**
 * The `theme` attribute (issue #12): `light` (default), `dark`, and `auto`, which follows
 * `prefers-color-scheme` live. The presets are the token defaults; a merchant's `--xpay-*` wins.
 */
const alias = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(`--_xpay-${name}`).trim();
/**
 * Runs the colour transitions a theme switch starts (the buttons', checkout.styles.ts) to their end,
 * so what is read or checked is the theme's colour, not a frame of the 0.15 s fade.
 */
function settle(el: Element): void {
  for (const node of el.shadowRoot!.querySelectorAll('*')) getComputedStyle(node).backgroundColor;
  for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
}

function payBackground(el: Element, button: Element): string {
  settle(el);
  return getComputedStyle(button).backgroundColor;
}

describe('<xpay-checkout theme>', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('should be light by default, with or without theme="light"', async () => {
    const { el } = await mountCheckout();
    expect(alias(el, 'color-background')).to.equal('#fff');
    el.setAttribute('theme', 'light');
    expect(alias(el, 'color-background')).to.equal('#fff');
    await emulateMedia({ colorScheme: 'dark' });
    expect(alias(el, 'color-background')).to.equal('#fff');
  });

  describe('when theme is dark', () => {
    it('should use the dark preset in the element and pass axe (colour contrast included)', async () => {
      const { el, harness } = await mountCheckout();
      el.setAttribute('theme', 'dark');
      expect(alias(el, 'color-background')).to.equal('#16181f');
      expect(alias(el, 'color-text')).to.equal('#eef0f6');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(payBackground(el, harness.payButton()!)).to.equal('rgb(165, 161, 255)');
      await expect(el).to.be.accessible();
    });

    it('should still let the merchant tokens win', async () => {
      const { el, harness } = await mountCheckout();
      el.setAttribute('theme', 'dark');
      el.style.setProperty('--xpay-color-primary', '#0a7f3f');
      expect(alias(el, 'color-primary')).to.equal('#0a7f3f');
      expect(payBackground(el, harness.payButton()!)).to.equal('rgb(10, 127, 63)');
      // The tokens the merchant did not set keep the dark preset.
      expect(alias(el, 'color-background')).to.equal('#16181f');
    });
  });

  describe('when theme is auto', () => {
    it('should follow the colour scheme as it changes, without a re-render', async () => {
      const { el } = await mountCheckout();
      el.setAttribute('theme', 'auto');
      expect(alias(el, 'color-background')).to.equal('#fff');
      await emulateMedia({ colorScheme: 'dark' });
      expect(alias(el, 'color-background')).to.equal('#16181f');
      settle(el);
      await expect(el).to.be.accessible();
      await emulateMedia({ colorScheme: 'light' });
      expect(alias(el, 'color-background')).to.equal('#fff');
    });
  });
});
