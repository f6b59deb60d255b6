import { useCallback, useEffect, useState } from 'react';
import type { AnnotatorApi, TrashContents } from '../../../common/api';
import { labels } from '../../../common/model/annotation';
import { CancelAndConfirm, Dialog } from '../ui/ConfirmDialog';
import { countOf } from '../ui/plural';

interface TrashViewProps {
  api: AnnotatorApi;
  // Called after an article comes back, so the library shows it.
  onRestored: () => void;
  // Opens the backups dialog (restoring the whole database from a backup).
  onShowBackups: () => void;
}

/**
 * The trash: deleted articles (with their tags and links) and registry entities, each with Restore, and an
 * explicit Empty trash that asks first, since only emptying is final.
 */
export function TrashView({ api, onRestored, onShowBackups }: TrashViewProps) {
  const [contents, setContents] = useState<TrashContents | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);

  const reload = useCallback(() => {
    api.listTrash({}).then(setContents, (error: Error) => setMessage(`Could not read the trash: ${error.message}`));
  }, [api]);
  useEffect(reload, [reload]);

  const act = async (work: () => Promise<string>) => {
    try {
      setMessage(await work());
    } catch (error) {
      setMessage((error as Error).message);
    }
    reload();
  };

  const restoreArticle = (id: string, title: string) =>
    void act(async () => {
      await api.restoreArticle({ id });
      onRestored();
      return `“${title}” is back in the library.`;
    });
  const restoreEntity = (id: string, name: string) =>
    void act(async () => {
      const { relinkedMentions } = await api.restoreEntity({ id });
      return `“${name}” is back in the registry; ${countOf(relinkedMentions, 'mention')} linked again.`;
    });
  const emptyTrash = () => {
    setConfirmingEmpty(false);
    void act(async () => {
      const emptied = await api.emptyTrash({});
      return `Trash emptied: ${countOf(emptied.articles, 'article')} and ${countOf(emptied.entities, 'entity', 'entities')} deleted for good.`;
    });
  };

  const empty = contents !== null && contents.articles.length === 0 && contents.entities.length === 0;
  return (
    <section className="library trash" aria-label="Trash">
      <div className="library-actions">
        <h2>Trash</h2>
        <span className="toolbar-gap" />
        <button type="button" title="Back up the whole database now, or restore an earlier backup of it" onClick={onShowBackups}>
          Backups…
        </button>
        <button type="button" className="danger" disabled={!contents || empty} onClick={() => setConfirmingEmpty(true)}>
          Empty trash…
        </button>
      </div>
      {message && (
        <p className="notice-bar" role="status">
          {message}
        </p>
      )}
      {!contents && <p>Loading…</p>}
      {empty && <p className="dialog-hint">The trash is empty. Deleted articles and registry entries wait here until the trash is emptied.</p>}
      {contents && contents.articles.length > 0 && (
        <table className="article-table" aria-label="Deleted articles">
          <thead>
            <tr>
              <th>Article</th>
              <th>Words</th>
              <th>Deleted</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {contents.articles.map((article) => (
              <tr key={article.id}>
                <td>{article.title}</td>
                <td>{article.wordCount.toLocaleString('en')}</td>
                <td>{new Date(article.deletedAt).toLocaleString()}</td>
                <td>
                  <button type="button" aria-label={`Restore ${article.title}`} onClick={() => restoreArticle(article.id, article.title)}>
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {contents && contents.entities.length > 0 && (
        <table className="article-table" aria-label="Deleted registry entries">
          <thead>
            <tr>
              <th>Registry entry</th>
              <th>Type</th>
              <th>Mentions to relink</th>
              <th>Deleted</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {contents.entities.map(({ entity, unlinkedMentions, deletedAt }) => (
              <tr key={entity.id}>
                <td>{entity.name}</td>
                <td>{labels[entity.type]}</td>
                <td>{unlinkedMentions}</td>
                <td>{new Date(deletedAt).toLocaleString()}</td>
                <td>
                  <button type="button" aria-label={`Restore ${entity.name}`} onClick={() => restoreEntity(entity.id, entity.name)}>
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirmingEmpty && contents && (
        <Dialog
          title="Empty the trash?"
          onClose={() => setConfirmingEmpty(false)}
          actions={<CancelAndConfirm onCancel={() => setConfirmingEmpty(false)} confirmLabel="Empty trash" onConfirm={emptyTrash} danger />}
        >
          <p>
            {countOf(contents.articles.length, 'article')} and {countOf(contents.entities.length, 'registry entry', 'registry entries')} will be deleted for
            good, with their tags and history. This cannot be undone.
          </p>
        </Dialog>
      )}
    </section>
  );
}
