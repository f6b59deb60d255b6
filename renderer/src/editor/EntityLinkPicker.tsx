import { useEffect, useState } from 'react';
import { labels, type EntityType } from '../../../common/model/annotation';
import type { AnnotatorApi, EntityWithCounts } from '../../../common/api';
import { Dialog } from '../ui/ConfirmDialog';

interface EntityLinkPickerProps {
  api: AnnotatorApi;
  title: string;
  initialQuery: string;
  type?: EntityType;
  excludeId?: string | null;
  onPick: (entity: EntityWithCounts) => void;
  onCancel: () => void;
}

/** Searches the registry and picks one entity: to relink a mention, or to merge into. */
export function EntityLinkPicker({ api, title, initialQuery, type, excludeId, onPick, onCancel }: EntityLinkPickerProps) {
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<EntityWithCounts[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      api
        .listEntities({ query: query.trim() || undefined, type, limit: 50 })
        .then((found) => {
          if (stale) return;
          setResults(found.filter((entity) => entity.id !== excludeId));
          setError(null);
        })
        .catch((searchError: Error) => !stale && setError(searchError.message));
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, query, type, excludeId]);
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      actions={
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      }
    >
      <input type="search" aria-label="Search the registry" value={query} autoFocus onChange={(event) => setQuery(event.target.value)} />
      {error && <p className="error" role="alert">{error}</p>}
      <ul className="entity-results" aria-label="Registry entities">
        {results.map((entity) => (
          <li key={entity.id}>
            <button type="button" onClick={() => onPick(entity)}>
              <strong>{entity.name}</strong> <span className="muted">{labels[entity.type]}</span>
              {entity.aliases.length > 0 && <span className="muted"> · also {entity.aliases.join(', ')}</span>}
              <span className="muted"> · {entity.mentionCount} mentions in {entity.articleCount} articles</span>
            </button>
          </li>
        ))}
        {results.length === 0 && <li className="empty-hint">No entity matches.</li>}
      </ul>
    </Dialog>
  );
}
