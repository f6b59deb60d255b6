import { describe, expect, it } from 'vitest';
import { libraryViewOf, libraryViewState, resultRangeText } from '../../../renderer/src/library/libraryViewState';

describe("the library's view state in the URL", () => {
  it('reads sort, direction and page, and writes them back', () => {
    const state = libraryViewState({ sort: 'tags', dir: 'asc', page: '3' });
    expect(state).toEqual({ sort: 'tags', direction: 'asc', page: 3 });
    expect(libraryViewOf(state)).toEqual({ sort: 'tags', dir: 'asc', page: '3' });
  });

  it('reads values that do not parse as absent, and leaves defaults out of the URL', () => {
    expect(libraryViewState({ sort: 'colour', dir: 'up', page: '0' })).toEqual({ sort: undefined, direction: undefined, page: 1 });
    expect(libraryViewState({ page: '-2' }).page).toBe(1);
    expect(libraryViewOf({ page: 1 })).toEqual({});
  });

  it('says which articles of how many are shown', () => {
    const format = new Intl.NumberFormat('en');
    expect(resultRangeText(0, 50, 10_000, format)).toBe('1–50 of 10,000 articles');
    expect(resultRangeText(9_950, 50, 10_000, format)).toBe('9,951–10,000 of 10,000 articles');
    expect(resultRangeText(0, 1, 1, format)).toBe('1–1 of 1 article');
    expect(resultRangeText(0, 0, 0, format)).toBe('No articles');
  });
});
