import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EntityAnnotation } from '../model/annotation';
import type { EntityRecord } from '../api';
import { entityLookupKey } from '../model/names';
import { tagRanges, type Command, type TagContext } from './annotationCommands';
import { annotationMapOf } from './annotationRecords';
import type { OccurrenceCandidate } from './tagAll';

/** The last word of a name of two words or more, when it is long enough to be a surname; null otherwise. */
export function surnameOf(name: string): string | null {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return words.length >= 2 && [...last].length >= 3 && /^\p{Lu}/u.test(last) ? last : null;
}

/**
 * The names "Tag all occurrences" looks for: the mention's own words, the registry entity's name and aliases,
 * and for a person the surname of each, since a person is named in full once and by surname after
 * ("Vladimir Zolotukhin", then "Zolotukhin"). Each once, in that order.
 */
export function tagAllNames(mention: EntityAnnotation, ownText: string, entity: EntityRecord | null): string[] {
  const known = [ownText, ...(entity ? [entity.name, ...entity.aliases] : [])];
  const surnames = mention.entityType === 'person' ? known.map(surnameOf).filter((surname): surname is string => surname !== null) : [];
  return [...new Set([...known, ...surnames].map((name) => name.trim()).filter((name) => name !== ''))];
}

/**
 * Tags the chosen occurrences as mentions of the same entity as `mentionId`, all in one undo step. The
 * candidates' positions belong to `candidatesDoc`: when the text has changed since, they could fall on other
 * words, so the command refuses (false) rather than tag the wrong ones. `contextFor` names each new tag.
 */
export function tagOccurrences(mentionId: string, chosen: readonly OccurrenceCandidate[], candidatesDoc: ProseMirrorNode, contextFor: (index: number) => TagContext): Command {
  return (state, dispatch) => {
    const mention = annotationMapOf(state)[mentionId];
    if (mention?.kind !== 'entity' || state.doc !== candidatesDoc || chosen.length === 0) return false;
    const request = { kind: 'entity' as const, entityType: mention.entityType, entityId: mention.entityId };
    return tagRanges(chosen.map((candidate, index) => ({ from: candidate.from, to: candidate.to, request, context: contextFor(index) })))(state, dispatch);
  };
}

/**
 * The forms of the name that tagging `chosen` found and the registry does not know yet, which become the
 * entity's aliases so that the registry links them next time.
 */
export function newAliasesFrom(entity: EntityRecord, chosen: readonly OccurrenceCandidate[]): string[] {
  const known = new Set([entity.name, ...entity.aliases].map(entityLookupKey));
  const aliases: string[] = [];
  for (const candidate of chosen) {
    const key = entityLookupKey(candidate.text);
    if (known.has(key)) continue;
    known.add(key);
    aliases.push(candidate.text);
  }
  return aliases;
}
