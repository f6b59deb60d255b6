import type { EntityType } from './annotation';
import { entityLookupKey } from './names';
import { speakerTextShown, type ModeCounts } from './sources';

/**
 * The desk's sourcing audit: who the desk's copy quotes across a selection of articles, named against anonymous,
 * by mode, by kind of speaker, role and self-described gender, through which media, why anonymity was granted,
 * and which articles rest on one source or on more anonymous than named ones.
 *
 * The rules are the Sources tab's (common/model/sources.ts), so the audit of one article and its Sources tab agree:
 * suggested attributions are left out (and counted apart as waiting), those needing review count; one speaker is
 * one row by speakerGroupKey; attributions without a speaker count in the totals only. An article "rests on a
 * single source" when all its attributions that have a speaker come from one speaker.
 *
 * The store aggregates in SQL to groups (one per speaker by speakerGroupKey, which it calls as a registered function,
 * one per article, one per medium as written, ...); foldSourcingAudit names them and orders them into the report.
 */

/** How many quotes each row of a breakdown counts: a label and its count, most first. */
export interface AuditBreakdownRow {
  // Stable key of the row (a role key, a gender's lookup form, `none`, ...), for React and CSV.
  key: string;
  label: string;
  count: number;
  // The registry entity behind the row (a medium that is a registry entity), when there is one.
  entityId: string | null;
}

/** One speaker across the selection: how often quoted, in how many articles, by mode. */
export interface AuditSpeakerRow {
  key: string;
  speakerType: 'named' | 'anonymous';
  name: string;
  entityId: string | null;
  // The registry entity's type and role label; null for anonymous sources and names not in the registry.
  entityType: EntityType | null;
  roleLabel: string | null;
  count: number;
  articleCount: number;
  // An article that quotes this speaker: where a row without a registry entity leads.
  quotingArticleId: string;
  modes: ModeCounts;
}

/** One article's sourcing, for the article lists and the per-article chart. */
export interface AuditArticleRow {
  articleId: string;
  title: string;
  createdAt: string;
  attributions: number;
  named: number;
  anonymous: number;
  // Distinct speakers (named and anonymous) by speakerGroupKey.
  sources: number;
}

/** Named, anonymous and speakerless quotes in the articles imported in one month (YYYY-MM). */
export interface AuditMonthRow {
  month: string;
  named: number;
  anonymous: number;
  unattributed: number;
}

/** A list of articles that may be long: how many there are, and the first of them. */
export interface AuditArticleList {
  count: number;
  articles: AuditArticleRow[];
}

/** The whole audit of a selection. */
export interface SourcingAudit {
  articleCount: number;
  articlesWithQuotes: number;
  totals: { attributions: number; named: number; anonymous: number; unattributed: number; modes: ModeCounts };
  // Attribution suggestions in the selection that nobody has accepted or rejected yet.
  suggestionsWaiting: number;
  speakers: AuditSpeakerRow[];
  speakerCount: number;
  // Named quotes by the speaker's registry type (people, organisations, ...), names not in the registry apart.
  speakerTypes: AuditBreakdownRow[];
  // Named quotes by the speaker's source role, with "No role recorded" and "Not in the registry" rows.
  roles: AuditBreakdownRow[];
  // Quotes of persons by self-described gender, with "Not recorded" as its own row.
  genders: AuditBreakdownRow[];
  // Quotes by medium, with "No medium given".
  media: AuditBreakdownRow[];
  // Anonymous quotes by the reason given, with "No reason given".
  anonymityReasons: AuditBreakdownRow[];
  months: AuditMonthRow[];
  singleSource: AuditArticleList;
  anonymousOutnumberNamed: AuditArticleList;
  // The articles with the most quotes, for the "named against anonymous per article" chart.
  mostQuoting: AuditArticleRow[];
}

/** One speaker across the selection as the store groups it, by speakerGroupKey (computed in SQL by the same function). */
export interface SpeakerGroup {
  key: string;
  speakerType: 'named' | 'anonymous';
  // The registry entity, when the speaker is linked to one that is in the registry.
  entityId: string | null;
  // The name or description as written (the first of its spellings, for sources grouped by their grouping form).
  text: string;
  // The registry's current name, type, role and gender of entityId; null (and '') when it has none.
  entityName: string | null;
  entityType: EntityType | null;
  roleKey: string | null;
  roleLabel: string | null;
  gender: string;
  count: number;
  articleCount: number;
  quotingArticleId: string;
  modes: ModeCounts;
}

/** Counted attributions grouped by one text field (a medium, a reason), as the store reads them. */
export interface TextGroup {
  entityId: string | null;
  // The registry's current name of entityId, when there is one.
  entityName: string | null;
  text: string;
  count: number;
}

/** Everything the store aggregates for one audit. */
export interface SourcingAuditGroups {
  articleCount: number;
  suggestionsWaiting: number;
  totals: { attributions: number; modes: ModeCounts };
  speakers: SpeakerGroup[];
  // Articles with counted attributions, and the first of each list in its order (see foldSourcingAudit).
  articlesWithQuotes: number;
  singleSource: AuditArticleList;
  anonymousOutnumberNamed: AuditArticleList;
  mostQuoting: AuditArticleRow[];
  media: TextGroup[];
  anonymityReasons: TextGroup[];
  months: AuditMonthRow[];
}

/** How long the audit's article lists and speaker table may grow; counts always cover the whole selection. */
export const auditListLimits = { speakers: 1000, articles: 200, mostQuoting: 20 } as const;

// One collator for every comparison: localeCompare with options builds a new one per call, which is slow over 10,000 rows.
const byName = new Intl.Collator('en', { sensitivity: 'base' });

const entityTypeLabels: Record<string, string> = { person: 'People', organisation: 'Organisations', place: 'Places', event: 'Events', other: 'Other entities' };

/** Turns the store's groups into the audit report: names, breakdowns, article lists, each in its order. */
export function foldSourcingAudit(groups: SourcingAuditGroups): SourcingAudit {
  const speakerTypes = new Tally();
  const roles = new Tally();
  const genders = new Tally();
  let named = 0;
  let anonymous = 0;
  const speakers = groups.speakers.map((group): AuditSpeakerRow => {
    const inRegistry = group.entityId !== null && group.entityName !== null;
    if (group.speakerType === 'anonymous') anonymous += group.count;
    else {
      named += group.count;
      speakerTypes.add(inRegistry ? `type:${group.entityType}` : 'unregistered', inRegistry ? (entityTypeLabels[group.entityType!] ?? 'Other entities') : 'Names not in the registry', group.count);
      if (!inRegistry) roles.add('unregistered', 'Not in the registry', group.count);
      else if (group.roleKey) roles.add(`role:${group.roleKey}`, group.roleLabel ?? group.roleKey, group.count);
      else roles.add('none', 'No role recorded', group.count);
      if (inRegistry && group.entityType === 'person') {
        const gender = speakerTextShown(group.gender);
        if (gender) genders.add(`gender:${entityLookupKey(gender)}`, gender, group.count);
        else genders.add('none', 'Not recorded', group.count);
      }
    }
    return {
      key: group.key,
      speakerType: group.speakerType,
      name: (inRegistry ? group.entityName!.trim() : '') || speakerTextShown(group.text) || (group.speakerType === 'named' ? 'Unnamed speaker' : 'Anonymous source'),
      entityId: inRegistry ? group.entityId : null,
      entityType: inRegistry ? group.entityType : null,
      roleLabel: inRegistry ? group.roleLabel : null,
      count: group.count,
      articleCount: group.articleCount,
      quotingArticleId: group.quotingArticleId,
      modes: group.modes,
    };
  });
  speakers.sort((a, b) => b.count - a.count || byName.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
  const attributions = groups.totals.attributions;
  const newestFirst = (a: AuditArticleRow, b: AuditArticleRow) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.articleId < b.articleId ? -1 : 1);
  const sorted = (rows: readonly AuditArticleRow[], measure: (row: AuditArticleRow) => number) => [...rows].sort((a, b) => measure(b) - measure(a) || newestFirst(a, b));
  return {
    articleCount: groups.articleCount,
    articlesWithQuotes: groups.articlesWithQuotes,
    totals: { attributions, named, anonymous, unattributed: attributions - named - anonymous, modes: groups.totals.modes },
    suggestionsWaiting: groups.suggestionsWaiting,
    speakers: speakers.slice(0, auditListLimits.speakers),
    speakerCount: speakers.length,
    speakerTypes: speakerTypes.rows(),
    roles: roles.rows(),
    genders: genders.rows(),
    media: textBreakdown(groups.media, attributions, 'No medium given'),
    anonymityReasons: textBreakdown(groups.anonymityReasons, anonymous, 'No reason given'),
    months: [...groups.months].sort((a, b) => (a.month < b.month ? -1 : 1)),
    // Articles resting on one source, most quotes first; those where anonymous quotes outnumber named ones, by how
    // far; the most quoting. Newest first within a measure. The store picks the first of each in this order.
    singleSource: { count: groups.singleSource.count, articles: sorted(groups.singleSource.articles, (row) => row.attributions) },
    anonymousOutnumberNamed: { count: groups.anonymousOutnumberNamed.count, articles: sorted(groups.anonymousOutnumberNamed.articles, (row) => row.anonymous - row.named) },
    mostQuoting: sorted(groups.mostQuoting, (row) => row.attributions),
  };
}

/** The share of `part` in `whole`, 0 when the whole is empty (an empty selection has no shares to speak of). */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

// Counts per key, keeping the first label seen; rows most first, then by label.
class Tally {
  private readonly counts = new Map<string, { label: string; count: number; entityId: string | null }>();
  add(key: string, label: string, count: number, entityId: string | null = null): void {
    const row = this.counts.get(key) ?? { label, count: 0, entityId };
    row.count += count;
    this.counts.set(key, row);
  }
  rows(): AuditBreakdownRow[] {
    return [...this.counts.entries()]
      .map(([key, row]) => ({ key, ...row }))
      .sort((a, b) => b.count - a.count || byName.compare(a.label, b.label));
  }
}

// Groups by registry entity when there is one, else by the text as the registry compares names; the quotes with
// neither make the `none` row, so that the rows add up to `whole`.
function textBreakdown(groups: readonly TextGroup[], whole: number, noneLabel: string): AuditBreakdownRow[] {
  const tally = new Tally();
  let given = 0;
  for (const group of groups) {
    const text = speakerTextShown(group.text);
    if (group.entityId && group.entityName !== null) tally.add(`entity:${group.entityId}`, group.entityName, group.count, group.entityId);
    else if (text) tally.add(`text:${entityLookupKey(text)}`, text, group.count);
    else continue;
    given += group.count;
  }
  if (whole - given > 0) tally.add('none', noneLabel, whole - given);
  return tally.rows();
}
