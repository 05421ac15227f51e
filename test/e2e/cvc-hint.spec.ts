import { expect, test } from '@playwright/test';
import { fillCart, openCheckout } from './shop.js';

/**
 * Issue #10: the security-code hint inside the card frame never clips, down to a 320 px wide page.
 * It is placed by CSS, not by @floating-ui/dom (README, "Why each dependency is here"): this is the
 * proof that CSS is enough. Measured inside the frame, against the frame's own viewport.
 */
for (const width of [320, 375, 1280]) {
  test(`the security-code hint stays inside the card frame at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await fillCart(page, ['tee']);
    await openCheckout(page, '/checkout/tag');
    const frame = page.frameLocator('iframe.card-frame');
    const hint = frame.getByRole('button', { name: /security code/i });
    await hint.scrollIntoViewIfNeeded();
    await hint.click();
    const tip = frame.getByRole('tooltip');
    await expect(tip).toBeVisible();
    const box = await tip.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth, height: document.documentElement.scrollHeight };
    });
    expect(box.left, JSON.stringify(box)).toBeGreaterThanOrEqual(0);
    expect(box.right, JSON.stringify(box)).toBeLessThanOrEqual(box.width);
    expect(box.top, JSON.stringify(box)).toBeGreaterThanOrEqual(0);
    expect(box.bottom, JSON.stringify(box)).toBeLessThanOrEqual(box.height);
  });
}
