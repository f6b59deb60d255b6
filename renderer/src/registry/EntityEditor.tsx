import { useState } from 'react';
import { entityTypes, labels, type EntityType } from '../../../common/model/annotation';
import type { AnnotatorApi, EntityWithCounts } from '../../../common/api';
import { SourceProfileFields } from './SourceProfileFields';
import { countOf } from '../ui/plural';

/** What the entity editor saves. */
export interface EntityChanges {
  name: string;
  type: EntityType;
  aliases: string[];
  externalIds: Record<string, string>;
  description: string;
  sourceRole: string | null;
  selfDescribedGender: string;
}

interface EntityEditorProps {
  api: AnnotatorApi;
  entity: EntityWithCounts;
  onSave: (changes: EntityChanges) => Promise<void>;
}

/** Edits an entity's canonical name, type, aliases (one a line), Wikidata id, description and source fields. */
export function EntityEditor({ api, entity, onSave }: EntityEditorProps) {
  const [name, setName] = useState(entity.name);
  const [type, setType] = useState<EntityType>(entity.type);
  const [aliases, setAliases] = useState(entity.aliases.join('\n'));
  const [wikidata, setWikidata] = useState(entity.externalIds.wikidata ?? '');
  const [description, setDescription] = useState(entity.description);
  const [sourceRole, setSourceRole] = useState<string | null>(entity.sourceRole ?? null);
  const [gender, setGender] = useState(entity.selfDescribedGender ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const wikidataValid = wikidata.trim() === '' || /^Q[1-9][0-9]*$/.test(wikidata.trim());
  return (
    <form
      className="entity-editor"
      aria-label="Entity"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return setProblem('An entity needs a name.');
        if (!wikidataValid) return setProblem('A Wikidata id looks like Q42.');
        setProblem(null);
        const externalIds: Record<string, string> = { ...entity.externalIds };
        if (wikidata.trim()) externalIds.wikidata = wikidata.trim();
        else delete externalIds.wikidata;
        void onSave({
          name: name.trim(),
          type,
          aliases: aliases.split('\n').map((alias) => alias.trim()).filter(Boolean),
          externalIds,
          description,
          sourceRole,
          selfDescribedGender: gender.trim(),
        });
      }}
    >
      <h2>{entity.name}</h2>
      <p className="muted">
        {countOf(entity.mentionCount, 'mention')} in {countOf(entity.articleCount, 'article')}
      </p>
      <label className="field">
        <span className="field-label">Canonical name</span>
        <input type="text" aria-label="Canonical name" value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Type</span>
        <select aria-label="Type" value={type} onChange={(event) => setType(event.target.value as EntityType)}>
          {entityTypes.map((option) => (
            <option key={option} value={option}>
              {labels[option]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Aliases, one a line</span>
        <textarea aria-label="Aliases" rows={3} value={aliases} onChange={(event) => setAliases(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Wikidata id</span>
        <input type="text" aria-label="Wikidata id" placeholder="Q42" value={wikidata} aria-invalid={!wikidataValid} onChange={(event) => setWikidata(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <textarea aria-label="Description" rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <SourceProfileFields api={api} type={type} sourceRole={sourceRole} gender={gender} onRoleChange={setSourceRole} onGenderChange={setGender} />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit">Save entity</button>
    </form>
  );
}
