import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Annotation, AnnotationMap, AttributionAnnotation, EntityAnnotation, FigureAnnotation, VerificationStatus } from '../../common/model/annotation';
import { proposedFigureFields } from '../../common/model/figureReader';
import { articleSchema } from '../../common/schema';
import { createArticle } from '../../main/services/articleWriter';
import { taggedBlock, type BlockTag } from '../../main/services/taggedBlock';
import type { Store } from '../../main/store/index';

/**
 * A desk-sized library for the figures checklist: articles of about 800 words in 16 paragraphs, each with 30 tags
 * (10 figures, 14 entity mentions, 6 attributions) in sentences such as a wire story has them. One article in
 * ten gives a part larger than its whole, one in ten gives the same quantity two values, one in twenty a
 * percentage over 100; a third of the figures are already verified and a few disputed, so every filter has work.
 * Deterministic: article n is always the same.
 */

const towns = ['Douma', 'Harasta', 'Arbin', 'Zamalka', 'Kafr Batna', 'Saqba', 'Hamouria', 'Jisreen'];
const people = ['Amal Haddad', 'Jonas Berg', 'Mira Sato', 'Omar Khalil', 'Lena Ortiz', 'Yusuf Demir'];
const agencies = ['Northern Relief Agency', 'Valley Clinic', 'Civil Defence', 'Council of Elders'];
const filler =
  'Residents described long nights in basements as shelling continued along the main road, and aid workers said the convoy waited for permission at the checkpoint while officials argued over the route and the lists of names.';

const stamp = { author: 'bench', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', note: '' };

function verificationOf(n: number): VerificationStatus {
  return n % 3 === 0 ? 'verified' : n % 17 === 0 ? 'disputed' : 'unchecked';
}

/** The document of article `n`, and how many of its figures the generator meant to be flagged. */
export function figuresArticle(n: number): ProseMirrorNode {
  const records: AnnotationMap = {};
  const blocks: ProseMirrorNode[] = [];
  let tagCount = 0;
  const figure = (words: string): BlockTag => {
    const id = `f${tagCount++}`;
    const fields = proposedFigureFields(words);
    const verification = verificationOf(n + tagCount);
    const record: FigureAnnotation = { ...stamp, id, kind: 'figure', status: 'accepted', quote: words, figure: { ...fields, verification, sourceNote: verification === 'unchecked' ? '' : 'Bench source' } };
    records[id] = record;
    return { id, text: words };
  };
  const entity = (words: string, type: 'person' | 'organisation' | 'place'): BlockTag => {
    const id = `e${tagCount++}`;
    const record: EntityAnnotation = { ...stamp, id, kind: 'entity', status: 'accepted', quote: words, entityType: type, entityId: null };
    records[id] = record;
    return { id, text: words };
  };
  const attribution = (words: string, speaker: string): BlockTag => {
    const id = `a${tagCount++}`;
    const record: AttributionAnnotation = {
      ...stamp,
      id,
      kind: 'attribution',
      status: 'accepted',
      quote: words,
      mode: 'indirect',
      speaker: { type: 'entity', entityId: null, name: speaker, mentionId: null },
      medium: '',
      mediumEntityId: null,
    };
    records[id] = record;
    return { id, text: words };
  };
  const paragraph = (text: string, tags: BlockTag[]) => blocks.push(taggedBlock('paragraph', text, tags, records));
  const town = towns[n % towns.length]!;
  const person = people[n % people.length]!;
  const agency = agencies[n % agencies.length]!;
  const whole = 40 + (n % 50);
  const part = n % 10 === 3 ? whole + 12 : Math.floor(whole / 2);
  const trapped = 300 + (n % 200);
  const trappedAgain = n % 10 === 7 ? trapped - 50 : trapped;
  const percent = n % 20 === 11 ? 120 : 40 + (n % 50);

  blocks.push(taggedBlock('headline', `Shelling in ${town} kills ${whole} as aid waits (${n})`, [], records));
  const killed = `${whole} civilians`;
  const children = `${part} children`;
  paragraph(`At least ${killed}, including ${children}, were killed in ${town} on Wednesday, ${person} said. ${filler}`, [figure(killed), figure(children), entity(town, 'place'), entity(person, 'person'), attribution(`were killed in ${town} on Wednesday`, person)]);
  paragraph(`About ${trapped},000 people remain trapped in the enclave, according to ${agency}. ${filler}`, [figure(`${trapped},000 people`), entity(agency, 'organisation'), attribution(`remain trapped in the enclave`, agency)]);
  paragraph(`The agency has spent $${(n % 9) + 1}.5 million on food since March 2017, ${person} told reporters. ${filler}`, [figure(`$${(n % 9) + 1}.5 million`), figure('March 2017'), entity(person, 'person'), attribution('has spent', person)]);
  paragraph(`${filler} ${town} has been under siege for ${3 + (n % 9)} weeks.`, [figure(`${3 + (n % 9)} weeks`), entity(town, 'place')]);
  paragraph(`Turnout in the local vote was ${percent} percent, ${agency} said. ${filler}`, [figure(`${percent} percent`), entity(agency, 'organisation'), attribution('Turnout in the local vote', agency)]);
  paragraph(`${filler} Some ${trappedAgain},000 people are still in ${town}.`, [figure(`${trappedAgain},000 people`), entity(town, 'place')]);
  paragraph(`${person} said ${12 + (n % 30)} trucks crossed on Friday. ${filler}`, [entity(person, 'person'), figure(`${12 + (n % 30)} trucks`), attribution('trucks crossed on Friday', person)]);
  paragraph(`${filler} The talks with ${agency} resumed on 7 March.`, [entity(agency, 'organisation')]);
  paragraph(`${filler} ${person} visited ${town} again.`, [entity(person, 'person'), entity(town, 'place')]);
  paragraph(`${filler} A second convoy of ${20 + (n % 15)} lorries is due, ${agency} said.`, [figure(`${20 + (n % 15)} lorries`), entity(agency, 'organisation'), attribution('A second convoy', agency)]);
  paragraph(`${filler} ${town} council met in the evening.`, [entity(town, 'place')]);
  paragraph(`${filler} ${agency} sent doctors.`, [entity(agency, 'organisation')]);
  for (let filled = blocks.length; filled < 20; filled++) paragraph(filler, []);
  if (Object.values(records).length !== 30) throw new Error(`Article ${n} has ${Object.values(records).length} tags, not 30.`);
  return articleSchema.node('doc', { annotations: records as Record<string, Annotation> }, blocks);
}

/** Writes `count` generated articles into `store`, 500 to a transaction, with import dates a day apart. */
export function fillFiguresLibrary(store: Store, count: number, log: (line: string) => void = () => {}): void {
  const day = 24 * 3600 * 1000;
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  for (let from = 0; from < count; from += 500) {
    store.transaction(() => {
      for (let n = from; n < Math.min(count, from + 500); n++) {
        createArticle(store, { doc: figuresArticle(n), source: 'figures bench' }, new Date(start + (n % 365) * day + n * 1000).toISOString());
      }
    });
    log(`${Math.min(count, from + 500)} articles`);
  }
}
