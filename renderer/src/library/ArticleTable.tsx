import { articleStatusLabels, type ArticleSummary } from '../../../common/api';
import { ArticleOriginCells, CopyMarker } from './ArticleOriginCells';

interface ArticleTableProps {
  articles: ArticleSummary[];
  // The ids of the articles ticked for a batch export.
  chosen: ReadonlySet<string>;
  onChoose: (chosen: Set<string>) => void;
  onOpen: (articleId: string) => void;
  onRename: (article: ArticleSummary) => void;
  onDelete: (article: ArticleSummary) => void;
}

/** The library's table: one row per article with its status, tag counts and actions, and a tick for export. */
export function ArticleTable({ articles, chosen, onChoose, onOpen, onRename, onDelete }: ArticleTableProps) {
  return (
    <table className="library-table">
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label="Select all articles"
              checked={articles.length > 0 && chosen.size === articles.length}
              onChange={(event) => onChoose(event.target.checked ? new Set(articles.map((article) => article.id)) : new Set())}
            />
          </th>
          <th scope="col">Title</th>
          <th scope="col">Source</th>
          <th scope="col">Format</th>
          <th scope="col">Status</th>
          <th scope="col" title="Entities · Figures · Attributions">
            Tags
          </th>
          <th scope="col">Needs review</th>
          <th scope="col">Updated</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id} data-article-id={article.id}>
            <td>
              <input
                type="checkbox"
                aria-label={`Select ${article.title}`}
                checked={chosen.has(article.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(article.id);
                  else next.delete(article.id);
                  onChoose(next);
                }}
              />
            </td>
            <td>
              <button type="button" className="link-button article-link" onClick={() => onOpen(article.id)}>
                {article.title}
              </button>
              <CopyMarker article={article} />
              <div className="article-meta">{article.wordCount.toLocaleString()} words</div>
            </td>
            <ArticleOriginCells article={article} />
            <td>
              <span className={`status-badge status-${article.status}`}>{articleStatusLabels[article.status]}</span>
            </td>
            <td className="tag-counts">
              <span className="count tag-person" title="Entities">{article.tagCounts.entity}</span>
              <span className="count tag-figure" title="Figures">{article.tagCounts.figure}</span>
              <span className="count tag-attribution" title="Attributions">{article.tagCounts.attribution}</span>
            </td>
            <td>{article.tagCounts.needsReview > 0 ? <span className="badge review">{article.tagCounts.needsReview}</span> : '–'}</td>
            <td>{new Date(article.updatedAt).toLocaleString()}</td>
            <td className="row-actions">
              <button type="button" onClick={() => onOpen(article.id)} aria-label={`Open ${article.title}`}>
                Open
              </button>
              <button type="button" onClick={() => onRename(article)} aria-label={`Rename ${article.title}`}>
                Rename
              </button>
              <button type="button" className="danger" onClick={() => onDelete(article)} aria-label={`Delete ${article.title}`}>
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
