import type { EntityType } from '../model/annotation';
import { entityLookupKey } from '../model/names';
import { findOccurrences } from '../model/occurrences';
import type { FoundEntity } from './entities';
import type { EntitySuggestion, RegistryName, RejectedName } from './types';

/**
 * The desk's registry as a gazetteer, and the editors' rejections as a filter.
 *
 * - Every name and alias of the registry found in the text (by the registry's own occurrence rule,
 *   `findOccurrences`) is suggested with its entity linked.
 * - Evidence inside the article outranks the registry: where the rules typed the same words by strong evidence
 *   (a title, a speech verb, a head word, a longer name such as "Valeska Paris" for "Paris") as another type, the
 *   article's type stands and nothing is linked; where they agree, or the article's evidence is only a guess
 *   from the name's shape, the registry's type and entity are taken.
 * - A name rejected as a type three times or more is not suggested as that type.
 */

/** How many rejections of a name as a type stop it being suggested as that type. */
export const rejectionLimit = 3;

const weakEvidence = new Set(['name-shape', 'preposition', 'acronym']);

/** Lays the registry's names over the entities the rules found; see the rules at the top of this file. */
export function withRegistry(text: string, found: readonly FoundEntity[], registry: readonly RegistryName[]): EntitySuggestion[] {
  const suggestions: EntitySuggestion[] = found.map((entity) => ({ kind: 'entity', ...entity, entityId: null }));
  if (registry.length === 0) return suggestions;
  const byName = new Map<string, RegistryName>();
  for (const entry of registry) {
    for (const name of [entry.name, ...entry.aliases]) {
      const key = entityLookupKey(name);
      if (key && !byName.has(key)) byName.set(key, entry);
    }
  }
  const names = registry.flatMap((entry) => [entry.name, ...entry.aliases]).filter((name) => name.trim().length > 1);
  const removed = new Set<EntitySuggestion>();
  const added: EntitySuggestion[] = [];
  for (const occurrence of findOccurrences(text, names)) {
    const entry = byName.get(entityLookupKey(occurrence.text));
    if (!entry) continue;
    const overlapping = suggestions.filter((entity) => entity.start < occurrence.end && entity.end > occurrence.start && !removed.has(entity));
    const same = overlapping.find((entity) => entity.start === occurrence.start && entity.end === occurrence.end);
    if (same) {
      if (same.entityType === entry.type) {
        same.entityId = entry.entityId;
        same.confidence = Math.max(same.confidence, 0.9);
      } else if (weakEvidence.has(same.evidence)) {
        Object.assign(same, { entityType: entry.type, entityId: entry.entityId, evidence: 'registry', confidence: 0.85 });
      }
      continue;
    }
    // A longer name in the article holds these words: the article's reading stands.
    if (overlapping.some((entity) => entity.start <= occurrence.start && entity.end >= occurrence.end && entity.entityType !== 'place')) continue;
    const contained = overlapping.filter((entity) => entity.start >= occurrence.start && entity.end <= occurrence.end);
    if (contained.length !== overlapping.length) continue;
    if (contained.some((entity) => !weakEvidence.has(entity.evidence) && entity.entityType !== 'place')) continue;
    for (const entity of contained) removed.add(entity);
    added.push({ kind: 'entity', start: occurrence.start, end: occurrence.end, text: occurrence.text, entityType: entry.type, entityId: entry.entityId, evidence: 'registry', confidence: 0.85 });
  }
  return [...suggestions.filter((entity) => !removed.has(entity)), ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Drops the suggestions whose name editors rejected as that type `rejectionLimit` times or more. */
export function withoutRejected(suggestions: readonly EntitySuggestion[], rejected: readonly RejectedName[]): EntitySuggestion[] {
  const counts = new Map<string, number>();
  for (const rejection of rejected) {
    const key = rejectionKey(rejection.name, rejection.entityType);
    counts.set(key, (counts.get(key) ?? 0) + rejection.count);
  }
  if (counts.size === 0) return [...suggestions];
  return suggestions.filter((suggestion) => (counts.get(rejectionKey(suggestion.text, suggestion.entityType)) ?? 0) < rejectionLimit);
}

function rejectionKey(name: string, type: EntityType): string {
  return `${type}\u0000${entityLookupKey(name)}`;
}
