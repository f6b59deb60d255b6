import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSelection, LibrarySearchPage, LibrarySearchRequest, TagAuthor } from '../../common/api';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import { seedDeskLibrary, type DeskLibrary } from '../support/deskLibrarySeed';
import { makeTempDir, valueOf } from './storeFixtures';

// The library's search through the API, on a real SQLite file holding the hand-countable library of deskLibrarySeed.
let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
let library: DeskLibrary;
type Name = keyof DeskLibrary['ids'];

beforeEach(async () => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite'), userName: 'desk editor' });
  library = await seedDeskLibrary(services);
});
afterEach(() => {
  services.close();
  temp.remove();
});

async function search(request: LibrarySearchRequest): Promise<LibrarySearchPage> {
  return valueOf<LibrarySearchPage>(await dispatchApiCall(services.handlers, 'searchArticles', request));
}

// The names of the articles a search returns, in its order.
async function found(selection: ArticleSelection, request: Omit<LibrarySearchRequest, 'selection'> = {}): Promise<Name[]> {
  const page = await search({ ...request, selection });
  const names = new Map(Object.entries(library.ids).map(([name, id]) => [id, name as Name]));
  return page.articles.map((article) => names.get(article.id)!);
}

describe('the library search, filter by filter', () => {
  it('lists every article outside the trash, newest import first, with the count of the whole result', async () => {
    const page = await search({});
    expect(page.total).toBe(4);
    expect(page.sort).toBe('imported');
    expect(await found({})).toEqual(['storm', 'council', 'convoy', 'rebels']);
  });

  it('finds articles that mention an entity (by the desk tags, not suggestions), and names the entity', async () => {
    const page = await search({ selection: { entityId: library.entityId } });
    expect(page.articles.map((article) => article.id)).toEqual([library.ids.rebels]);
    expect(page.entity).toEqual({ id: library.entityId, name: 'Faylaq al Rahman', type: 'organisation' });
    expect((await search({ selection: { entityId: 'ent_gone' } })).entity).toBeNull();
    expect((await search({})).entity).toBeUndefined();
  });

  it('filters by tag kind, counting only the desk tags', async () => {
    expect(await found({ tagKind: 'figure' })).toEqual(['council', 'rebels']);
    expect(await found({ tagKind: 'attribution' })).toEqual(['convoy']);
    // The convoy's entity tag is a suggestion still waiting.
    expect(await found({ tagKind: 'entity' })).toEqual(['rebels']);
  });

  it('filters by tag status: tags needing review, suggestions waiting', async () => {
    expect(await found({ tagStatus: 'needs_review' })).toEqual(['rebels']);
    expect(await found({ tagStatus: 'suggested' })).toEqual(['convoy']);
    expect(await found({ tagStatus: 'suggested', tagKind: 'entity' })).toEqual(['convoy']);
    expect(await found({ tagStatus: 'suggested', tagKind: 'figure' })).toEqual([]);
  });

  it('filters by article status', async () => {
    expect(await found({ status: 'draft' })).toEqual(['storm', 'convoy']);
    expect(await found({ status: 'done' })).toEqual(['council']);
  });

  it('filters by the author of the desk tags, and lists the authors the desk knows', async () => {
    expect(await found({ tagAuthor: 'Ana María' })).toEqual(['convoy', 'rebels']);
    expect(await found({ tagAuthor: 'Lena Ortiz' })).toEqual(['council']);
    // Only suggestions carry this name; the trashed article's author is not listed either.
    expect(await found({ tagAuthor: 'suggestions' })).toEqual([]);
    const authors = valueOf<TagAuthor[]>(await dispatchApiCall(services.handlers, 'listTagAuthors', {}));
    expect(authors.map((author) => author.name)).toEqual(['Ana María', 'Lena Ortiz', 'Sam Okafor']);
  });

  it('filters by import date and by update date, both ends included', async () => {
    expect(await found({ importedFrom: '2026-02-05', importedTo: '2026-03-01' })).toEqual(['council', 'convoy']);
    expect(await found({ importedTo: '2026-01-10' })).toEqual(['rebels']);
    await services.handlers.setArticleStatus({ id: library.ids.storm, status: 'in_review' });
    const today = new Date().toISOString().slice(0, 10);
    expect(await found({ updatedFrom: today })).toEqual(['storm']);
    expect(await found({ updatedTo: '2026-03-01' })).toEqual(['council', 'convoy', 'rebels']);
  });

  it('combines filters, each narrowing the rest', async () => {
    expect(await found({ query: 'evacu', status: 'draft' })).toEqual(['storm', 'convoy']);
    expect(await found({ query: 'evacu', tagAuthor: 'Ana María', tagKind: 'attribution' })).toEqual(['convoy']);
    expect(await found({ entityId: library.entityId, tagStatus: 'needs_review', importedFrom: '2026-01-01' })).toEqual(['rebels']);
    expect(await found({ entityId: library.entityId, status: 'draft' })).toEqual([]);
  });

  it('never returns an article in the trash, whatever the filter', async () => {
    for (const selection of [{}, { query: 'Faylaq' }, { entityId: library.entityId }, { tagAuthor: 'Trashed Author' }, { importedFrom: '2026-03-10', importedTo: '2026-03-10' }]) {
      const page = await search({ selection });
      expect(page.articles.map((article) => article.id), JSON.stringify(selection)).not.toContain(library.ids.oldTown);
    }
    expect(valueOf<string[]>(await dispatchApiCall(services.handlers, 'matchingArticleIds', { selection: { status: 'draft' } }))).toEqual([library.ids.storm, library.ids.convoy]);
  });
});

describe('words, phrases and prefixes', () => {
  it('matches a bare word as the start of longer words, and a quoted one exactly', async () => {
    expect((await found({ query: 'evacu' })).sort()).toEqual(['convoy', 'council', 'rebels', 'storm']);
    expect((await found({ query: 'evacuation' })).sort()).toEqual(['council', 'rebels', 'storm']);
    expect((await found({ query: '"evacuated"' })).sort()).toEqual(['convoy']);
    expect(await found({ query: '"evacu"' })).toEqual([]);
  });

  it('matches a phrase only with its words together and in order', async () => {
    expect(await found({ query: '"evacuation budget"' })).toEqual(['council']);
    expect(await found({ query: '"budget evacuation"' })).toEqual([]);
    // Both words, anywhere in the article.
    expect((await found({ query: 'douma evacu' })).sort()).toEqual(['convoy', 'rebels']);
  });

  it('reads a word joined by punctuation as its parts in a row, and ignores case and diacritics', async () => {
    expect(await found({ query: 'al-Rahman' })).toEqual(['rebels']);
    expect(await found({ query: 'DOUMA évacuated' })).toEqual(['convoy']);
  });

  it('treats what was typed as words, never as query syntax', async () => {
    // OR is a word here (the storm article has "ordered"), not FTS5's operator: no article has budget, or… and storm.
    expect(await found({ query: 'budget OR storm' })).toEqual([]);
    expect(await found({ query: 'evacuation OR storm' })).toEqual(['storm']);
    expect(await found({ query: 'NEAR( " * ^ ' })).toEqual([]);
    expect((await search({ selection: { query: '"" * -' } })).total).toBe(4);
  });

  it('finds an article by words saved since the word index was written, before and after it catches up', async () => {
    const stale = () => services.db.prepare('SELECT article_id FROM article_words_stale ORDER BY article_id').pluck().all();
    await search({ selection: { query: 'schools' } });
    expect(stale()).toEqual([]);
    await services.handlers.renameArticle({ id: library.ids.storm, title: 'Flood shuts schools' });
    expect(stale()).toEqual([library.ids.storm]);
    // listArticles reads the selection without re-indexing: the changed article is read by its blocks.
    expect((await services.handlers.listArticles({ query: 'flood' })).map((article) => article.id)).toEqual([library.ids.storm]);
    // The words it lost no longer find it, though the index still holds them.
    expect(await services.handlers.listArticles({ query: 'closes' })).toEqual([]);
    expect(await found({ query: 'flood' })).toEqual(['storm']);
    expect(stale()).toEqual([]);
    expect(await found({ query: '"shuts schools"' })).toEqual(['storm']);
    expect(await found({ query: 'closes' })).toEqual([]);
    // Emptying the trash drops the deleted article's words with it.
    await services.handlers.emptyTrash({});
    expect(services.db.prepare('SELECT count(*) FROM article_words').pluck().get()).toBe(4);
  });

  it('orders a search by relevance and returns excerpts with the matched words marked', async () => {
    const page = await search({ selection: { query: 'evacuation budget' } });
    expect(page.sort).toBe('relevance');
    expect(page.articles.map((article) => article.title)).toEqual(['Council votes on evacuation budget']);
    // The headline is the title shown already: the excerpt comes from the text below it.
    const [paragraph, ...others] = page.articles[0]!.snippets;
    expect(others).toEqual([]);
    expect(paragraph!.segments).toEqual([
      { text: 'The council approved the ', match: false },
      { text: 'evacuation', match: true },
      { text: ' ', match: false },
      { text: 'budget', match: true },
      { text: ' of £2m on Tuesday.', match: false },
    ]);
    expect(paragraph!.segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['evacuation', 'budget']);
    expect(paragraph!.segments.map((segment) => segment.text).join('')).toBe('The council approved the evacuation budget of £2m on Tuesday.');
    expect((await search({ selection: { status: 'done' } })).articles[0]!.snippets).toEqual([]);
  });

  it('marks the words a prefix matched, whole', async () => {
    const page = await search({ selection: { query: 'evacu', status: 'draft' }, sort: 'title' });
    const marked = page.articles.map((article) => article.snippets.flatMap((snippet) => snippet.segments.filter((segment) => segment.match).map((segment) => segment.text)));
    expect(marked).toEqual([['evacuated'], ['evacuation']]);
  });
});

describe('sorting and paging', () => {
  it('sorts by every column, both ways', async () => {
    expect(await found({}, { sort: 'title' })).toEqual(['convoy', 'council', 'rebels', 'storm']);
    expect(await found({}, { sort: 'title', direction: 'desc' })).toEqual(['storm', 'rebels', 'council', 'convoy']);
    expect(await found({}, { sort: 'status' })).toEqual(['storm', 'convoy', 'rebels', 'council']);
    expect(await found({}, { sort: 'imported', direction: 'asc' })).toEqual(['rebels', 'convoy', 'council', 'storm']);
    // The desk's tags: the needs-review figure counts, the waiting suggestion does not.
    expect(await found({}, { sort: 'tags' })).toEqual(['rebels', 'council', 'convoy', 'storm']);
    expect((await found({}, { sort: 'needsReview' }))[0]).toBe('rebels');
    expect((await found({}, { sort: 'suggestions' }))[0]).toBe('convoy');
    expect(await found({}, { sort: 'words', direction: 'asc' })).toEqual(['storm', 'council', 'convoy', 'rebels']);
    await services.handlers.renameArticle({ id: library.ids.convoy, title: 'Aid convoy reaches Douma at last' });
    expect((await found({}, { sort: 'updated' }))[0]).toBe('convoy');
  });

  it('pages through the whole result without repeating an article', async () => {
    const first = await search({ selection: {}, limit: 3 });
    const second = await search({ selection: {}, limit: 3, offset: 3 });
    expect([first.total, second.total]).toEqual([4, 4]);
    expect(first.articles.length + second.articles.length).toBe(4);
    expect(new Set([...first.articles, ...second.articles].map((article) => article.id)).size).toBe(4);
    expect((await search({ selection: {}, offset: 40 })).articles).toEqual([]);
  });

  it('refuses a request out of bounds with a typed error', async () => {
    for (const bad of [{ limit: 0 }, { limit: 201 }, { offset: -1 }, { sort: 'colour' }, { selection: { status: 'lost' } }]) {
      const result = await dispatchApiCall(services.handlers, 'searchArticles', bad, () => undefined);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
    }
  });
});
