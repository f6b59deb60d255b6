import type { AuditArticleList, AuditArticleRow } from '../../../common/model/sourcingAudit';
import { navigate } from '../navigation/route';
import { formatCount, formatDay } from './auditFormat';
import { CsvButton } from './CsvButton';
import { moveBetweenRows } from './rowKeys';

interface ArticleListTableProps {
  id: string;
  title: string;
  explanation: string;
  list: AuditArticleList;
  emptyText: string;
}

/** A list of audit articles as a CSV table: title, import date, quotes, named, anonymous, sources. */
export function articleRowsCsv(name: string, rows: readonly AuditArticleRow[]) {
  return {
    name,
    header: ['Article', 'Imported', 'Quotes', 'Named', 'Anonymous', 'Sources'],
    rows: rows.map((row) => [row.title, row.createdAt.slice(0, 10), row.attributions, row.named, row.anonymous, row.sources]),
  };
}

/** A list of articles the audit flags (one source only, anonymous outnumbering named); each row opens the article. */
export function ArticleListTable({ id, title, explanation, list, emptyText }: ArticleListTableProps) {
  return (
    <section className="audit-articles" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="audit-section-head">
        <h3 id={`${id}-title`}>
          {title} <span className="audit-count">{formatCount(list.count)}</span>
        </h3>
        {list.count > 0 && <CsvButton table={articleRowsCsv(title, list.articles)} label={title} />}
      </div>
      <p className="muted">
        {explanation}
        {list.count > list.articles.length && ` The first ${formatCount(list.articles.length)} are listed.`}
      </p>
      {list.count === 0 ? (
        <p className="empty-hint">{emptyText}</p>
      ) : (
        <table className="audit-table" aria-labelledby={`${id}-title`} onKeyDown={moveBetweenRows}>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Imported</th>
              <th scope="col" className="number">Quotes</th>
              <th scope="col" className="number">Named</th>
              <th scope="col" className="number">Anonymous</th>
              <th scope="col" className="number">Sources</th>
            </tr>
          </thead>
          <tbody>
            {list.articles.map((row) => (
              <tr key={row.articleId}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'editor', articleId: row.articleId })}>
                    {row.title}
                  </button>
                </th>
                <td>{formatDay(row.createdAt)}</td>
                <td className="number">{formatCount(row.attributions)}</td>
                <td className="number">{formatCount(row.named)}</td>
                <td className="number">{formatCount(row.anonymous)}</td>
                <td className="number">{formatCount(row.sources)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
