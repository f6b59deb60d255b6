import type { EntityType } from './annotation';
import { entityLookupKey } from './names';

/**
 * What the registry records about an entity as a source: its role (official, expert, ...) for persons and
 * organisations, and for persons a gender as they describe themselves. Both are optional, and neither is ever
 * inferred (from a name, a title or anything else): they are what the desk was told.
 */

/** A source role the desk can give a person or organisation: the key stored on entities and the label shown. */
export interface SourceRole {
  key: string;
  label: string;
}

/** The roles every desk starts with; the desk adds its own in the registry. */
export const defaultSourceRoles: readonly SourceRole[] = [
  { key: 'official', label: 'Official' },
  { key: 'spokesperson', label: 'Spokesperson' },
  { key: 'expert', label: 'Expert' },
  { key: 'witness', label: 'Witness' },
  { key: 'civilian', label: 'Civilian' },
  { key: 'agency', label: 'Agency' },
];

/** The entity types that may carry a source role. */
export const sourceRoleEntityTypes: readonly EntityType[] = ['person', 'organisation'];

/** The hint the registry shows beside the gender field, so nobody fills it in from a name. */
export const selfDescribedGenderHint = 'As the person describes themselves; leave empty if not known.';

/** The key a role label is stored under: two labels that differ only in case or spacing are one role. */
export function sourceRoleKey(label: string): string {
  return entityLookupKey(label);
}

/** Whether an entity of this type may carry a source role. */
export function takesSourceRole(type: EntityType): boolean {
  return sourceRoleEntityTypes.includes(type);
}

/** Whether an entity of this type may carry a self-described gender: persons only. */
export function takesSelfDescribedGender(type: EntityType): boolean {
  return type === 'person';
}

/** An entity's source fields as the registry keeps them. */
export interface SourceProfile {
  // The key of a source role, or null when none is recorded.
  sourceRole: string | null;
  // Empty when not recorded.
  selfDescribedGender: string;
}

/**
 * The source fields an entity of `type` keeps: a role only on persons and organisations, a gender only on
 * persons, spacing collapsed; anything else is cleared, so that retyping a person as a place drops both.
 */
export function sourceProfileFor(type: EntityType, profile: SourceProfile): SourceProfile {
  const gender = profile.selfDescribedGender.replace(/\s+/gu, ' ').trim();
  return {
    sourceRole: takesSourceRole(type) && profile.sourceRole ? profile.sourceRole : null,
    selfDescribedGender: takesSelfDescribedGender(type) ? gender : '',
  };
}

/**
 * The source fields as an entity record carries them: only those its type takes (a place has neither, an
 * organisation a role only), so that a record never holds a field that means nothing for it.
 */
export function sourceFieldsOf(type: EntityType, profile: SourceProfile): Partial<SourceProfile> {
  const kept = sourceProfileFor(type, profile);
  if (takesSelfDescribedGender(type)) return kept;
  return takesSourceRole(type) ? { sourceRole: kept.sourceRole } : {};
}
