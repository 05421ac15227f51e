import type { Locator, Page } from '@playwright/test';

/** Clicks `target`, an element inside a cross-origin iframe, once mouse input reaches that iframe. */
export function clickInCrossOriginFrame(page: Page, target: Locator, options?: { timeout?: number }): Promise<void>;
