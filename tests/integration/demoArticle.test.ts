import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import type { ArticleRecord, ArticleSummary, EntityWithCounts } from '../../common/api';
import { articleText, parseArticleDocument, spanText } from '../../common/articleText';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import { makeTempDir, valueOf } from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
let databasePath: string;

beforeEach(() => {
  temp = makeTempDir();
  databasePath = join(temp.dir, 'annotator.sqlite');
});
afterEach(() => temp.remove());

async function withServices<T>(seedDemo: boolean, use: (services: AppServices) => Promise<T>): Promise<T> {
  const services = openServices({ databasePath, seedDemo });
  try {
    return await use(services);
  } finally {
    services.close();
  }
}

async function call<T>(services: AppServices, method: string, input: unknown): Promise<T> {
  return valueOf<T>(await dispatchApiCall(services.handlers, method, input));
}

describe('the demo article', () => {
  it('is created on the first start of an empty database, already tagged and linked to the registry', async () => {
    await withServices(true, async (services) => {
      const [summary, ...others] = await call<ArticleSummary[]>(services, 'listArticles', {});
      expect(others).toEqual([]);
      expect(summary!.title).toBe('Millbrook library to reopen after $2.4 million flood repairs');
      expect(summary!.wordCount).toBeGreaterThanOrEqual(150);
      expect(summary!.wordCount).toBeLessThanOrEqual(250);
      expect(summary!.tagCounts).toEqual({ entity: 9, figure: 7, attribution: 3, needsReview: 0, suggested: 0 });

      const article = await call<ArticleRecord>(services, 'getArticle', { id: summary!.id });
      const doc = parseArticleDocument(article.doc);
      expect(doc.content.content.map((block) => block.type.name)).toEqual(['headline', 'standfirst', 'paragraph', 'paragraph', 'paragraph', 'subhead', 'paragraph', 'paragraph', 'credit']);
      const { text, spans } = articleText(doc);
      const records = (article.doc as { attrs: { annotations: AnnotationMap } }).attrs.annotations;
      const registry = await call<EntityWithCounts[]>(services, 'listEntities', {});
      const registryIds = new Set(registry.map((entity) => entity.id));

      for (const record of Object.values(records)) {
        const recordSpans = spans.get(record.id) ?? [];
        expect(spanText(text, recordSpans), record.id).toBe(record.quote);
        if (record.kind === 'entity') expect(registryIds.has(record.entityId ?? '')).toBe(true);
        if (record.kind === 'attribution') expect(recordSpans.some((span) => span.part === 'cue')).toBe(true);
        if (record.kind === 'figure') expect(record.figure.value).not.toBeNull();
      }
      const attributions = Object.values(records).filter((record) => record.kind === 'attribution');
      const speakers = attributions.map((record) => record.speaker);
      expect(speakers).toContainEqual(expect.objectContaining({ type: 'anonymous', description: 'A council official' }));
      expect(speakers.filter((speaker) => speaker?.type === 'entity' && speaker.name === 'Dana Whitfield')).toHaveLength(2);
      const splitQuote = attributions.find((record) => record.mode === 'direct')!;
      expect(spans.get(splitQuote.id)!.filter((span) => span.part === 'content')).toHaveLength(2);
      const money = Object.values(records).find((record) => record.kind === 'figure' && record.figure.figureKind === 'money');
      expect(money).toMatchObject({ quote: '$2.4 million', figure: { value: { type: 'number', value: 2_400_000 }, currency: 'USD' } });

      // A place nested in an organisation's name.
      const byQuote = (quote: string) => spans.get(Object.values(records).find((record) => record.quote === quote)!.id)![0]!;
      const library = byQuote('Millbrook Public Library');
      const town = byQuote('Millbrook');
      expect(town.start).toBe(library.start);
      expect(town.end).toBeLessThan(library.end);

      const whitfield = registry.find((entity) => entity.name === 'Dana Whitfield')!;
      expect(whitfield).toMatchObject({ type: 'person', aliases: ['Whitfield'], mentionCount: 2, articleCount: 1 });
    });
  });

  it('is created once: not again on the next start, nor after the user deleted it', async () => {
    const demoId = await withServices(true, async (services) => (await call<ArticleSummary[]>(services, 'listArticles', {}))[0]!.id);
    const entityCount = await withServices(true, async (services) => {
      expect((await call<ArticleSummary[]>(services, 'listArticles', {})).map((article) => article.id)).toEqual([demoId]);
      await call(services, 'deleteArticle', { id: demoId });
      return (await call<EntityWithCounts[]>(services, 'listEntities', {})).length;
    });
    await withServices(true, async (services) => {
      expect(await call<ArticleSummary[]>(services, 'listArticles', {})).toEqual([]);
      expect(await call<EntityWithCounts[]>(services, 'listEntities', {})).toHaveLength(entityCount);
    });
  });

  it('is not created when the services are opened without seedDemo (as the CLI opens them)', async () => {
    await withServices(false, async (services) => {
      expect(await call<ArticleSummary[]>(services, 'listArticles', {})).toEqual([]);
      expect(await call<EntityWithCounts[]>(services, 'listEntities', {})).toEqual([]);
    });
  });
});
