import { useEffect, useState } from 'react';
import { labels } from '../../../common/model/annotation';
import type { AnnotatorApi, EntityRecord } from '../../../common/api';
import type { SourceRole } from '../../../common/model/sourceProfile';
import { externalIdViews } from './externalIds';

/** An entity's names, type, description, external ids and, where the desk recorded them, its source fields. */
export function EntityHeader({ api, entity }: { api: AnnotatorApi; entity: EntityRecord }) {
  const { sourceRole, selfDescribedGender } = entity;
  const [roles, setRoles] = useState<readonly SourceRole[]>([]);
  useEffect(() => {
    if (sourceRole) api.listSourceRoles({}).then(setRoles, () => {});
  }, [api, sourceRole]);
  // The desk's label for the role; its stored key until the list has come (or if the list lost it).
  const roleLabel = (key: string) => roles.find((role) => role.key === key)?.label ?? key;
  const ids = externalIdViews(entity.externalIds);
  return (
    <header className={`entity-page-header tag-${entity.type}`}>
      <h1>
        <span className="swatch" aria-hidden="true" /> {entity.name}
      </h1>
      <dl className="entity-facts">
        <dt>Type</dt>
        <dd>{labels[entity.type]}</dd>
        <dt>Also called</dt>
        <dd>{entity.aliases.length > 0 ? entity.aliases.join(', ') : <span className="muted">No aliases</span>}</dd>
        {entity.description && (
          <>
            <dt>Description</dt>
            <dd>{entity.description}</dd>
          </>
        )}
        {sourceRole && (
          <>
            <dt>Source role</dt>
            <dd>{roleLabel(sourceRole)}</dd>
          </>
        )}
        {selfDescribedGender && (
          <>
            <dt>Gender (self-described)</dt>
            <dd>{selfDescribedGender}</dd>
          </>
        )}
        <dt>External ids</dt>
        <dd>
          {ids.length === 0 ? (
            <span className="muted">None recorded</span>
          ) : (
            <ul className="external-ids">
              {ids.map((id) => (
                <li key={id.scheme}>
                  {id.label}: <code>{id.value}</code>
                  {id.address && id.address !== id.value && <span className="muted"> ({id.address})</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </header>
  );
}
