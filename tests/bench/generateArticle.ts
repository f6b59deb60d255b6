import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema } from '../../common/schema';
import { emptyFigureFields, highlightLabel, type Annotation, type AnnotationMap } from '../../common/model/annotation';

const vocabulary = (
  'the regime forces opposition negotiators committee delegation reported on town province agreement ' +
  'talks civilians militants evacuation corridor statement observers said ministry officials spokesman ' +
  'convoy ceasefire humanitarian aid residents district council agency monitor shelling route deal'
).split(' ');
const names = ['Amal Haddad', 'Jonas Berg', 'Mira Sato', 'Council of Elders', 'Northern Relief Agency', 'Port Sefton', 'Valley Clinic'];

/** A long synthetic article: `words` words in 50-word paragraphs, with `annotations` tags spread evenly. */
export function generateArticle(words: number, annotations: number): ProseMirrorNode {
  const schema = articleSchema;
  const records: AnnotationMap = {};
  const paragraphs: ProseMirrorNode[] = [];
  const wordsPerParagraph = 50;
  const tagEvery = annotations > 0 ? Math.max(1, Math.floor(words / annotations)) : Infinity;
  let wordIndex = 0;
  let tagged = 0;
  const now = '2026-01-01T00:00:00.000Z';
  while (wordIndex < words) {
    const nodes: ProseMirrorNode[] = [];
    let attribution: Mark | null = null;
    for (let i = 0; i < wordsPerParagraph && wordIndex < words; i++, wordIndex++) {
      // Every 1000th word (offset 505, never tagged) is a unique marker the benchmark can find and select.
      let word = wordIndex % 1000 === 505 ? `marker${wordIndex}` : vocabulary[(wordIndex * 7 + i) % vocabulary.length]!;
      let marks: Mark[] = attribution ? [attribution] : [];
      if (tagged < annotations && wordIndex % tagEvery === 0) {
        const id = `ann_${tagged}`;
        const kindPick = tagged % 10;
        let record: Annotation;
        if (kindPick < 6 || (kindPick >= 8 && attribution)) {
          word = names[tagged % names.length]!;
          record = { id, kind: 'entity', entityType: (['person', 'organisation', 'place'] as const)[tagged % 3]!, entityId: null, status: 'accepted', author: 'bench', createdAt: now, updatedAt: now, note: '', quote: word };
        } else if (kindPick < 8) {
          word = String(100 + tagged);
          record = { id, kind: 'figure', figure: { ...emptyFigureFields(), figureKind: 'count', value: { type: 'number', value: 100 + tagged } }, status: 'accepted', author: 'bench', createdAt: now, updatedAt: now, note: '', quote: word };
        } else {
          // Attributions cover the rest of the paragraph, so tags nest inside them.
          record = { id, kind: 'attribution', mode: 'indirect', speaker: null, medium: '', mediumEntityId: null, status: 'accepted', author: 'bench', createdAt: now, updatedAt: now, note: '', quote: '' };
        }
        records[id] = record;
        tagged++;
        const mark = schema.marks.annotation!.create({ id, kind: record.kind, label: highlightLabel(record), part: 'content' });
        if (record.kind === 'attribution') {
          attribution = mark;
          marks = [mark];
        } else {
          marks = [...marks, mark];
        }
      }
      nodes.push(schema.text(i === 0 ? word : ` ${word}`, marks));
      // A two-word name counts as two words of the article.
      wordIndex += word.split(' ').length - 1;
    }
    paragraphs.push(schema.node('paragraph', null, nodes));
  }
  const headline = schema.node('headline', null, [schema.text(`Benchmark article: ${words.toLocaleString('en')} words, ${annotations.toLocaleString('en')} tags`)]);
  return schema.node('doc', { annotations: records }, [headline, ...paragraphs]);
}
