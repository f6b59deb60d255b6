import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * The fingerprint by which the library recognises copy it already holds: SHA-256 (hex) of the article's plain
 * text with Unicode compatibility forms folded (NFKC), case folded and every run of whitespace made one space.
 * So the same story read from a .txt, pasted, or re-wrapped by an e-mail client is one story; any changed word
 * makes another.
 */
export function contentFingerprint(plainText: string): string {
  const normalised = plainText.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/**
 * Registers the SQL functions migrations may call on this connection: `content_fingerprint(text)`, so that a
 * migration fills the fingerprints of older articles with the very function new ones are stored with.
 */
export function registerStoreFunctions(db: Database): void {
  db.function('content_fingerprint', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? contentFingerprint(text) : null));
}
