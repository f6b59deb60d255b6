import type { AnnotationMap } from '../model/annotation';

/** Which annotations stepping visits: all of them, or only those waiting for review. */
export type StepFilter = 'all' | 'needs_review';

/**
 * The annotation to visit after `currentId` when stepping through an article by keyboard, wrapping at the
 * ends; null when none qualifies. `textOrder` lists ids in the order their words appear; tags whose words
 * are gone come after all others, since they have no place in the text.
 */
export function nextAnnotationId(records: AnnotationMap, textOrder: Iterable<string>, currentId: string | null, direction: 1 | -1, filter: StepFilter): string | null {
  const placed = new Set<string>();
  const ordered: string[] = [];
  for (const id of textOrder) {
    if (!records[id] || placed.has(id)) continue;
    placed.add(id);
    ordered.push(id);
  }
  for (const id of Object.keys(records)) if (!placed.has(id)) ordered.push(id);
  const visited = filter === 'all' ? ordered : ordered.filter((id) => records[id]!.status === 'needs_review');
  if (visited.length === 0) return null;
  const at = currentId === null ? -1 : visited.indexOf(currentId);
  // From outside the list, forward starts at the first and backward at the last.
  if (at < 0) return direction === 1 ? visited[0]! : visited[visited.length - 1]!;
  return visited[(at + direction + visited.length) % visited.length]!;
}
