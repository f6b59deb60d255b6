import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { createArticle } from '../../main/services/articleWriter';
import { storedDocument } from '../../main/services/articleDocument';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore, listAnnotations, type Store } from '../../main/store/index';
import { articleJson, attributionRecord, entityRecord, figureRecord, makeTempDir, type TestBlock } from './storeFixtures';

/**
 * A new article's revision-1 snapshot is the article packed as its rows give it: it must be the very text the
 * store gives for the article (what every later revision is rebuilt from), with its length recorded as the
 * snapshot's size; it must read back as the document stored, and the rows must hold every block and tag.
 */

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
let store: Store;

beforeEach(() => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'created.sqlite'), userName: 'desk editor' });
  store = createStore(services.db);
});
afterEach(() => {
  services.close();
  temp.remove();
});

const now = '2026-11-30T10:00:00.000Z';

// The stored snapshot of revision 1 and the document the store joins from its rows, with the recorded size.
function snapshotAndStored(id: string): { snapshot: string; stored: string; snapshotBytes: number } {
  const snapshot = store.revisions.snapshotAtOrBefore(id, 1);
  expect(snapshot?.revision).toBe(1);
  return { snapshot: snapshot!.docJson, stored: store.articles.find(id)!.packedJson, snapshotBytes: store.articles.snapshotState(id)!.snapshotBytes };
}

describe('a created article', () => {
  it('has a revision-1 snapshot identical to the document read back, with astral and right-to-left text, split quotes and a record without words', () => {
    const records: AnnotationMap = {
      mayor: entityRecord('mayor', 'Anna Berg', 'person'),
      shells: figureRecord('shells', '40 🐚', 40, 'shells'),
      quote: attributionRecord('quote', 'We will rebuild', 'Anna Berg', null),
      // Its words are in no block: it is stored as needing review, and the snapshot must show it so.
      orphan: entityRecord('orphan', 'Nobody', 'person'),
    };
    const blocks: TestBlock[] = [
      { type: 'headline', text: 'Mayor Anna Berg counts 40 🐚 on the shore', tags: [{ id: 'mayor', text: 'Anna Berg' }, { id: 'shells', text: '40 🐚' }] },
      { type: 'paragraph', text: '"We will rebuild," said Berg, "whatever it takes."', tags: [{ id: 'quote', text: 'We will rebuild' }, { id: 'quote', text: 'said', part: 'cue' }] },
      { type: 'paragraph', text: 'وصل الوفد إلى دمشق صباح الأحد "quoted" \\ back\u2028slash' },
      { type: 'subhead', text: 'Tabs\tand "quotes" survive' },
      { type: 'paragraph', text: 'The last paragraph, tagged again: Anna Berg.', tags: [{ id: 'mayor', text: 'Anna Berg' }] },
    ];
    const doc = parseArticleDocument(articleJson(blocks, records));
    const summary = createArticle(store, { doc, source: 'Staff' }, now);

    const { snapshot, stored, snapshotBytes } = snapshotAndStored(summary.id);
    expect(snapshot).toBe(stored);
    expect(snapshotBytes).toBe(stored.length);
    const read = storedDocument(snapshot);
    expect(articleText(read).text).toBe(articleText(doc).text);
    expect(read.toJSON().content).toEqual(doc.toJSON().content);
    const storedRecords = read.attrs.annotations as AnnotationMap;
    expect(Object.keys(storedRecords)).toEqual(['mayor', 'shells', 'quote', 'orphan']);
    expect(storedRecords.orphan!.status).toBe('needs_review');
    expect(storedRecords.mayor!.status).toBe('accepted');
  });

  it('keeps every block and tag of a large article, and its snapshot is the document read back', () => {
    const records: AnnotationMap = {};
    const blocks: TestBlock[] = [{ type: 'headline', text: 'A long record of the harbour' }];
    for (let index = 0; index < 20_000; index++) {
      const id = `person-${index}`;
      const tagged = index % 4 === 0;
      if (tagged) records[id] = entityRecord(id, `Diver ${index}`, 'person');
      blocks.push({ type: 'paragraph', text: `Line ${index}: Diver ${index} found ${index % 7} 🐚 shells.`, tags: tagged ? [{ id, text: `Diver ${index}` }] : [] });
    }
    const doc = parseArticleDocument(articleJson(blocks, records));
    const summary = createArticle(store, { doc, source: 'Staff' }, now);

    const { snapshot, stored, snapshotBytes } = snapshotAndStored(summary.id);
    expect(snapshot).toBe(stored);
    expect(snapshotBytes).toBe(stored.length);
    const read = storedDocument(stored);
    expect(read.childCount).toBe(20_001);
    expect(articleText(read).text).toBe(articleText(doc).text);
    const listed = listAnnotations(store, summary.id);
    expect(listed).toHaveLength(5_000);
    expect(listed.find((annotation) => annotation.id === 'person-19996')?.quote).toBe('Diver 19996');
    expect(summary.tagCounts.entity).toBe(5_000);
    expect(summary.wordCount).toBeGreaterThan(20_000 * 6);
  });
  it('has a snapshot identical to the document read back when it has no tags at all', () => {
    const doc = parseArticleDocument(articleJson([{ type: 'headline', text: 'Quiet day' }, { type: 'paragraph', text: 'Nothing was tagged 🌊.' }]));
    const summary = createArticle(store, { doc, source: '' }, now);
    const { snapshot, stored, snapshotBytes } = snapshotAndStored(summary.id);
    expect(snapshot).toBe(stored);
    expect(snapshotBytes).toBe(stored.length);
    expect(storedDocument(snapshot).toJSON()).toEqual(doc.toJSON());
  });
});
