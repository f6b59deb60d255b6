import { openDatabase, type AnnotatorDatabase } from '../../main/store/index';
import { createArticleWordsRefresh } from '../../main/store/articleWords';

/**
 * A desk-sized library written straight into a migrated database, for the library search's figures: articles of
 * about 800 words in paragraphs, each with tags of every kind linked to a registry of entities with aliases.
 * Rows are written with SQL (not through the save path) because only the tables the search reads matter here and
 * ten thousand saves would take minutes; the triggers index every block's text as a save would.
 */

/** How big a library to make. */
export interface LibraryShape {
  articles: number;
  wordsPerArticle: number;
  tagsPerArticle: number;
  entities: number;
}

/** The size the issue measures at. */
export const deskSize: LibraryShape = { articles: 10_000, wordsPerArticle: 800, tagsPerArticle: 30, entities: 20_000 };

/** What the generator made that a benchmark needs to name: an entity mentioned in many articles, by an alias too. */
export interface GeneratedLibrary {
  db: AnnotatorDatabase;
  busyEntityId: string;
  busyEntityAlias: string;
  authors: string[];
}

// A deterministic generator, so every run measures the same library.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const commonWords = 'the of and to in a said on for that was with by from at as is his were have it an had they be their this which after who not but been are has over more two its or three four government forces officials town people week city army talks'.split(' ');
const syllables = ['ra', 'ko', 'mi', 'tal', 'ven', 'dor', 'sa', 'lu', 'pe', 'qua', 'zin', 'bar', 'hel', 'tor', 'ni', 'gas', 'mar', 'es', 'ul', 'ost'];

/** Writes the library into a new database at `path`; closes nothing (the caller owns the connection). */
export function generateLibrary(path: string, shape: LibraryShape = deskSize): GeneratedLibrary {
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rareWords = Array.from({ length: 6_000 }, (_, index) => {
    let word = '';
    for (let n = 0; n < 2 + (index % 3); n++) word += syllables[(index * 7 + n * 13 + Math.floor(index / 20)) % syllables.length];
    return `${word}${index}`;
  });
  // Zipf-like: common words most of the time, then a long tail.
  const word = () => (random() < 0.55 ? pick(commonWords) : rareWords[Math.floor(rareWords.length * random() * random())]!);
  const db = openDatabase(path);
  const authors = ['Ana María', 'Sam Okafor', 'Lena Ortiz', 'desk editor', 'Wei Chen'];
  const busyEntityId = 'ent_busy';
  const busyEntityAlias = 'Failaq al-Rahman';
  const created = new Date('2024-01-01T00:00:00.000Z').getTime();
  const insertEntity = db.prepare("INSERT INTO entities (id, name, name_key, type, created_at, updated_at) VALUES (?, ?, ?, ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')");
  const insertAlias = db.prepare('INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)');
  const insertArticle = db.prepare(`INSERT INTO articles (id, title, status, source, word_count, revision, created_at, updated_at, content_fingerprint)
    VALUES (?, ?, ?, 'bench', ?, 1, ?, ?, ?)`);
  const insertBlock = db.prepare('INSERT INTO article_blocks (article_id, position, type, plain_text, block_json) VALUES (?, ?, ?, ?, ?)');
  const insertAnnotation = db.prepare(`INSERT INTO annotations (article_id, id, kind, status, label, entity_id, quote, record_json, author, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?)`);
  const entityTypes = ['person', 'organisation', 'place', 'event', 'other'];
  db.transaction(() => {
    insertEntity.run(busyEntityId, 'Faylaq al Rahman', 'faylaq al rahman', 'organisation');
    insertAlias.run(busyEntityId, busyEntityAlias, busyEntityAlias.toLowerCase());
    for (let index = 1; index < shape.entities; index++) {
      const name = `${pick(rareWords)} ${pick(rareWords)}`;
      insertEntity.run(`ent_${index}`, name, name.toLowerCase(), entityTypes[index % entityTypes.length]);
      if (index % 4 === 0) insertAlias.run(`ent_${index}`, `${name} alias`, `${name.toLowerCase()} alias`);
    }
    for (let article = 0; article < shape.articles; article++) {
      const id = `art_${article}`;
      const at = new Date(created + article * 3_600_000).toISOString();
      const title = Array.from({ length: 6 }, word).join(' ');
      const status = pick(['draft', 'in_review', 'done']);
      insertArticle.run(id, title, status, shape.wordsPerArticle, at, at, `fp${article}`);
      insertBlock.run(id, 0, 'headline', title, '{}');
      let position = 1;
      for (let written = 0; written < shape.wordsPerArticle; position++) {
        const length = 40 + Math.floor(random() * 40);
        const text = `${Array.from({ length }, word).join(' ')}.`;
        written += length;
        insertBlock.run(id, position, 'paragraph', text, '{}');
      }
      // One article in five mentions the busy entity, so its filter selects about 2,000 articles.
      for (let tag = 0; tag < shape.tagsPerArticle; tag++) {
        const kind = tag % 3 === 0 ? 'figure' : tag % 3 === 1 ? 'attribution' : 'entity';
        const status = random() < 0.05 ? 'needs_review' : random() < 0.15 ? 'suggested' : 'accepted';
        const entityId = kind === 'figure' ? null : tag === 2 && article % 5 === 0 ? busyEntityId : `ent_${1 + Math.floor(random() * (shape.entities - 1))}`;
        insertAnnotation.run(id, `ann_${tag}`, kind, status, kind === 'entity' ? 'person' : kind, entityId, word(), pick(authors), at, at);
      }
    }
  })();
  // As the first search after an import would: every article written is indexed as a whole.
  createArticleWordsRefresh(db)();
  return { db, busyEntityId, busyEntityAlias, authors };
}
