import type { KeyboardEvent } from 'react';
import { articleStatusLabels, type ArticleSearchHit, type ArticleSummary, type LibrarySortKey, type SortDirection } from '../../../common/api';
import { ArticleOriginCells, CopyMarker } from './ArticleOriginCells';
import { SearchSnippets } from './SearchSnippets';
import { SortHeader } from './SortHeader';

interface ArticleTableProps {
  articles: ArticleSearchHit[];
  // The ids of the articles ticked for a batch export (on any page).
  chosen: ReadonlySet<string>;
  onChoose: (chosen: Set<string>) => void;
  onOpen: (articleId: string) => void;
  onRename: (article: ArticleSummary) => void;
  onDelete: (article: ArticleSummary) => void;
  sort: LibrarySortKey;
  direction: SortDirection;
  onSort: (column: LibrarySortKey) => void;
}

const numbers = new Intl.NumberFormat();
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const times = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

// Rows are one tab stop: arrow keys move between them, Enter opens; Tab goes on to the row's own controls.
function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>, onOpen: (articleId: string) => void) {
  const row = event.target as HTMLElement;
  if (row.tagName !== 'TR') return;
  const rows = [...(event.currentTarget.querySelectorAll<HTMLTableRowElement>(':scope > tr'))];
  const index = rows.indexOf(row as HTMLTableRowElement);
  const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 }[event.key];
  if (event.key === 'Enter') {
    event.preventDefault();
    onOpen(row.dataset.articleId!);
  } else if (target !== undefined) {
    event.preventDefault();
    const next = rows[Math.max(0, Math.min(rows.length - 1, target))]!;
    for (const other of rows) other.tabIndex = other === next ? 0 : -1;
    next.focus();
  }
}

/** The library's table: one row per article with its status, counts and actions, sortable by column, a tick for export. */
export function ArticleTable({ articles, chosen, onChoose, onOpen, onRename, onDelete, sort, direction, onSort }: ArticleTableProps) {
  const header = { sort, direction, onSort };
  const allOnPage = articles.length > 0 && articles.every((article) => chosen.has(article.id));
  return (
    <table className="library-table" aria-label="Articles" aria-describedby="library-table-keys">
      <caption id="library-table-keys" className="visually-hidden">
        Arrow keys move between articles, Enter opens one; Tab reaches its actions.
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label="Select all articles on this page"
              checked={allOnPage}
              onChange={(event) => {
                const next = new Set(chosen);
                for (const article of articles) {
                  if (event.target.checked) next.add(article.id);
                  else next.delete(article.id);
                }
                onChoose(next);
              }}
            />
          </th>
          <SortHeader column="title" label="Title" {...header} />
          <th scope="col">Source</th>
          <th scope="col">Format</th>
          <SortHeader column="status" label="Status" {...header} />
          <SortHeader column="tags" label="Tags" title="Entities · Figures · Attributions (the desk's tags, not suggestions)" {...header} />
          <SortHeader column="needsReview" label="Needs review" {...header} />
          <SortHeader column="suggestions" label="Suggestions" {...header} />
          <SortHeader column="words" label="Words" {...header} />
          <SortHeader column="imported" label="Imported" {...header} />
          <SortHeader column="updated" label="Updated" {...header} />
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody onKeyDown={(event) => moveBetweenRows(event, onOpen)}>
        {articles.map((article, index) => (
          <tr key={article.id} data-article-id={article.id} tabIndex={index === 0 ? 0 : -1} aria-label={article.title}>
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
            <td className="article-title-cell">
              <button type="button" className="link-button article-link" tabIndex={-1} onClick={() => onOpen(article.id)}>
                {article.title}
              </button>
              <CopyMarker article={article} />
              <SearchSnippets snippets={article.snippets} />
            </td>
            <ArticleOriginCells article={article} />
            <td>
              <span className={`status-badge status-${article.status}`}>{articleStatusLabels[article.status]}</span>
            </td>
            <td className="tag-counts">
              <span className="count tag-person" title="Entities">{numbers.format(article.tagCounts.entity)}</span>
              <span className="count tag-figure" title="Figures">{numbers.format(article.tagCounts.figure)}</span>
              <span className="count tag-attribution" title="Attributions">{numbers.format(article.tagCounts.attribution)}</span>
            </td>
            <td>{article.tagCounts.needsReview > 0 ? <span className="badge review">{numbers.format(article.tagCounts.needsReview)}</span> : '–'}</td>
            <td>{article.tagCounts.suggested > 0 ? numbers.format(article.tagCounts.suggested) : '–'}</td>
            <td className="number">{numbers.format(article.wordCount)}</td>
            <td title={times.format(new Date(article.createdAt))}>{dates.format(new Date(article.createdAt))}</td>
            <td title={times.format(new Date(article.updatedAt))}>{dates.format(new Date(article.updatedAt))}</td>
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
