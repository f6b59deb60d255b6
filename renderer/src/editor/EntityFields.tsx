import { entityTypes, labels, type Annotation, type EntityAnnotation } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import { Select } from './inspectorFields';
import { annotationShortcuts } from './tagShortcuts';
import { EntityPageLink } from '../entity/EntityPageLink';

interface EntityFieldsProps {
  annotation: EntityAnnotation;
  entity: EntityRecord | null;
  onChange: (change: (record: Annotation) => Annotation) => void;
  onTagAll: () => void;
  onRelink: () => void;
  onSplit: () => void;
}

/** An entity mention's type, its registry entry, and the actions on the entity: tag all, relink, split off. */
export function EntityFields({ annotation, entity, onChange, onTagAll, onRelink, onSplit }: EntityFieldsProps) {
  return (
    <>
      <Select label="Entity type" value={annotation.entityType} options={entityTypes} optionLabel={(t) => labels[t]} onChange={(entityType) => onChange((record) => (record.kind === 'entity' ? { ...record, entityType } : record))} />
      <div className="linked-entity">
        {entity ? (
          <>
            Registry: <strong data-testid="linked-entity-name">{entity.name}</strong>
            {entity.aliases.length > 0 && <span> · also {entity.aliases.join(', ')}</span>}
          </>
        ) : (
          'Not linked to the registry'
        )}
      </div>
      <div className="inspector-actions">
        <button type="button" onClick={onTagAll} title={`Find this name and its aliases elsewhere in the article (${annotationShortcuts.tagAll.label})`}>
          Tag all occurrences…
        </button>
        <button type="button" onClick={onRelink}>
          Change link…
        </button>
        <button type="button" onClick={onSplit} title="Make this mention a new entity of its own">
          Split off
        </button>
        {entity && <EntityPageLink entityId={entity.id} />}
      </div>
    </>
  );
}
