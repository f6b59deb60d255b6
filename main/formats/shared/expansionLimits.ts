import { ApiError } from '../../../common/api';

/**
 * How far an imported file may grow once unpacked or parsed, stated once. The import limit (5 MB) bounds the
 * bytes that arrive; these bound what they turn into, so that no file can exhaust memory: a .docx is a zip
 * whose parts inflate (48 MB of document.xml from a 2.7 MB file killed the process), and XML of a few MB can
 * hold millions of elements, each a parsed object, or nest deeper than any reader can recurse.
 */

/**
 * The most the parts of an archive may inflate to, together, counted both as the zip's directory declares
 * and as the bytes actually come out. Word's XML is verbose (about ten bytes of markup per byte of text), so
 * this still admits a .docx with more than a megabyte of article text, far beyond any real article.
 */
export const maxExpandedBytes = 16 * 1024 * 1024;

/** The most elements an XML document may hold: at about 300 bytes per parsed element, some 300 MB at most. */
export const maxXmlElements = 1_000_000;

/**
 * How deep XML and HTML elements are kept nested when parsed. Deeper elements are flattened into their
 * ancestor at this depth: their text is kept in order, only the element boundaries go, so no reader's
 * recursion can overflow and no text is lost. Real NITF, Word XML and web pages nest a few dozen levels.
 */
export const maxMarkupDepth = 200;

/**
 * The most tags one imported article may bring. Reading is linear, but every tag becomes a stored record with
 * its spans, and 100,000 of them take the store half a minute to write; the benchmark article of 100,000 words
 * has 10,000, and real copy a few hundred.
 */
export const maxImportedAnnotations = 50_000;

/**
 * Refuses an article that brings more than maxImportedAnnotations tags. Readers that can count tags before
 * building them (NITF's inline tags) call it early, so that a refused file never builds its records at all.
 */
export function assertImportedTagCount(what: string, tags: number): void {
  if (tags > maxImportedAnnotations) {
    throw new ApiError('too_large', `${what} holds ${tags.toLocaleString('en')} tags, more than the ${maxImportedAnnotations.toLocaleString('en')} one article may bring.`);
  }
}
