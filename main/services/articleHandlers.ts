import { ApiError } from '../../common/api';
import type { ArticleRecord, ArticleSummary } from '../../common/api';
import { parseArticleDocument } from '../../common/articleText';
import type { Store } from '../store/index';
import { type ApiHandlers } from './apiDispatch';
import { applyDocumentPatch } from '../../common/documentPatch';
import { storedDocument, withHeadline } from './articleDocument';
import { articleNotFound, revisionConflict, saveArticleDocument } from './articleWriter';

function summaryOf(store: Store, id: string): ArticleSummary {
  const summary = store.articles.summary(id);
  if (!summary) throw articleNotFound();
  return summary;
}

/** The library and editor methods: list, open, save, rename, change status and delete articles. */
export function createArticleHandlers(
  store: Store,
): Pick<ApiHandlers, 'listArticles' | 'getArticle' | 'saveArticle' | 'renameArticle' | 'setArticleStatus' | 'deleteArticle'> {
  return {
    listArticles({ query, status }) {
      return store.articles.list({ query, status });
    },
    getArticle({ id }): ArticleRecord {
      const article = store.articles.find(id);
      if (!article) throw articleNotFound();
      const { docJson, ...record } = article;
      return { ...record, doc: JSON.parse(docJson) as unknown };
    },
    saveArticle({ id, baseRevision, doc, patch }) {
      let received = doc;
      if (patch) {
        const article = store.articles.find(id);
        if (!article) throw articleNotFound();
        // A patch only means something on top of the revision it was made from; the writer reports the conflict.
        if (article.revision !== baseRevision) throw revisionConflict(article.revision, baseRevision);
        received = applyDocumentPatch(JSON.parse(article.docJson), patch);
      }
      // Checked before the transaction: parsing a long document should not hold the write lock.
      return saveArticleDocument(store, id, baseRevision, parseArticleDocument(received), new Date().toISOString());
    },
    renameArticle({ id, title }) {
      const article = store.articles.find(id);
      if (!article) throw articleNotFound();
      // The title is the headline's text, so renaming is a save of the document with a new headline.
      saveArticleDocument(store, id, article.revision, withHeadline(storedDocument(article.docJson), title), new Date().toISOString());
      return summaryOf(store, id);
    },
    setArticleStatus({ id, status }) {
      if (!store.articles.setStatus(id, status, new Date().toISOString())) throw articleNotFound();
      return summaryOf(store, id);
    },
    deleteArticle({ id }) {
      if (!store.articles.remove(id)) throw articleNotFound();
      return { deleted: true };
    },
  };
}
