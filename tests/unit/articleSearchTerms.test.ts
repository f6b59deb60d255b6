import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTerms } from '../../common/searchQuery';
import { articleSearchTerms } from '../../main/store/articleSelectionSql';
import { searchExcerpts } from '../../main/services/searchExcerpts';
import { openDatabase, type AnnotatorDatabase } from '../../main/store/index';

// The FTS5 queries built from what a user types, run against the store's own block index in a real SQLite file.
let dir: string;
let db: AnnotatorDatabase;
const blocks = [
  'Faylaq al-Rahman fighters began the evacuation.',
  'The evacuated families returned to Douma.',
  'Évacuation à Genève: the UN said "no comment".',
  'Al Rahman and Faylaq are two words here, apart.',
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'search-terms-'));
  db = openDatabase(join(dir, 'terms.sqlite'));
  db.prepare("INSERT INTO articles (id, title, created_at, updated_at) VALUES ('a', 'A', '2026-01-01', '2026-01-01')").run();
  const insert = db.prepare("INSERT INTO article_blocks (id, article_id, position, type, plain_text, block_json) VALUES (?, 'a', ?, 'paragraph', ?, '{}')");
  blocks.forEach((text, index) => insert.run(index + 1, index, text));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

// The block numbers (1-based) every term of the query matches.
function matchingBlocks(query: string): number[][] {
  const statement = db.prepare('SELECT rowid FROM block_search WHERE block_search MATCH ? ORDER BY rowid').pluck();
  return articleSearchTerms(query).map((term) => statement.all(term) as number[]);
}

describe('search terms as FTS5 queries', () => {
  it('reads bare words as prefixes and quoted phrases as exact', () => {
    expect(articleSearchTerms('evacu "al rahman"')).toEqual(['"evacu"*', '"al rahman"']);
    expect(matchingBlocks('evacu')).toEqual([[1, 2, 3]]);
    expect(matchingBlocks('"evacuation"')).toEqual([[1, 3]]);
  });

  it('reads a hyphenated word as a phrase of its parts, the last a prefix', () => {
    expect(articleSearchTerms('al-Rah')).toEqual(['"al rah"*']);
    expect(matchingBlocks('al-Rah')).toEqual([[1, 4]]);
    expect(matchingBlocks('"faylaq al rahman"')).toEqual([[1]]);
    expect(matchingBlocks('"rahman faylaq"')).toEqual([[]]);
  });

  it('folds case and diacritics as the index does', () => {
    expect(matchingBlocks('ÉVACUATION genève')).toEqual([[1, 3], [3]]);
  });

  it('quotes FTS5 syntax away and drops terms without words', () => {
    // "NEAR(a" is one word joined by punctuation, so a phrase of its parts.
    expect(articleSearchTerms('NEAR(a b) OR - * "" ^x')).toEqual(['"near a"*', '"b"*', '"or"*', '"x"*']);
    expect(articleSearchTerms('" ')).toEqual([]);
    expect(matchingBlocks('"no comment" OR')).toEqual([[3], []]);
  });
});

describe('excerpts where the terms occur', () => {
  it('marks every occurrence inside the excerpt, prefix matches whole', () => {
    const [excerpt] = searchExcerpts(['The evacuated families watched the evacuation begin.'], searchTerms('evacu'));
    expect(excerpt!.segments).toEqual([
      { text: 'The ', match: false },
      { text: 'evacuated', match: true },
      { text: ' families watched the ', match: false },
      { text: 'evacuation', match: true },
      { text: ' begin.', match: false },
    ]);
    expect([excerpt!.leading, excerpt!.trailing]).toEqual([false, false]);
  });

  it('prefers blocks that match every term, and cuts long blocks around the first match', () => {
    const long = `${'word '.repeat(40)}Douma evacuation ${'more '.repeat(40)}`.trim();
    const excerpts = searchExcerpts(['Only Douma here.', long], searchTerms('douma "evacuation"'));
    expect(excerpts).toHaveLength(2);
    expect(excerpts[0]!.leading && excerpts[0]!.trailing).toBe(true);
    expect(excerpts[0]!.segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['Douma', 'evacuation']);
    expect(excerpts[1]!.segments.map((segment) => segment.text).join('')).toBe('Only Douma here.');
  });

  it('finds words with diacritics and in other scripts', () => {
    const [excerpt] = searchExcerpts(['وصل الوفد إلى دمشق صباح الأحد. Évacuation à Genève.'], searchTerms('دمشق geneve'));
    expect(excerpt!.segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['دمشق', 'Genève']);
  });
});
