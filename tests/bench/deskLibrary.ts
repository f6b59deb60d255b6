import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema } from '../../common/schema';
import { emptyFigureFields, type Annotation, type AnnotationMap, type AnnotationStatus, type AttributionMode, type VerificationStatus } from '../../common/model/annotation';
import { taggedInlineContent, type TextSpanMark } from '../../common/model/taggedText';
import { openServices } from '../../main/services/index';
import { createArticle } from '../../main/services/articleWriter';
import { createStore } from '../../main/store/index';
import type { EntityType } from '../../common/model/annotation';

/** The shape of a generated desk: the bench is 10,000 articles of 800 words, 30 tags each, 20,000 entities. */
export interface DeskLibraryShape {
  articles: number;
  entities: number;
  wordsPerArticle: number;
  tagsPerArticle: number;
  // Articles that mention the first entity once each: "an entity page for an entity with 2,000 mentions".
  hubMentions: number;
}

export const benchDeskShape: DeskLibraryShape = { articles: 10_000, entities: 20_000, wordsPerArticle: 800, tagsPerArticle: 30, hubMentions: 2_000 };

/** What the bench needs to know about a generated desk. */
export interface DeskLibrary {
  databasePath: string;
  hubEntityId: string;
  hubEntityName: string;
  // A word that occurs in about one article in a hundred, for a text search with a small result.
  rareWord: string;
}

// Deterministic, so every run measures the same library.
function randomSource(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = 'ba ka ri mo sa le tu na vi do ha mi ro ze fa lu ne ti go ra'.split(' ');
const filler = (
  'the forces opposition negotiators committee delegation reported on town province agreement talks militants ' +
  'evacuation corridor statement observers ministry officials convoy ceasefire humanitarian aid residents district ' +
  'council monitor shelling route deal water supplies hospital border crossing night morning week'
).split(' ');
const units = ['civilians', 'children', 'fighters', 'families', 'buses', 'people'];
const media = ['AFP', 'Reuters', 'AP', 'SANA', 'Interfax', '', '', ''];
const anonymity = ['not authorised to speak publicly', 'fear of reprisals', 'sensitive negotiations', ''];
const sourceRoles = ['official', 'spokesperson', 'expert', 'witness', 'civilian', 'agency', undefined];
const genders = ['woman', 'man', 'non-binary', 'woman', 'man'];
const authors = ['Ana Ruiz', 'Ben Okafor', 'Chen Li', 'Dana Kos', 'Eli Noor'];
const modes: AttributionMode[] = ['direct', 'direct', 'indirect', 'partial'];
const entityTypesCycle: EntityType[] = ['person', 'person', 'person', 'person', 'organisation', 'organisation', 'organisation', 'place', 'place', 'event'];

function nameOf(index: number, random: () => number): string {
  const word = () => {
    const parts = 2 + Math.floor(random() * 2);
    let text = '';
    for (let i = 0; i < parts; i++) text += syllables[Math.floor(random() * syllables.length)];
    return text[0]!.toUpperCase() + text.slice(1);
  };
  // The index keeps names unique across 20,000 entities.
  return `${word()} ${word()}${index.toString(36)}`;
}

/**
 * Builds (or reuses, from the temp directory) a desk of `shape`: entities and articles through the store's own
 * insert and create paths (blocks, spans, annotation rows, revision 1), so every table is as the app fills it.
 */
export async function deskLibrary(shape: DeskLibraryShape = benchDeskShape, log: (line: string) => void = () => {}): Promise<DeskLibrary> {
  const dir = join(tmpdir(), 'annotator-desk-bench');
  mkdirSync(dir, { recursive: true });
  const key = `v3-${shape.articles}-${shape.entities}-${shape.wordsPerArticle}-${shape.tagsPerArticle}-${shape.hubMentions}`;
  const databasePath = join(dir, `${key}.sqlite`);
  const random = randomSource(42);
  const names = Array.from({ length: shape.entities }, (_, index) => nameOf(index, random));
  const result = { databasePath, hubEntityName: names[0]!, rareWord: 'zebrafinch' };
  if (existsSync(databasePath)) {
    const services = openServices({ databasePath, userName: 'bench' });
    try {
      const hub = (await services.handlers.listEntities({ query: names[0]!, limit: 1 }))[0];
      if (hub) return { ...result, hubEntityId: hub.id };
    } finally {
      services.close();
    }
  }
  const building = `${databasePath}.building`;
  rmSync(building, { force: true });
  const services = openServices({ databasePath: building, userName: 'bench' });
  const store = createStore(services.db);
  const started = performance.now();
  const entityIds: string[] = [];
  const entityTypes: EntityType[] = [];
  services.db.transaction(() => {
    for (let index = 0; index < shape.entities; index++) {
      const type = index === 0 ? 'organisation' : entityTypesCycle[index % entityTypesCycle.length]!;
      const aliases = index % 10 === 0 ? [`${names[index]!.split(' ')[1]} group`] : [];
      const id = `ent_bench_${index}`;
      // Source roles on most people and organisations, and a self-described gender on some people, as a desk records them.
      const sourceRole = type === 'person' || type === 'organisation' ? (sourceRoles[index % sourceRoles.length] ?? null) : null;
      const selfDescribedGender = type === 'person' && index % 3 === 0 ? genders[index % genders.length]! : '';
      store.entities.insert({ id, name: names[index]!, type, aliases, externalIds: {}, description: '', sourceRole, selfDescribedGender, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
      entityIds.push(id);
      entityTypes.push(type);
    }
  })();
  log(`  ${shape.entities.toLocaleString('en')} entities in ${Math.round(performance.now() - started)} ms`);
  const persons = entityIds.flatMap((id, index) => (entityTypes[index] === 'person' ? [index] : [])).slice(0, 2_000);
  const hubEvery = shape.articles / shape.hubMentions;
  const day = 86_400_000;
  const firstDay = Date.parse('2025-01-01T08:00:00Z');
  const batch = 250;
  for (let first = 0; first < shape.articles; first += batch) {
    services.db.transaction(() => {
      for (let articleIndex = first; articleIndex < Math.min(shape.articles, first + batch); articleIndex++) {
        const createdAt = new Date(firstDay + Math.floor((articleIndex / shape.articles) * 700) * day + (articleIndex % 600) * 1000).toISOString();
        const records: AnnotationMap = {};
        const paragraphs: ProseMirrorNode[] = [];
        const sentencesPerParagraph = 3;
        const wordsPerSentence = 16;
        const sentenceCount = Math.ceil(shape.wordsPerArticle / wordsPerSentence);
        let tagged = 0;
        const author = authors[articleIndex % authors.length]!;
        const statusOf = (): AnnotationStatus => {
          const pick = random();
          return pick < 0.05 ? 'needs_review' : pick < 0.15 ? 'suggested' : 'accepted';
        };
        const base = (id: string, quote: string) => ({ id, status: statusOf(), author, createdAt, updatedAt: createdAt, note: '', quote });
        let text = '';
        let spans: TextSpanMark[] = [];
        const flush = () => {
          paragraphs.push(articleSchema.node('paragraph', null, taggedInlineContent(text, spans, records)));
          text = '';
          spans = [];
        };
        for (let sentence = 0; sentence < sentenceCount; sentence++) {
          const sentenceStart = text.length + (text ? 1 : 0);
          if (text) text += ' ';
          const tagsLeft = shape.tagsPerArticle - tagged;
          const sentencesLeft = sentenceCount - sentence;
          const tagsHere = Math.ceil(tagsLeft / sentencesLeft);
          const words: string[] = [];
          for (let w = 0; w < wordsPerSentence; w++) words.push(filler[Math.floor(random() * filler.length)]!);
          if (articleIndex % 97 === 0 && sentence === 2) words[5] = result.rareWord;
          let sentenceText = words.join(' ');
          sentenceText = sentenceText[0]!.toUpperCase() + sentenceText.slice(1);
          const pieces: { text: string; record?: Annotation }[] = [{ text: sentenceText }];
          for (let t = 0; t < tagsHere; t++) {
            const id = `ann_${articleIndex}_${tagged++}`;
            const pick = tagged % 5;
            if (pick === 1 && sentence % 3 === 1) {
              // An attribution: a quote spanning the sentence so far, with a speaker and a cue-less mode.
              const anonymous = random() < 0.3;
              const speakerIndex = persons[Math.floor(random() ** 2 * persons.length)]!;
              records[id] = {
                ...base(id, ''),
                kind: 'attribution',
                mode: modes[Math.floor(random() * modes.length)]!,
                speaker: anonymous
                  ? { type: 'anonymous', description: random() < 0.5 ? 'a senior official' : 'a resident', anonymityReason: anonymity[Math.floor(random() * anonymity.length)]! }
                  : { type: 'entity', entityId: entityIds[speakerIndex]!, name: names[speakerIndex]!, mentionId: null },
                medium: media[Math.floor(random() * media.length)]!,
                mediumEntityId: null,
              };
              pieces[0] = { ...pieces[0]!, record: records[id] };
            } else if (pick === 2 || pick === 4) {
              const unit = units[Math.floor(random() * units.length)]!;
              const value = Math.floor(random() * 100_000);
              const verification: VerificationStatus = random() < 0.6 ? 'unchecked' : random() < 0.75 ? 'verified' : 'disputed';
              const words = `${value.toLocaleString('en')} ${unit}`;
              records[id] = { ...base(id, words), kind: 'figure', figure: { ...emptyFigureFields(), figureKind: 'count', value: { type: 'number', value }, unit, verification } };
              pieces.push({ text: ` with ${words}`, record: records[id] }, { text: '' });
            } else {
              const isHub = t === 0 && sentence === 0 && articleIndex % hubEvery < 1;
              const entityIndex = isHub ? 0 : 1 + Math.floor(random() ** 3 * (shape.entities - 1));
              const name = names[entityIndex]!;
              // The hub's mentions are all the desk's own tags, so its page has exactly `hubMentions` of them.
              records[id] = { ...base(id, name), ...(isHub ? { status: 'accepted' as const } : {}), kind: 'entity', entityType: entityTypes[entityIndex]!, entityId: entityIds[entityIndex]! };
              pieces.push({ text: ' and ' }, { text: name, record: records[id] });
            }
          }
          let offset = sentenceStart;
          let whole = '';
          for (const piece of pieces) {
            const start = offset + (piece.text.startsWith(' with ') ? 6 : 0);
            if (piece.record && piece.record.kind !== 'attribution') spans.push({ start, end: offset + piece.text.length, annotationId: piece.record.id });
            whole += piece.text;
            offset += piece.text.length;
          }
          whole += '.';
          const attribution = pieces[0]!.record;
          if (attribution) spans.push({ start: sentenceStart, end: sentenceStart + whole.length, annotationId: attribution.id });
          text += whole;
          if (sentence % sentencesPerParagraph === sentencesPerParagraph - 1) flush();
        }
        if (text) flush();
        const headline = articleSchema.node('headline', null, [articleSchema.text(`Desk story ${articleIndex + 1}: ${names[articleIndex % 500]} and the ${filler[articleIndex % filler.length]}`)]);
        const doc = articleSchema.node('doc', { annotations: records }, [headline, ...paragraphs]);
        createArticle(store, { doc, source: 'Desk bench', kept: { createdAt, updatedAt: createdAt, status: (['draft', 'in_review', 'done'] as const)[articleIndex % 3] } }, createdAt);
      }
    })();
    if ((first / batch) % 8 === 0) log(`  ${Math.min(shape.articles, first + batch).toLocaleString('en')} articles after ${Math.round((performance.now() - started) / 1000)} s`);
  }
  services.close();
  renameSync(building, databasePath);
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  return { ...result, hubEntityId: entityIds[0]! };
}
