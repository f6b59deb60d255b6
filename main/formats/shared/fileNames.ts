/**
 * File names for exported articles: a safe slug of the title plus the article id, so that a batch export
 * of many articles writes one predictable, collision-free file per article on any operating system.
 */

/** The longest file name stem an export writes, leaving room for the longest extension (".jsonld", ".ann"). */
export const maxFileStemLength = 80;

// The id part keeps its own budget so that a long title can never squeeze out what makes the name unique.
const maxIdSlugLength = 40;
const fallbackTitleSlug = 'article';
// Names Windows refuses for a file whatever the extension; a stem never equals one, but guard anyway.
const reservedStems = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * Turns any text into a slug of ASCII lowercase letters, digits and single hyphens, at most `maxLength`
 * characters, cut at a word boundary where possible. Accents are folded ("Café" -> "cafe"); scripts with no
 * ASCII folding (Arabic, CJK, emoji) vanish, so the result may be empty: callers supply a fallback.
 */
export function slugify(text: string, maxLength: number = maxFileStemLength): string {
  const folded = text
    .normalize('NFKD')
    // Combining marks left by the decomposition, so "é" becomes "e".
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return truncateSlug(slug, maxLength);
}

/**
 * The stem of an export file name for an article: `<title-slug>-<id-slug>`. It is never empty, never has a
 * path separator, a dot or a reserved device name, and is at most `maxFileStemLength` characters. Distinct
 * article ids give distinct stems: when the id itself had to be altered to be safe, a short hash of the
 * original id is appended.
 */
export function exportFileStem(title: string, articleId: string): string {
  const idSlug = safeIdSlug(articleId);
  const titleBudget = maxFileStemLength - idSlug.length - 1;
  const titleSlug = slugify(title, titleBudget) || fallbackTitleSlug;
  const stem = idSlug ? `${titleSlug}-${idSlug}` : titleSlug;
  return reservedStems.test(stem) ? `${fallbackTitleSlug}-${stem}` : stem;
}

/** The file name of an article export: its stem plus `extension` (given with or without the leading dot). */
export function exportFileName(title: string, articleId: string, extension: string): string {
  const cleanExtension = extension.replace(/^\.+/, '').toLowerCase().replace(/[^a-z0-9.]+/g, '');
  return cleanExtension ? `${exportFileStem(title, articleId)}.${cleanExtension}` : exportFileStem(title, articleId);
}

/** The id as a slug; ids keep underscores (our ids look like `art_3f2a...`), and lossy ids get a hash. */
function safeIdSlug(articleId: string): string {
  const kept = articleId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  const truncated = kept.slice(0, maxIdSlugLength).replace(/[-_]+$/, '');
  if (truncated === articleId) return truncated;
  const hash = fnv1a32(articleId).toString(16).padStart(8, '0');
  return truncated ? `${truncated.slice(0, maxIdSlugLength - 9)}-${hash}` : hash;
}

function truncateSlug(slug: string, maxLength: number): string {
  if (maxLength <= 0) return '';
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // Prefer ending at a whole word when that keeps at least half of the budget.
  const lastHyphen = cut.lastIndexOf('-');
  const atWord = lastHyphen >= maxLength / 2 ? cut.slice(0, lastHyphen) : cut;
  return atWord.replace(/-+$/, '');
}

/** A small, stable, non-cryptographic hash (FNV-1a, 32 bits), enough to tell ids apart in file names. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
