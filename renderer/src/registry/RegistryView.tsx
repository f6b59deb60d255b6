import { useCallback, useEffect, useState } from 'react';
import { entityTypes, labels, type EntityType } from '../../../common/model/annotation';
import type { AnnotatorApi, EntityDetail, EntityMergeResult, EntityTypeCount, EntityWithCounts } from '../../../common/api';
import { ConfirmDeleteDialog } from '../ui/ConfirmDialog';
import { EntityLinkPicker } from '../editor/EntityLinkPicker';
import { EntityEditor } from './EntityEditor';
import { MentionList } from './MentionList';
import { FilterSelect } from '../ui/FilterSelect';
import { countOf } from '../ui/plural';
import { navigate } from '../navigation/route';

interface RegistryViewProps {
  api: AnnotatorApi;
  onOpenMention: (articleId: string, annotationId: string) => void;
}

// The list shows a page of entities until asked for all; thousands of rows would slow every keystroke of the search.
const pageSize = 200;

/** The desk's entity registry: search, counts per type, and one entity's names, links and mentions. */
export function RegistryView({ api, onOpenMention }: RegistryViewProps) {
  const [query, setQuery] = useState('');
  const [typeFilter, setTypeFilter] = useState<EntityType | ''>('');
  const [entities, setEntities] = useState<EntityWithCounts[] | null>(null);
  const [typeCounts, setTypeCounts] = useState<EntityTypeCount[]>([]);
  const [shown, setShown] = useState(pageSize);
  const [selected, setSelected] = useState<EntityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [lastMerge, setLastMerge] = useState<{ result: EntityMergeResult; mergedName: string } | null>(null);
  const [version, setVersion] = useState(0);

  const report = (failure: unknown) => setError((failure as Error).message);
  const refresh = () => setVersion((value) => value + 1);

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      api
        .listEntities({ query: query.trim() || undefined, type: typeFilter || undefined, limit: 10_000 })
        .then((found) => !stale && setEntities(found))
        .catch(report);
    }, 100);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, query, typeFilter, version]);

  useEffect(() => {
    api.entityTypeCounts({}).then(setTypeCounts).catch(report);
  }, [api, version]);

  const select = useCallback(
    (id: string) => {
      api
        .getEntity({ id })
        .then((detail) => {
          setSelected(detail);
          setError(null);
        })
        .catch(report);
    },
    [api],
  );

  const merge = async (target: EntityWithCounts) => {
    if (!selected) return;
    setMerging(false);
    try {
      // The entity picked in the dialog is kept; the one on screen is merged into it.
      const result = await api.mergeEntities({ keepId: target.id, mergeId: selected.id });
      setLastMerge({ result, mergedName: selected.name });
      select(result.entity.id);
      refresh();
    } catch (failure) {
      report(failure);
    }
  };

  const undoMerge = async () => {
    if (!lastMerge) return;
    try {
      const { restored } = await api.undoMerge({ undoToken: lastMerge.result.undoToken });
      setLastMerge(null);
      select(restored.id);
      refresh();
    } catch (failure) {
      report(failure);
    }
  };

  const remove = async () => {
    if (!selected) return;
    try {
      await api.deleteEntity({ id: selected.id });
      setDeleting(false);
      setSelected(null);
      refresh();
    } catch (failure) {
      report(failure);
    }
  };

  return (
    <section className="registry" aria-label="Registry">
      <div className="registry-list">
        <div className="library-actions">
          <input type="search" aria-label="Search entities" placeholder="Search names and aliases" value={query} onChange={(event) => setQuery(event.target.value)} />
          <FilterSelect label="Filter by entity type" allLabel="All types" value={typeFilter} options={entityTypes} optionLabel={(type) => labels[type]} onChange={setTypeFilter} />
        </div>
        <ul className="type-counts" aria-label="Entities per type">
          {typeCounts.map((count) => (
            <li key={count.type} className={`tag-${count.type}`}>
              <span className="swatch" aria-hidden="true" /> {labels[count.type]}: {countOf(count.entities, 'entity', 'entities')} in {countOf(count.articles, 'article')}
            </li>
          ))}
        </ul>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {lastMerge && (
          <p className="notice" role="status">
            Merged {lastMerge.mergedName} into {lastMerge.result.entity.name} ({countOf(lastMerge.result.movedMentions, 'mention')} moved).{' '}
            <button type="button" className="link-button" onClick={() => void undoMerge()}>
              Undo merge
            </button>
          </p>
        )}
        {entities === null ? (
          <p>Loading…</p>
        ) : (
          <>
            <ul className="entity-list" aria-label="Entities">
              {entities.slice(0, shown).map((entity) => (
                <li key={entity.id}>
                  <button type="button" className={`entity-row tag-${entity.type}${selected?.id === entity.id ? ' is-selected' : ''}`} aria-current={selected?.id === entity.id ? 'true' : undefined} onClick={() => select(entity.id)}>
                    <span className="swatch" aria-hidden="true" />
                    <span className="entity-name">{entity.name}</span>
                    {entity.aliases.length > 0 && <span className="muted"> also {entity.aliases.join(', ')}</span>}
                    <span className="entity-counts">
                      {countOf(entity.articleCount, 'article')} · {countOf(entity.mentionCount, 'mention')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {entities.length === 0 && <p className="empty-hint">No entities{query ? ' match' : ' yet: tag names in an article to fill the registry'}.</p>}
            {entities.length > shown && (
              <button type="button" className="link-button" onClick={() => setShown(entities.length)}>
                Show all {entities.length}
              </button>
            )}
          </>
        )}
      </div>
      <div className="registry-detail">
        {selected ? (
          <>
            <EntityEditor
              api={api}
              key={`${selected.id}:${selected.updatedAt}`}
              entity={selected}
              onSave={async (changes) => {
                try {
                  await api.updateEntity({ id: selected.id, ...changes });
                  select(selected.id);
                  refresh();
                } catch (failure) {
                  report(failure);
                }
              }}
            />
            <div className="inspector-actions">
              <button type="button" onClick={() => navigate({ name: 'entity', entityId: selected.id })}>
                Open entity page
              </button>
              <button type="button" onClick={() => setMerging(true)}>
                Merge into…
              </button>
              <button type="button" className="danger" onClick={() => setDeleting(true)}>
                Delete entity…
              </button>
            </div>
            <MentionList mentions={selected.mentions} onOpen={onOpenMention} />
          </>
        ) : (
          <p className="empty-hint">Choose an entity to see its names, links and every mention.</p>
        )}
      </div>
      {merging && selected && (
        <EntityLinkPicker api={api} title={`Merge “${selected.name}” into…`} initialQuery="" type={selected.type} excludeId={selected.id} onCancel={() => setMerging(false)} onPick={(target) => void merge(target)} />
      )}
      {deleting && selected && (
        <ConfirmDeleteDialog title="Delete entity?" onCancel={() => setDeleting(false)} onConfirm={() => void remove()}>
          <p>
            “{selected.name}” still has {countOf(selected.mentionCount, 'mention')} in {countOf(selected.articleCount, 'article')}. The mentions stay tagged but lose their link to the registry.
          </p>
        </ConfirmDeleteDialog>
      )}
    </section>
  );
}
