import type { ArticleSummary } from '../../../common/api';
import { copyDescription, copyMarker, importFormatLabel } from './articleOrigin';

/** The copy marker shown after an article's title in the library, or nothing for an article that is no copy. */
export function CopyMarker({ article }: { article: ArticleSummary }) {
  if (!article.copyOf) return null;
  return (
    <span className="copy-marker" title={copyDescription(article.copyOf)}>
      {copyMarker(article.copyOf)}
      <span className="visually-hidden">: {copyDescription(article.copyOf)}</span>
    </span>
  );
}

/** The library's source and format cells of one article: who the copy is from, and what it was read from. */
export function ArticleOriginCells({ article }: { article: ArticleSummary }) {
  const from = article.importedFrom;
  return (
    <>
      <td className="article-source">{article.source || <span className="muted">–</span>}</td>
      <td className="article-format" title={from === null ? 'Not recorded: made in the app, or imported before the app recorded formats.' : undefined}>
        {importFormatLabel(from)}
        {from?.kind === 'file' && <div className="article-meta" title={from.fileName}>{from.fileName}</div>}
      </td>
    </>
  );
}
