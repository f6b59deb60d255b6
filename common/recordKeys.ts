import { z } from './zodConfig';

/**
 * Maps keyed by ids that come from outside (annotation records in a document, a patch's records, an entity's
 * external ids). JSON.parse makes `__proto__` an own key, which zod's record then drops without a word, and
 * keys such as `constructor` or `toString` answer a lookup on any object although nothing is stored under
 * them. So a map from outside must be a plain object whose own keys are all plain ids, checked on the raw
 * value before anything else reads it.
 */

/** Whether `key` names something every object already has (`__proto__`, `constructor`, `toString`, ...). */
export function isObjectPrototypeKey(key: string): boolean {
  return key in Object.prototype;
}

/**
 * Why `value` cannot be a map from outside, or null when it can: it must be a plain object (not an array, not
 * with another prototype) and each own key must pass `isKey` and not be an Object.prototype name.
 */
export function recordMapProblem(value: unknown, isKey: (key: string) => boolean, what: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${what} must be an object`;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return `${what} must be a plain object`;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string' || isObjectPrototypeKey(key) || !isKey(key)) {
      return `${what} has a key that is not a plain id (${JSON.stringify(String(key)).slice(0, 60)})`;
    }
  }
  return null;
}

/**
 * A zod schema for a map from outside: the raw value's own keys are checked first (see above), then the
 * entries are parsed with `entry`.
 */
export function plainRecordSchema<Key extends z.ZodType<string>, Entry extends z.ZodType>(key: Key, entry: Entry, isKey: (key: string) => boolean, what: string) {
  return z
    .unknown()
    .superRefine((value, context) => {
      const problem = recordMapProblem(value, isKey, what);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .pipe(z.record(key, entry));
}

/** Whether `key` can name an external id's scheme ("wikidata", "isni"): a short, non-blank name. */
export function isExternalIdScheme(key: string): boolean {
  return key.trim() !== '' && key.length <= 50;
}
