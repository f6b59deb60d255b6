import { useEffect, useState } from 'react';
import type { AnnotatorApi, SourceRole } from '../../../common/api';
import type { EntityType } from '../../../common/model/annotation';
import { selfDescribedGenderHint, takesSelfDescribedGender, takesSourceRole } from '../../../common/model/sourceProfile';

interface SourceProfileFieldsProps {
  api: AnnotatorApi;
  type: EntityType;
  sourceRole: string | null;
  gender: string;
  onRoleChange: (role: string | null) => void;
  onGenderChange: (gender: string) => void;
}

/**
 * An entity's fields as a source: the source role of a person or organisation (from the desk's list, to which a
 * role can be added here) and a person's self-described gender. Nothing shows for other types.
 */
export function SourceProfileFields({ api, type, sourceRole, gender, onRoleChange, onGenderChange }: SourceProfileFieldsProps) {
  const [roles, setRoles] = useState<SourceRole[]>([]);
  const [newRole, setNewRole] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api.listSourceRoles({}).then(setRoles, (error: Error) => setProblem(`The source roles could not be loaded: ${error.message}`));
  }, [api]);
  if (!takesSourceRole(type)) return null;
  const addRole = async () => {
    const label = newRole.trim();
    if (!label) return;
    try {
      const updated = await api.addSourceRole({ label });
      setRoles(updated);
      const added = updated.find((role) => role.label.toLowerCase() === label.replace(/\s+/gu, ' ').toLowerCase());
      if (added) onRoleChange(added.key);
      setNewRole('');
      setProblem(null);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <fieldset className="source-profile">
      <legend>As a source</legend>
      <label className="field">
        <span className="field-label">Source role</span>
        <select aria-label="Source role" value={sourceRole ?? ''} onChange={(event) => onRoleChange(event.target.value || null)}>
          <option value="">No role recorded</option>
          {roles.map((role) => (
            <option key={role.key} value={role.key}>
              {role.label}
            </option>
          ))}
        </select>
      </label>
      <div className="source-role-add">
        <input type="text" aria-label="New source role" placeholder="Add a role, e.g. Campaigner" value={newRole} onChange={(event) => setNewRole(event.target.value)} onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void addRole();
          }
        }} />
        <button type="button" onClick={() => void addRole()} disabled={!newRole.trim()}>
          Add role
        </button>
      </div>
      {takesSelfDescribedGender(type) && (
        <label className="field">
          <span className="field-label">Self-described gender</span>
          <input type="text" aria-label="Self-described gender" aria-describedby="gender-hint" value={gender} onChange={(event) => onGenderChange(event.target.value)} />
          <span id="gender-hint" className="muted field-hint">
            {selfDescribedGenderHint}
          </span>
        </label>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
