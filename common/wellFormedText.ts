/**
 * Lone surrogates: half of a UTF-16 pair with no other half. JavaScript strings can hold them (a JSON escape
 * "\ud800", a clipboard cut in the middle of an emoji), UTF-8 cannot, so SQLite would store invalid bytes and
 * every exporter would write them on. They are repaired, not refused: each becomes U+FFFD (the replacement
 * character), as a UTF-8 decoder does with a broken sequence, so the rest of an editor's text is never lost
 * for one broken character. The repair happens at the doors text comes in by: every API call's input
 * (apiDispatch: saves, pasted text, entity fields), every imported article (importFile), and JSON read from a
 * file before it is checked (the JSON and NITF record readers), so the store never receives one.
 */

/** The text with every lone surrogate replaced by U+FFFD. */
export function wellFormedText(text: string): string {
  // With the u flag, \p{Cs} matches a surrogate only when it is not half of a pair.
  return loneSurrogate.test(text) ? text.replace(loneSurrogates, '\uFFFD') : text;
}

const loneSurrogate = /\p{Cs}/u;
const loneSurrogates = /\p{Cs}/gu;

/**
 * A copy of a JSON-like value with every string (values and keys) made well-formed. Walks with a stack of its
 * own, so a value nested 100,000 deep is copied, not a stack overflow. Values that are not plain JSON
 * (functions, class instances) are kept as they are.
 */
export function wellFormedJson<T>(value: T): T {
  if (typeof value === 'string') return wellFormedText(value) as T;
  if (typeof value !== 'object' || value === null || !holdsLoneSurrogate(value)) return value;
  const root: { value: unknown } = { value: undefined };
  const pending: Array<{ source: unknown; assign: (copy: unknown) => void }> = [{ source: value, assign: (copy) => (root.value = copy) }];
  while (pending.length > 0) {
    const { source, assign } = pending.pop()!;
    if (typeof source === 'string') {
      assign(wellFormedText(source));
    } else if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      assign(copy);
      source.forEach((item, index) => pending.push({ source: item, assign: (itemCopy) => (copy[index] = itemCopy) }));
    } else if (typeof source === 'object' && source !== null && (Object.getPrototypeOf(source) === Object.prototype || Object.getPrototypeOf(source) === null)) {
      // defineProperty keeps an own "__proto__" key an own key, so later checks still see and refuse it.
      const copy: Record<string, unknown> = {};
      assign(copy);
      for (const [key, item] of Object.entries(source)) {
        // Every key is placed now, in order, and filled in when its value has been copied: keys keep their order.
        const copyKey = wellFormedText(key);
        Object.defineProperty(copy, copyKey, { value: undefined, enumerable: true, writable: true, configurable: true });
        pending.push({ source: item, assign: (itemCopy) => (copy[copyKey] = itemCopy) });
      }
    } else {
      assign(source);
    }
  }
  return root.value as T;
}

// Whether any string in a JSON-like value (keys included) holds a lone surrogate; almost never, so the copy
// above is only made when it is needed.
function holdsLoneSurrogate(value: object): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (loneSurrogate.test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) if (typeof element === 'object' || typeof element === 'string') pending.push(element);
    } else if (typeof item === 'object' && item !== null) {
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue;
        if (loneSurrogate.test(key)) return true;
        const member = (item as Record<string, unknown>)[key];
        if (typeof member === 'object' || typeof member === 'string') pending.push(member);
      }
    }
  }
  return false;
}
