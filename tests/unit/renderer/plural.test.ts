import { describe, expect, it } from 'vitest';
import { countOf } from '../../../renderer/src/ui/plural';

describe('counts with their nouns', () => {
  it('puts the noun in the singular for one only', () => {
    expect(countOf(1, 'mention')).toBe('1 mention');
    expect(countOf(2, 'article')).toBe('2 articles');
    expect(countOf(0, 'article')).toBe('0 articles');
    expect(countOf(1, 'entity', 'entities')).toBe('1 entity');
    expect(countOf(3, 'entity', 'entities')).toBe('3 entities');
    expect(countOf(12_500, 'mention')).toBe('12,500 mentions');
  });
});
