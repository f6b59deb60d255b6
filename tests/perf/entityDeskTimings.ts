import { hotEntityId, openEntityDesk } from './entityDeskScale';

/**
 * Times the entity page's and the review queue's service calls on the scale desk (tests/perf/entityDeskScale.ts):
 * `npx tsx tests/perf/entityDeskTimings.ts [database path] [articles]`. Medians of 5 runs after one warm-up.
 */
const databasePath = process.argv[2] ?? '/tmp/entity-desk-10k.sqlite';
const services = openEntityDesk(databasePath, Number(process.argv[3] ?? 10_000));
const { handlers } = services;

async function median(name: string, work: () => unknown): Promise<void> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${times[2]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[4]!.toFixed(1)})`);
}

const page = await handlers.getEntityPage({ id: hotEntityId });
console.log(`hot entity: ${page.mentions} mentions in ${page.mentionArticles} articles, ${page.quotes} quotes, ${page.coMentionedTotal} co-mentioned, ${page.timeline.buckets.length} ${page.timeline.unit} bars`);
const queue = await handlers.listReviewQueue({ selection: {}, show: 'both', offset: 0, limit: 100 });
console.log(`queue: ${queue.total} items (${queue.needsReview} needing review, ${queue.suggested} suggestions) in ${queue.articles} articles`);
await median('getEntityPage (2,000 mentions)', () => handlers.getEntityPage({ id: hotEntityId }));
await median('listEntityMentions first page of 50', () => handlers.listEntityMentions({ id: hotEntityId, offset: 0, limit: 50 }));
await median('listEntityMentions last page of 50', () => handlers.listEntityMentions({ id: hotEntityId, offset: 1950, limit: 50 }));
await median('listEntityQuotes first page of 50', () => handlers.listEntityQuotes({ id: hotEntityId, offset: 0, limit: 50 }));
await median('listReviewQueue first page of 100', () => handlers.listReviewQueue({ selection: {}, show: 'both', offset: 0, limit: 100 }));
await median('listReviewQueue page 300 of 100', () => handlers.listReviewQueue({ selection: {}, show: 'both', offset: 30_000, limit: 100 }));
await median('listReviewQueue suggested figures (10,000)', () => handlers.listReviewQueue({ selection: {}, show: 'suggested', kind: 'figure', offset: 0, limit: 100 }));
await median('listReviewQueue selection "convoy" + status', () => handlers.listReviewQueue({ selection: { query: 'convoy', status: 'draft' }, show: 'both', offset: 0, limit: 100 }));
services.close();
