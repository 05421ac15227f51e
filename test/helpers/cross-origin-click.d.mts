import type { Locator, Page } from '@playwright/test';

/** Clicks `target` once mouse input reaches it (a cross-origin iframe's hit-testing can lag the DOM). */
export function clickWhenMouseReaches(page: Page, target: Locator, options?: { timeout?: number }): Promise<void>;
