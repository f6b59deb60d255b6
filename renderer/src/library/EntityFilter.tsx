import { useEffect, useId, useRef, useState } from 'react';
import type { AnnotatorApi, EntityWithCounts, SelectedEntity } from '../../../common/api';
import { labels } from '../../../common/model/annotation';

interface EntityFilterProps {
  api: AnnotatorApi;
  entityId: string | undefined;
  // The filtered entity as the last search named it; null when it is no longer in the registry.
  entity: SelectedEntity | null | undefined;
  onChange: (entityId: string | undefined) => void;
}

// The alias that made an entity match the typed text, when its name alone would not have.
function matchedAlias(entity: EntityWithCounts, typed: string): string | undefined {
  const needle = typed.trim().toLocaleLowerCase();
  if (!needle || entity.name.toLocaleLowerCase().includes(needle)) return undefined;
  return entity.aliases.find((alias) => alias.toLocaleLowerCase().includes(needle));
}

/**
 * The entity filter: a combobox that searches the registry by any name or alias as the user types, and, once an
 * entity is picked, a chip with its name and a button that removes the filter. The URL keeps only the entity's id.
 */
export function EntityFilter({ api, entityId, entity, onChange }: EntityFilterProps) {
  const [typed, setTyped] = useState('');
  const [options, setOptions] = useState<EntityWithCounts[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open || !typed.trim()) {
      setOptions([]);
      return;
    }
    let current = true;
    // Waits for a pause in typing: each letter would otherwise be a query over the whole registry.
    const timer = setTimeout(() => {
      api.listEntities({ query: typed.trim(), limit: 12 }).then(
        (found) => {
          if (!current) return;
          setOptions(found);
          setActive(0);
        },
        () => current && setOptions([]),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, typed, open]);

  const pick = (chosen: EntityWithCounts) => {
    setTyped('');
    setOpen(false);
    onChange(chosen.id);
  };

  if (entityId) {
    const name = entity === undefined ? 'Loading…' : entity === null ? 'an entity no longer in the registry' : entity.name;
    return (
      <span className="filter-chip" role="group" aria-label="Entity filter">
        <span>
          Mentions <strong>{name}</strong>
        </span>
        <button type="button" className="chip-remove" aria-label={`Remove the entity filter (${name})`} onClick={() => onChange(undefined)}>
          ×
        </button>
      </span>
    );
  }
  const expanded = open && options.length > 0;
  return (
    <span className="entity-filter">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label="Filter by entity"
        placeholder="Entity (any name or alias)"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            if (options.length > 0) setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
          } else if (event.key === 'Enter' && expanded) {
            event.preventDefault();
            pick(options[active]!);
          } else if (event.key === 'Escape' && expanded) {
            event.preventDefault();
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Registry entities" className="entity-options" hidden={!expanded}>
        {options.map((option, index) => {
          const alias = matchedAlias(option, typed);
          return (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
            >
              <span className="option-name">{option.name}</span> <span className="muted">{labels[option.type]}</span>
              {alias && <span className="muted"> · also “{alias}”</span>}
              <span className="muted"> · {option.articleCount.toLocaleString()} articles</span>
            </li>
          );
        })}
      </ul>
    </span>
  );
}
