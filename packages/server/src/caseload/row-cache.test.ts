import { describe, expect, it } from 'vitest';
import { createRowCache } from './row-cache.js';

describe('createRowCache', () => {
  it('answers only for the same row version', () => {
    const cache = createRowCache<string>();
    cache.set('programme-1', '740', 'summary');
    expect(cache.get('programme-1', '740')).toBe('summary');
    expect(cache.get('programme-1', '741')).toBeUndefined();
  });

  it('keeps the most recently used entries within its limit', () => {
    const cache = createRowCache<number>(2);
    cache.set('a', '1', 1);
    cache.set('b', '1', 2);
    expect(cache.get('a', '1')).toBe(1);
    cache.set('c', '1', 3);
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')).toBe(1);
    expect(cache.get('c', '1')).toBe(3);
  });
});
