import { describe, expect, it } from 'vitest';
import { mentionTimeline } from '../../common/entityPage';
import { reviewCauseText } from '../../common/reviewQueue';
import { articleWindow } from '../../main/store/articleWindow';

describe('mention timeline', () => {
  it('is empty without mentions', () => {
    expect(mentionTimeline([])).toEqual({ unit: 'day', buckets: [] });
  });

  it('draws a bar a day over a month at most, the empty days included', () => {
    const timeline = mentionTimeline([
      { day: '2026-01-31', mentions: 2, articles: 1 },
      { day: '2026-01-29', mentions: 3, articles: 2 },
    ]);
    expect(timeline).toEqual({
      unit: 'day',
      buckets: [
        { start: '2026-01-29', mentions: 3, articles: 2 },
        { start: '2026-01-30', mentions: 0, articles: 0 },
        { start: '2026-01-31', mentions: 2, articles: 1 },
      ],
    });
  });

  it('draws weeks from Monday up to half a year, adding up the days of each', () => {
    const timeline = mentionTimeline([
      { day: '2026-01-01', mentions: 1, articles: 1 },
      { day: '2026-01-04', mentions: 2, articles: 2 },
      { day: '2026-01-05', mentions: 4, articles: 1 },
      { day: '2026-03-01', mentions: 1, articles: 1 },
    ]);
    expect(timeline.unit).toBe('week');
    // 1 January 2026 is a Thursday: its week starts on Monday 29 December 2025; 4 January (Sunday) is the same week.
    expect(timeline.buckets[0]).toEqual({ start: '2025-12-29', mentions: 3, articles: 3 });
    expect(timeline.buckets[1]).toEqual({ start: '2026-01-05', mentions: 4, articles: 1 });
    expect(timeline.buckets.at(-1)).toEqual({ start: '2026-02-23', mentions: 1, articles: 1 });
    expect(timeline.buckets).toHaveLength(9);
  });

  it('draws months beyond half a year, across the turn of a year', () => {
    const timeline = mentionTimeline([
      { day: '2025-11-15', mentions: 5, articles: 4 },
      { day: '2026-06-02', mentions: 1, articles: 1 },
    ]);
    expect(timeline.unit).toBe('month');
    expect(timeline.buckets.map((bucket) => bucket.start)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
    expect(timeline.buckets.reduce((sum, bucket) => sum + bucket.mentions, 0)).toBe(6);
  });
});

describe('article window of a paged list', () => {
  const counts = [
    { articleId: 'a', rows: 3 },
    { articleId: 'b', rows: 1 },
    { articleId: 'c', rows: 4 },
    { articleId: 'd', rows: 2 },
  ];

  it('names the articles a page falls in and the rows of the first before it', () => {
    expect(articleWindow(counts, 0, 2)).toEqual({ articleIds: ['a'], skip: 0 });
    expect(articleWindow(counts, 2, 3)).toEqual({ articleIds: ['a', 'b', 'c'], skip: 2 });
    expect(articleWindow(counts, 4, 4)).toEqual({ articleIds: ['c'], skip: 0 });
    expect(articleWindow(counts, 7, 10)).toEqual({ articleIds: ['c', 'd'], skip: 3 });
  });

  it('is empty past the end', () => {
    expect(articleWindow(counts, 10, 5)).toEqual({ articleIds: [], skip: 0 });
  });
});

describe('review cause in words', () => {
  it('uses the model’s label of the reason, with what changed', () => {
    expect(reviewCauseText({ status: 'needs_review', reason: 'words_deleted', detail: 'Lena Ortiz' })).toBe('Its words were deleted: Lena Ortiz');
    expect(reviewCauseText({ status: 'needs_review', reason: null, detail: '' })).toBe('Needs review');
    expect(reviewCauseText({ status: 'suggested' })).toBe('Suggestion waiting to be accepted or rejected');
  });
});
