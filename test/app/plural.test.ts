import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/app/lib/plural.ts';

describe('countOf', () => {
  it('says one in the singular and every other count in the plural, with thousands separated', () => {
    expect(countOf(1, 'event')).toBe('1 event');
    expect(countOf(0, 'event')).toBe('0 events');
    expect(countOf(1204, 'article')).toBe('1,204 articles');
  });
});
