import type { ChallengeWindowSize } from '../../api/enums.js';

/** EMV 3-D Secure challenge window sizes in CSS pixels; `05` is full screen. */
export const CHALLENGE_WINDOW_DIMENSIONS: Record<Exclude<ChallengeWindowSize, '05'>, { width: number; height: number }> = {
  '01': { width: 250, height: 400 },
  '02': { width: 390, height: 400 },
  '03': { width: 500, height: 600 },
  '04': { width: 600, height: 400 },
};

/** Below this width a boxed window would crowd the screen: phones get the full-screen size. */
export const NARROW_VIEWPORT_WIDTH = 600;

/** Room the dialog's own chrome needs around the ACS frame (header with title + close, padding). */
const CHROME = { width: 48, height: 120 } as const;

/** Largest first: the roomier the ACS page, the fewer customers scroll inside it. */
const PREFERENCE = ['03', '04', '02', '01'] as const;

/**
 * Picks the EMV challenge window that fits the viewport. It is sent with confirm as
 * `challengeWindowSize`, so the issuer lays out its page for the box we will actually show.
 */
export function chooseChallengeWindowSize(viewportWidth: number, viewportHeight: number): ChallengeWindowSize {
  if (viewportWidth < NARROW_VIEWPORT_WIDTH) return '05';
  const fits = PREFERENCE.find((size) => {
    const { width, height } = CHALLENGE_WINDOW_DIMENSIONS[size];
    return width + CHROME.width <= viewportWidth && height + CHROME.height <= viewportHeight;
  });
  return fits ?? '05';
}
