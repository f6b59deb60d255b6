/**
 * JSON text that the store already holds, carried to the hosts as text. The hosts send text anyway (HTTP
 * bodies, IPC strings), so splicing stored JSON in spares parsing a large document only to write it again.
 */

/** A value already written as JSON text; the type says what the text encodes. */
export type JsonTextOf<T> = string & { readonly encodes?: T };

/**
 * `record` written as JSON with one more member, `name`, whose value is `memberJson`, already JSON text. The
 * caller vouches for `memberJson` (it comes from the store, which only keeps what it checked on the way in).
 */
export function jsonWithMember<T>(record: object, name: string, memberJson: string): JsonTextOf<T> {
  const written = JSON.stringify(record);
  const separator = written === '{}' ? '' : ',';
  return `${written.slice(0, -1)}${separator}${JSON.stringify(name)}:${memberJson}}`;
}
