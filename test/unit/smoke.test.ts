import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/index.js';

describe('package entry', () => {
  it('should import without a DOM (SSR-safe)', () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
