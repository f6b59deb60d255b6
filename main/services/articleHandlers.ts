import type { ArticleRecord, ArticleSummary, OpenedArticle } from '../../common/api';
import { parseArticleDocument } from '../../common/articleText';
import type { Store } from '../store/index';
import type { ApiHandlers, ApiJsonHandlers } from './apiDispatch';
import { storedDocument, withHeadline } from './articleDocument';
import { articleNotFound, saveArticleDocument, saveArticlePatch } from './articleWriter';
import { jsonWithMember, type JsonTextOf } from './jsonText';

function summaryOf(store: Store, id: string): ArticleSummary {
  const summary = store.articles.summary(id);
  if (!summary) throw articleNotFound();
  return summary;
}

/** The stored article as JSON text, its document as ProseMirror JSON. */
function articleJson(store: Store, id: string): JsonTextOf<ArticleRecord> {
  const article = store.read(() => store.articles.find(id));
  if (!article) throw articleNotFound();
  const { packedJson, ...record } = article;
  return jsonWithMember<ArticleRecord>(record, 'doc', JSON.stringify(storedDocument(packedJson).toJSON()));
}

/** The stored article as JSON text, its document spliced in packed as stored. */
function openedArticleJson(store: Store, id: string): JsonTextOf<OpenedArticle> {
  const article = store.read(() => store.articles.find(id));
  if (!article) throw articleNotFound();
  const { packedJson, ...record } = article;
  return jsonWithMember<OpenedArticle>(record, 'document', packedJson);
}

/** Opening an article answered as JSON text for the hosts: a long document is never parsed and written again. */
export function createArticleJsonHandlers(store: Store): ApiJsonHandlers {
  return { getArticle: ({ id }) => articleJson(store, id), openArticle: ({ id }) => openedArticleJson(store, id) };
}

/** The library and editor methods: list, open, save, rename and change the status of articles. */
export function createArticleHandlers(
  store: Store,
): Pick<ApiHandlers, 'listArticles' | 'getArticle' | 'openArticle' | 'saveArticle' | 'renameArticle' | 'setArticleStatus'> {
  return {
    listArticles(selection) {
      return store.articles.list(selection);
    },
    getArticle({ id }): ArticleRecord {
      return JSON.parse(articleJson(store, id)) as ArticleRecord;
    },
    openArticle({ id }): OpenedArticle {
      return JSON.parse(openedArticleJson(store, id)) as OpenedArticle;
    },
    saveArticle({ id, baseRevision, doc, patch }) {
      const now = new Date().toISOString();
      // A patch is checked block by block inside the store; a whole document is checked before the
      // transaction, so that parsing a long document does not hold the write lock.
      if (patch) return saveArticlePatch(store, id, baseRevision, patch, now);
      return saveArticleDocument(store, id, baseRevision, parseArticleDocument(doc), now);
    },
    renameArticle({ id, title }) {
      const article = store.read(() => store.articles.find(id));
      if (!article) throw articleNotFound();
      // The title is the headline's text, so renaming is a save of the document with a new headline.
      saveArticleDocument(store, id, article.revision, withHeadline(storedDocument(article.packedJson), title), new Date().toISOString(), { reason: 'renamed' });
      return summaryOf(store, id);
    },
    setArticleStatus({ id, status }) {
      if (!store.articles.setStatus(id, status, new Date().toISOString())) throw articleNotFound();
      return summaryOf(store, id);
    },
  };
}
