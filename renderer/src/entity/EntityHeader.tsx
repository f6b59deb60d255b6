import { labels } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import { externalIdViews } from './externalIds';

// desk-audit adds these to registry entities; until it does, a record simply lacks them and nothing is shown.
type WithSourceProfile = EntityRecord & { sourceRole?: string | null; selfDescribedGender?: string };

function roleLabel(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** An entity's names, type, description, external ids and, where the desk recorded them, its source fields. */
export function EntityHeader({ entity }: { entity: EntityRecord }) {
  const { sourceRole, selfDescribedGender } = entity as WithSourceProfile;
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
