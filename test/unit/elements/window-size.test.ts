import { describe, expect, it } from 'vitest';
import { chooseChallengeWindowSize } from '../../../src/elements/challenge/window-size.js';

describe('chooseChallengeWindowSize', () => {
  it('should use full screen (05) on phones', () => {
    expect(chooseChallengeWindowSize(375, 812)).toBe('05');
    expect(chooseChallengeWindowSize(599, 900)).toBe('05');
  });

  it('should use the largest window (03, 500×600) on desktops', () => {
    expect(chooseChallengeWindowSize(1280, 800)).toBe('03');
  });

  it('should fall back to the wide short window (04) when 600 px of height does not fit', () => {
    expect(chooseChallengeWindowSize(1280, 600)).toBe('04');
  });

  it('should choose 02 when the viewport is too narrow for 04 but fits 390×400', () => {
    expect(chooseChallengeWindowSize(620, 560)).toBe('02');
  });

  it('should go full screen when no boxed size fits the height', () => {
    expect(chooseChallengeWindowSize(1280, 450)).toBe('05');
  });
});
