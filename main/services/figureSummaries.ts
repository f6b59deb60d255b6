import type { FigureFields } from '../../common/model/annotation';
import { blocksToRead, figureChecks, type FigureFlag, type FigureInText } from '../../common/model/figureChecks';
import type { ChecklistArticle, FigureFacts, FiguresChecklistQueries } from '../store/figuresChecklistQueries';
import { createArticleVersionCache, type VersionedArticle } from './articleVersionCache';

/** What the checklist filters, counts and sorts one figure of the desk's by, with its arithmetic flags. */
export interface FigureSummary {
  annotationId: string;
  fields: FigureFields;
  updatedAt: string;
  flags: FigureFlag[];
}

/** An article's figures as the checklist needs them, true for one version of the article. */
export interface ArticleFigures {
  version: string;
  // The desk's figures (suggestions left out), in text order.
  figures: FigureSummary[];
  suggestionsWaiting: number;
}

/** The figures of the selected articles, read and checked again only for articles saved since they last were. */
export interface FigureSummaries {
  /** The figures of each article, by article id, current for the versions given. */
  of(articles: readonly Pick<ChecklistArticle, 'id' | 'version'>[]): Map<string, ArticleFigures>;
  /**
   * Reads every article's figures in the background, a hundred articles between other calls, so that the
   * first view of the checklist on a large library does not wait for all of them. Each step reads in one
   * transaction (`inOneRead`); the warm-up stops when `isOpen` says the database was closed, and never keeps the
   * process alive by itself.
   */
  warmUp(listArticles: () => Pick<ChecklistArticle, 'id' | 'version'>[], isOpen: () => boolean, inOneRead: (work: () => void) => void): void;
}

// Articles read per round trip to the store: their ids travel as one JSON parameter.
const articlesPerRead = 1000;
// Articles read per step of the background warm-up: some tens of milliseconds of work, so other calls barely wait.
const articlesPerWarmUpStep = 100;

/**
 * The checklist lists, counts and sorts every figure of up to 10,000 articles, and its arithmetic checks need
 * every figure of an article and the text of some of its blocks: too much to read from the records on every
 * view. All of it depends only on what an article holds, which changes only with a new revision (a save here,
 * in the editor, a restore, a registry change, another process: the revision is read from the store on every
 * call). So each article's figures are kept by version (its row and revision) and read again only when that moved on.
 */
export function createFigureSummaries(queries: FiguresChecklistQueries): FigureSummaries {
  function* read(chunk: readonly VersionedArticle[]): Iterable<[string, ArticleFigures]> {
    const factsByArticle = new Map<string, FigureFacts[]>(chunk.map(({ id }) => [id, []]));
    for (const facts of queries.facts(chunk.map(({ id }) => id))) factsByArticle.get(facts.articleId)!.push(facts);
    const inText = new Map<string, FigureInText[]>();
    const needed: number[] = [];
    for (const [articleId, facts] of factsByArticle) {
      // In text order, so the checklist reads an article from top to bottom; figures without words last.
      const figures = facts
        .filter((fact) => fact.status !== 'suggested')
        .sort(byPlace)
        .map(figureInText);
      inText.set(articleId, figures);
      for (const blockId of blocksToRead(figures)) needed.push(blockId);
    }
    const texts = needed.length > 0 ? queries.blockTexts(needed) : new Map<number, string>();
    for (const { id, version } of chunk) {
      const facts = factsByArticle.get(id)!;
      const figures = inText.get(id)!;
      const flags = figureChecks(figures, texts);
      const updatedAt = new Map(facts.map((fact) => [fact.annotationId, fact.updatedAt]));
      yield [
        id,
        {
          version,
          figures: figures.map((figure) => ({ annotationId: figure.id, fields: figure.fields, updatedAt: updatedAt.get(figure.id)!, flags: flags.get(figure.id) ?? [] })),
          suggestionsWaiting: facts.length - figures.length,
        },
      ];
    }
  }

  const cache = createArticleVersionCache(read, articlesPerWarmUpStep);
  return {
    warmUp: cache.warmUp,
    of(articles) {
      const figures = cache.of(articles);
      return new Map(articles.map(({ id }, index) => [id, figures[index]!]));
    },
  };
}

// Text order: by block position, then offset in the block; figures without words after the others.
function byPlace(a: FigureFacts, b: FigureFacts): number {
  if (!a.place || !b.place) return (a.place ? 0 : 1) - (b.place ? 0 : 1);
  return a.place.position - b.place.position || a.place.start - b.place.start;
}

function figureInText(facts: FigureFacts): FigureInText {
  const fields = JSON.parse(facts.figureJson) as FigureFields;
  const place = facts.place && { blockId: facts.place.blockId, start: facts.place.start, end: facts.place.end };
  return { id: facts.annotationId, fields, place };
}
