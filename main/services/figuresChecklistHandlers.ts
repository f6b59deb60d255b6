import {
  ApiError,
  type FigureChecklistOrder,
  type FigureChecklistRow,
  type FigureChecklistVerification,
  type FigureSentence,
} from '../../common/api';
import { figureAnnotationSchema, type VerificationStatus } from '../../common/model/annotation';
import { figureWithVerdict } from '../../common/model/figureVerification';
import { sentenceAround, sentenceStarts } from '../../common/sentences';
import type { Store } from '../store/index';
import { createFiguresChecklistQueries, type ChecklistArticle, type FigureWords, type FiguresChecklistQueries } from '../store/figuresChecklistQueries';
import type { ApiHandlers } from './apiDispatch';
import { revisionConflict, saveArticlePatch } from './articleWriter';
import { createFigureSummaries, type FigureSummaries, type FigureSummary } from './figureSummaries';

const verificationsShown: Record<FigureChecklistVerification, readonly VerificationStatus[]> = {
  open: ['unchecked', 'disputed'],
  unchecked: ['unchecked'],
  disputed: ['disputed'],
  verified: ['verified'],
  all: ['unchecked', 'disputed', 'verified'],
};

// A sentence longer than this is cut around the figure, so that one run-on paragraph does not fill the list.
const longestSentence = 360;

/** The sentence holding a figure's words, with where they are in it; cut around them when very long. */
export function figureSentence(words: FigureWords): FigureSentence {
  const { blockText, start, end } = words;
  const starts = sentenceStarts(blockText);
  const text = sentenceAround(blockText, starts, start, end);
  // sentenceAround trims the sentence: find where what it returns begins in the block.
  let sentenceStart = 0;
  for (const at of starts) if (at <= start) sentenceStart = at;
  sentenceStart += /^\s*/u.exec(blockText.slice(sentenceStart, start))![0].length;
  const inSentence = { text, start: start - sentenceStart, end: Math.min(end - sentenceStart, text.length) };
  if (text.length <= longestSentence) return inSentence;
  const room = Math.max(0, Math.floor((longestSentence - (inSentence.end - inSentence.start)) / 2));
  const from = Math.max(0, inSentence.start - room);
  const to = Math.min(text.length, inSentence.end + room);
  const before = from > 0 ? '…' : '';
  return { text: `${before}${text.slice(from, to)}${to < text.length ? '…' : ''}`, start: inSentence.start - from + before.length, end: inSentence.end - from + before.length };
}

/** One listed figure before its page is read: its article, its place in that article's list, and its summary. */
interface Listed {
  article: ChecklistArticle;
  articleIndex: number;
  figureIndex: number;
  summary: FigureSummary;
}

type SortKey = number | string | null;

// The key of each order other than by article; ties keep the article order and the text order.
const sortKeys: Partial<Record<FigureChecklistOrder, (listed: Listed) => SortKey>> = {
  kind: ({ summary }) => summary.fields.figureKind,
  value: ({ summary }) => {
    const value = summary.fields.value;
    if (!value) return null;
    return value.type === 'number' ? value.value : value.type === 'range' ? value.min : value.iso;
  },
  verification: ({ summary }) => summary.fields.verification,
  changed: ({ summary }) => summary.updatedAt,
};

// Numbers before text (dates, durations) and figures with no value last, whichever the direction.
function compareKeys(a: SortKey, b: SortKey, direction: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return (a < b ? -1 : 1) * direction;
}

function sortListed(listed: Listed[], order: FigureChecklistOrder, descending: boolean): void {
  const key = sortKeys[order];
  if (!key) return;
  const direction = descending ? -1 : 1;
  const keyed = listed.map((entry) => ({ entry, key: key(entry) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, direction) || a.entry.articleIndex - b.entry.articleIndex || a.entry.figureIndex - b.entry.figureIndex);
  keyed.forEach(({ entry }, index) => (listed[index] = entry));
}

function rowOf(queries: FiguresChecklistQueries, article: Pick<ChecklistArticle, 'id' | 'title' | 'status' | 'createdAt'>, summary: FigureSummary): FigureChecklistRow {
  const stored = queries.figure(article.id, summary.annotationId)!;
  const words = queries.words(article.id, summary.annotationId);
  const record = JSON.parse(stored.recordJson) as { figure: FigureChecklistRow['figure'] };
  return {
    articleId: article.id,
    articleTitle: article.title,
    articleStatus: article.status,
    articleCreatedAt: article.createdAt,
    articleRevision: stored.articleRevision,
    annotationId: summary.annotationId,
    status: stored.status === 'needs_review' ? 'needs_review' : 'accepted',
    quote: stored.quote,
    figure: record.figure,
    sentence: words ? figureSentence(words) : null,
    flags: summary.flags,
  };
}

/**
 * The figures checklist: every figure of the desk's articles (or the library's selection) with its sentence,
 * arithmetic flags and verification; and a fact-checker's verdict, saved as a revision of the article the way
 * an editor's save is (one transaction, a revision check, undoable through the article's history).
 */
export function createFiguresChecklistHandlers(store: Store): Pick<ApiHandlers, 'figuresChecklist' | 'setFigureVerification'> {
  const queries = createFiguresChecklistQueries(store.db);
  const summaries: FigureSummaries = createFigureSummaries(queries);
  summaries.warmUp(() => store.read(() => queries.articles({}, 'newest')), () => store.db.open, (work) => store.read(work));

  // The current row of one figure, its article's flags brought up to date.
  function currentRow(articleId: string, annotationId: string): FigureChecklistRow {
    const article = queries.article(articleId);
    const summary = article && summaries.of([article]).get(articleId)!.figures.find((figure) => figure.annotationId === annotationId);
    if (!article || !summary) throw new ApiError('not_found', 'This figure is no longer in the article (or the article was deleted). Reload the checklist.');
    return rowOf(queries, article, summary);
  }

  return {
    figuresChecklist({ selection, figureKind, verification, flaggedOnly, order, descending, page, pageSize }) {
      return store.read(() => {
        const shown = verificationsShown[verification];
        const articleOrder = order === 'title' ? (descending ? 'titleDescending' : 'title') : order === 'article' && !descending ? 'oldest' : 'newest';
        const articles = queries.articles(selection, articleOrder);
        const figuresOf = summaries.of(articles);
        const byVerification: Record<VerificationStatus, number> = { unchecked: 0, verified: 0, disputed: 0 };
        let flagged = 0;
        let suggestionsWaiting = 0;
        let total = 0;
        // Ordered by article, the list is already in order and only the page is kept; other orders sort everything.
        const sorted = sortKeys[order] !== undefined;
        const first = page * pageSize;
        const listed: Listed[] = [];
        articles.forEach((article, articleIndex) => {
          const { figures, suggestionsWaiting: waiting } = figuresOf.get(article.id)!;
          suggestionsWaiting += waiting;
          figures.forEach((summary, figureIndex) => {
            if (figureKind && summary.fields.figureKind !== figureKind) return;
            const isFlagged = summary.flags.length > 0;
            if (flaggedOnly && !isFlagged) return;
            byVerification[summary.fields.verification]++;
            if (!shown.includes(summary.fields.verification)) return;
            if (isFlagged) flagged++;
            if (sorted || (total >= first && total < first + pageSize)) listed.push({ article, articleIndex, figureIndex, summary });
            total++;
          });
        });
        if (sorted) sortListed(listed, order, descending);
        const pageListed = sorted ? listed.slice(first, first + pageSize) : listed;
        const rows = pageListed.map(({ article, summary }) => rowOf(queries, article, summary));
        return { rows, total, page, pageSize, byVerification, flagged, suggestionsWaiting };
      });
    },
    setFigureVerification({ articleId, annotationId, baseRevision, verification, sourceNote }) {
      const now = new Date().toISOString();
      return store.transaction(() => {
        const stored = queries.figure(articleId, annotationId);
        if (!stored) throw new ApiError('not_found', 'This figure is no longer in the article (or the article was deleted). Reload the checklist.');
        // Saves of other parts of the article since the row was read do not matter; a change to this figure does.
        if (stored.articleRevision !== baseRevision && queries.changedSince(articleId, annotationId, baseRevision)) {
          throw revisionConflict(stored.articleRevision, baseRevision);
        }
        const record = figureAnnotationSchema.parse(JSON.parse(stored.recordJson));
        const verdict = figureWithVerdict(record, { verification, sourceNote }, now);
        if (!verdict.ok) throw new ApiError('invalid_argument', verdict.reason);
        if (!verdict.unchanged) {
          saveArticlePatch(store, articleId, stored.articleRevision, { from: 0, to: 0, blocks: [], records: { [annotationId]: verdict.record }, removedRecordIds: [] }, now);
        }
        return currentRow(articleId, annotationId);
      });
    },
  };
}
