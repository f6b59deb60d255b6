import type { AnnotationStatus, AttributionMode, EntityType } from './model/annotation';

/**
 * An entity page: one registry entity seen across the desk's articles. Its numbers follow the desk's rule: the
 * desk's tags are those not `suggested`; suggestions still waiting are counted apart. An article's date is the
 * day it was imported (articles carry no better date yet), which the page says.
 */

/** Another entity tagged in the same articles as the page's entity, and how often. */
export interface CoMentionedEntity {
  entityId: string;
  name: string;
  type: EntityType;
  // Articles that mention both entities, and this entity's mentions in those articles.
  articles: number;
  mentions: number;
}

/** The time one bar of a timeline covers. */
export const timelineUnits = ['day', 'week', 'month'] as const;
/** One of `timelineUnits`. */
export type TimelineUnit = (typeof timelineUnits)[number];

/** One bar of a timeline: the period's first day (YYYY-MM-DD), its mentions and the articles that hold them. */
export interface TimelineBucket {
  start: string;
  mentions: number;
  articles: number;
}

/** Mentions per period of article date, oldest first, every period between the first and the last included. */
export interface MentionTimeline {
  unit: TimelineUnit;
  buckets: TimelineBucket[];
}

/** Mentions and articles on one day of article date, as the store counts them. */
export interface MentionDay {
  day: string;
  mentions: number;
  articles: number;
}

/** An entity's counts across the desk's articles (outside the trash): its tags, and suggestions apart. */
export interface EntityTagCounts {
  mentions: number;
  mentionArticles: number;
  suggestedMentions: number;
  // Attributions whose speaker is this entity.
  quotes: number;
  quoteArticles: number;
  suggestedQuotes: number;
}

/** What an entity page shows above its lists: the counts of the whole, the entities mentioned with it, its timeline. */
export interface EntityPageSummary extends EntityTagCounts {
  coMentioned: CoMentionedEntity[];
  // How many distinct entities share an article with this one (coMentioned holds the first few).
  coMentionedTotal: number;
  timeline: MentionTimeline;
}

/** One mention of the entity in an article, with its sentence. */
export interface EntityPageMention {
  articleId: string;
  articleTitle: string;
  // The article's date (its import time, ISO 8601).
  articleDate: string;
  // How many of the entity's mentions the article holds in all.
  articleMentions: number;
  annotationId: string;
  text: string;
  // Empty when the mention has lost its words.
  sentence: string;
  status: AnnotationStatus;
}

/** One attribution whose speaker is the entity: what it is quoted as saying, how and where. */
export interface EntityPageQuote {
  articleId: string;
  articleTitle: string;
  articleDate: string;
  annotationId: string;
  words: string;
  mode: AttributionMode;
  // The medium the words came through ("AFP"): a registry entity's name, or the words typed; empty when none.
  medium: string;
  mediumEntityId: string | null;
  status: AnnotationStatus;
}

/** One page of a long list, with the size of the whole list. */
export interface PageOf<Row> {
  total: number;
  // The distinct articles the whole list comes from.
  articles: number;
  offset: number;
  rows: Row[];
}

/** The most rows one page of an entity page's list holds. */
export const maxEntityPageRows = 200;

const dayMs = 24 * 60 * 60 * 1000;

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / dayMs);
}

function dayOf(number: number): string {
  return new Date(number * dayMs).toISOString().slice(0, 10);
}

// Weeks start on Monday, as ISO 8601 counts them; day 0 (1970-01-01) was a Thursday.
function weekStart(number: number): number {
  return number - ((number + 3) % 7);
}

function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function nextMonth(start: string): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * The timeline of a list of days: bars of a day when the days span a month at most, of a week up to half a
 * year, of a month beyond; periods without mentions are included (as zero) so the bars are evenly spaced.
 */
export function mentionTimeline(days: readonly MentionDay[]): MentionTimeline {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  if (sorted.length === 0) return { unit: 'day', buckets: [] };
  const first = dayNumber(sorted[0]!.day);
  const span = dayNumber(sorted[sorted.length - 1]!.day) - first;
  const unit: TimelineUnit = span <= 31 ? 'day' : span <= 183 ? 'week' : 'month';
  const startOf = (day: string) => (unit === 'month' ? monthStart(day) : dayOf(unit === 'week' ? weekStart(dayNumber(day)) : dayNumber(day)));
  const next = (start: string) => (unit === 'month' ? nextMonth(start) : dayOf(dayNumber(start) + (unit === 'week' ? 7 : 1)));
  const counted = new Map<string, TimelineBucket>();
  for (const { day, mentions, articles } of sorted) {
    const start = startOf(day);
    const bucket = counted.get(start) ?? { start, mentions: 0, articles: 0 };
    bucket.mentions += mentions;
    bucket.articles += articles;
    counted.set(start, bucket);
  }
  const last = startOf(sorted[sorted.length - 1]!.day);
  const buckets: TimelineBucket[] = [];
  for (let start = startOf(sorted[0]!.day); start <= last; start = next(start)) buckets.push(counted.get(start) ?? { start, mentions: 0, articles: 0 });
  return { unit, buckets };
}
