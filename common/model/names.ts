/**
 * How the registry compares names: the one rule behind lookups, alias de-duplication and search, so that
 * what the store matches and what the services keep apart never disagree.
 */

/**
 * The form a name is compared in: Unicode-normalised, case-folded, whitespace collapsed, typographic
 * apostrophes made plain, so "O’Brien  " and "o'brien" are the same name. Only for comparing: the name itself
 * is stored as the user wrote it.
 */
export function entityLookupKey(name: string): string {
  return name.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * An entity's aliases as the registry keeps them: in the order given, each once (the first spelling wins when
 * two compare equal), and never one that compares equal to the canonical name.
 */
export function distinctAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([entityLookupKey(name)]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const key = entityLookupKey(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(alias);
  }
  return kept;
}
