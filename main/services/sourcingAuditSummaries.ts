import type { EntityType } from '../../common/model/annotation';
import { auditListLimits, type AuditArticleRow, type SourcingAuditGroups, type SpeakerGroup, type TextGroup } from '../../common/model/sourcingAudit';
import type { AuditArticle, AuditAttribution, SourcingAuditQueries } from '../store/sourcingAuditQueries';
import { createArticleVersionCache, type VersionedArticle } from './articleVersionCache';

interface ModeTally {
  direct: number;
  indirect: number;
  partial: number;
}

/** One speaker's counted quotes in one article. */
interface ArticleSpeaker extends ModeTally {
  key: string;
  speakerType: 'entity' | 'anonymous';
  entityId: string | null;
  text: string;
  count: number;
}

/** What the audit counts of one article, true for one version of it. */
interface ArticleSourcing {
  version: string;
  // Counted attributions (the desk's: suggestions left out), and suggestions waiting.
  counted: number;
  waiting: number;
  named: number;
  anonymous: number;
  modes: ModeTally;
  // Distinct speakers among the counted attributions.
  sources: number;
  speakers: ArticleSpeaker[];
  media: { entityId: string | null; text: string; count: number }[];
  reasons: { text: string; count: number }[];
}

/** The audit's groups of the selected articles, read again only for articles saved since they last were. */
export interface SourcingAuditSummaries {
  /** The groups of one audit over these articles (the selection's, with their versions). */
  groups(articles: readonly AuditArticle[]): SourcingAuditGroups;
  /**
   * Reads every article's attributions in the background, some hundreds of articles between other calls, so that
   * the first audit on a large library does not wait for all of them. Stops when `isOpen` says the database was
   * closed; never keeps the process alive by itself.
   */
  warmUp(listArticles: () => AuditArticle[], isOpen: () => boolean, inOneRead: (work: () => void) => void): void;
}

// Articles read per step of the background warm-up: some milliseconds of work, so other calls barely wait.
const articlesPerWarmUpStep = 500;

function emptySourcing(version: string): ArticleSourcing {
  return { version, counted: 0, waiting: 0, named: 0, anonymous: 0, modes: { direct: 0, indirect: 0, partial: 0 }, sources: 0, speakers: [], media: [], reasons: [] };
}

function countMode(tally: ModeTally, mode: string | null): void {
  if (mode === 'direct' || mode === 'indirect' || mode === 'partial') tally[mode]++;
}

// One article's counts from its attributions, by the audit's rules: counted tags are those not suggested.
function articleSourcing(version: string, attributions: readonly AuditAttribution[]): ArticleSourcing {
  const sourcing = emptySourcing(version);
  const speakers = new Map<string, ArticleSpeaker>();
  const media = new Map<string, { entityId: string | null; text: string; count: number }>();
  const reasons = new Map<string, number>();
  for (const attribution of attributions) {
    if (attribution.suggested) {
      sourcing.waiting++;
      continue;
    }
    sourcing.counted++;
    if (attribution.speakerType === 'entity') sourcing.named++;
    if (attribution.speakerType === 'anonymous') sourcing.anonymous++;
    countMode(sourcing.modes, attribution.mode);
    if (attribution.speakerKey !== null && attribution.speakerType !== null) {
      let speaker = speakers.get(attribution.speakerKey);
      if (!speaker) {
        speaker = { key: attribution.speakerKey, speakerType: attribution.speakerType, entityId: attribution.entityId, text: attribution.speakerText, count: 0, direct: 0, indirect: 0, partial: 0 };
        speakers.set(attribution.speakerKey, speaker);
      } else if (attribution.speakerText < speaker.text) speaker.text = attribution.speakerText;
      speaker.count++;
      countMode(speaker, attribution.mode);
    }
    if (attribution.mediumEntityId !== null || attribution.medium !== '') {
      const key = `${attribution.mediumEntityId ?? ''}\u001f${attribution.medium}`;
      const medium = media.get(key);
      if (medium) medium.count++;
      else media.set(key, { entityId: attribution.mediumEntityId, text: attribution.medium, count: 1 });
    }
    if (attribution.speakerType === 'anonymous' && attribution.reason !== '') reasons.set(attribution.reason, (reasons.get(attribution.reason) ?? 0) + 1);
  }
  sourcing.sources = speakers.size;
  sourcing.speakers = [...speakers.values()];
  sourcing.media = [...media.values()];
  sourcing.reasons = [...reasons].map(([text, count]) => ({ text, count }));
  return sourcing;
}

// The first `limit` rows in a list's order: by its measure, then newest first, then by id (as the store once did).
function firstOf(rows: AuditArticleRow[], measure: (row: AuditArticleRow) => number, limit: number): AuditArticleRow[] {
  return rows
    .sort((a, b) => measure(b) - measure(a) || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.articleId < b.articleId ? -1 : 1))
    .slice(0, limit);
}

/**
 * Grouping every attribution of 10,000 articles in SQL takes a few hundred milliseconds, and a save changes one
 * article's. So each article's counts are kept by version (its row and its revision, read from the store on every
 * call: a save, a restore, a registry merge and suggestions all make a new revision) and read again only when that
 * moved on; an audit folds the selected articles' counts and asks the registry for the names, roles and genders of
 * the speakers, which change without a revision.
 */
export function createSourcingAuditSummaries(queries: SourcingAuditQueries): SourcingAuditSummaries {
  function* read(chunk: readonly VersionedArticle[]): Iterable<[string, ArticleSourcing]> {
    const byId = new Map<string, AuditAttribution[]>(chunk.map(({ id }) => [id, []]));
    for (const attribution of queries.attributions(chunk.map(({ id }) => id))) byId.get(attribution.articleId)!.push(attribution);
    for (const { id, version } of chunk) yield [id, articleSourcing(version, byId.get(id)!)];
  }
  const cache = createArticleVersionCache(read, articlesPerWarmUpStep);

  return {
    groups(articles) {
      const sourcings = cache.of(articles);
      const totals = { attributions: 0, modes: { direct: 0, indirect: 0, partial: 0 } };
      let suggestionsWaiting = 0;
      let articlesWithQuotes = 0;
      const single: AuditArticleRow[] = [];
      const anonymousHeavy: AuditArticleRow[] = [];
      const quoting: AuditArticleRow[] = [];
      const months = new Map<string, { named: number; anonymous: number; unattributed: number }>();
      const speakers = new Map<string, ArticleSpeaker & { articleCount: number; quotingArticleId: string }>();
      const media = new Map<string, { entityId: string | null; text: string; count: number }>();
      const reasons = new Map<string, number>();
      sourcings.forEach((sourcing, index) => {
        const article = articles[index]!;
        totals.attributions += sourcing.counted;
        suggestionsWaiting += sourcing.waiting;
        for (const mode of ['direct', 'indirect', 'partial'] as const) totals.modes[mode] += sourcing.modes[mode];
        if (sourcing.counted === 0) return;
        articlesWithQuotes++;
        const row: AuditArticleRow = { articleId: article.id, title: article.title, createdAt: article.createdAt, attributions: sourcing.counted, sources: sourcing.sources, named: sourcing.named, anonymous: sourcing.anonymous };
        if (sourcing.sources === 1) single.push(row);
        if (sourcing.anonymous > sourcing.named) anonymousHeavy.push(row);
        quoting.push(row);
        const monthKey = article.createdAt.slice(0, 7);
        const month = months.get(monthKey) ?? { named: 0, anonymous: 0, unattributed: 0 };
        month.named += sourcing.named;
        month.anonymous += sourcing.anonymous;
        month.unattributed += sourcing.counted - sourcing.named - sourcing.anonymous;
        months.set(monthKey, month);
        for (const speaker of sourcing.speakers) {
          const known = speakers.get(speaker.key);
          if (!known) {
            speakers.set(speaker.key, { ...speaker, articleCount: 1, quotingArticleId: article.id });
            continue;
          }
          known.count += speaker.count;
          known.direct += speaker.direct;
          known.indirect += speaker.indirect;
          known.partial += speaker.partial;
          known.articleCount++;
          if (speaker.text < known.text) known.text = speaker.text;
          if (article.id > known.quotingArticleId) known.quotingArticleId = article.id;
        }
        for (const medium of sourcing.media) {
          const key = `${medium.entityId ?? ''}\u001f${medium.text}`;
          const known = media.get(key);
          if (known) known.count += medium.count;
          else media.set(key, { ...medium });
        }
        for (const reason of sourcing.reasons) reasons.set(reason.text, (reasons.get(reason.text) ?? 0) + reason.count);
      });
      const entityIds = new Set<string>();
      for (const speaker of speakers.values()) if (speaker.speakerType === 'entity' && speaker.entityId) entityIds.add(speaker.entityId);
      for (const medium of media.values()) if (medium.entityId) entityIds.add(medium.entityId);
      const entities = queries.entities([...entityIds]);
      return {
        articleCount: articles.length,
        suggestionsWaiting,
        totals,
        speakers: [...speakers.values()].map((speaker): SpeakerGroup => {
          const entity = speaker.speakerType === 'entity' && speaker.entityId ? entities.get(speaker.entityId) : undefined;
          return {
            key: speaker.key,
            speakerType: speaker.speakerType === 'anonymous' ? 'anonymous' : 'named',
            entityId: speaker.entityId,
            text: speaker.text,
            entityName: entity?.name ?? null,
            entityType: (entity?.type ?? null) as EntityType | null,
            roleKey: entity?.roleKey ?? null,
            roleLabel: entity?.roleLabel ?? null,
            gender: entity?.gender ?? '',
            count: speaker.count,
            articleCount: speaker.articleCount,
            quotingArticleId: speaker.quotingArticleId,
            modes: { direct: speaker.direct, indirect: speaker.indirect, partial: speaker.partial },
          };
        }),
        articlesWithQuotes,
        singleSource: { count: single.length, articles: firstOf(single, (row) => row.attributions, auditListLimits.articles) },
        anonymousOutnumberNamed: { count: anonymousHeavy.length, articles: firstOf(anonymousHeavy, (row) => row.anonymous - row.named, auditListLimits.articles) },
        mostQuoting: firstOf(quoting, (row) => row.attributions, auditListLimits.mostQuoting),
        media: [...media.values()].map((medium): TextGroup => ({ entityId: medium.entityId, entityName: medium.entityId ? (entities.get(medium.entityId)?.name ?? null) : null, text: medium.text, count: medium.count })),
        anonymityReasons: [...reasons].map(([text, count]): TextGroup => ({ entityId: null, entityName: null, text, count })),
        months: [...months].map(([month, counts]) => ({ month, ...counts })),
      };
    },
    warmUp: cache.warmUp,
  };
}
