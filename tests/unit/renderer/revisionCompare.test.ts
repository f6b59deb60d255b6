import { describe, expect, it } from 'vitest';
import { blockTextsOf, blockTextsOfEditor, compareBlocks } from '../../../renderer/src/history/revisionCompare';
import { packedDocumentOf } from '../../../common/packedDocument';
import { articleSchema } from '../../../common/schema';

describe('comparing a revision with the current text', () => {
  it('shows a changed block as removed then added, and keeps unchanged ones in order', () => {
    expect(compareBlocks(['Head', 'One.', 'Two.', 'Three.'], ['Head', 'One!', 'Two.', 'Four.', 'Three.'])).toEqual([
      { change: 'same', text: 'Head' },
      { change: 'removed', text: 'One.' },
      { change: 'added', text: 'One!' },
      { change: 'same', text: 'Two.' },
      { change: 'added', text: 'Four.' },
      { change: 'same', text: 'Three.' },
    ]);
  });

  it('aligns a few edits in an article too long to table whole: one paragraph inserted and one changed among 5,000', () => {
    const revision = Array.from({ length: 5_000 }, (_, index) => `Paragraph ${index}.`);
    const current = [...revision];
    current.splice(10, 0, 'A new paragraph.');
    current[4_000] = 'Paragraph 3999, edited.';
    const compared = compareBlocks(revision, current);
    expect(compared.filter((block) => block.change !== 'same')).toEqual([
      { change: 'added', text: 'A new paragraph.' },
      { change: 'removed', text: 'Paragraph 3999.' },
      { change: 'added', text: 'Paragraph 3999, edited.' },
    ]);
    expect(compared.filter((block) => block.change === 'same')).toHaveLength(4_999);
  });

  it('lists revisions too far apart to align position by position', () => {
    const revision = Array.from({ length: 3_000 }, (_, index) => `Old ${index}.`);
    const current = [...Array.from({ length: 2_999 }, (_, index) => `New ${index}.`), 'Old 2999.'];
    const compared = compareBlocks(revision, current);
    expect(compared.slice(0, 2)).toEqual([
      { change: 'removed', text: 'Old 0.' },
      { change: 'added', text: 'New 0.' },
    ]);
    expect(compared.at(-1)).toEqual({ change: 'same', text: 'Old 2999.' });
    expect(compared).toHaveLength(2 * 2_999 + 1);
  });

  it('handles empty sides', () => {
    expect(compareBlocks([], ['A'])).toEqual([{ change: 'added', text: 'A' }]);
    expect(compareBlocks(['A'], [])).toEqual([{ change: 'removed', text: 'A' }]);
  });

  it('reads block texts and the count of tag records from a stored revision and from the editor alike', () => {
    const doc = articleSchema.nodeFromJSON({
      type: 'doc',
      attrs: { annotations: { one: {}, two: {} } },
      content: [
        { type: 'headline', content: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'First ' }, { type: 'text', text: 'tagged', marks: [{ type: 'annotation', attrs: { id: 'one', kind: 'entity', label: 'person' } }] }, { type: 'text', text: '.' }] },
        { type: 'paragraph' },
      ],
    });
    const expected = { blocks: ['Title', 'First tagged.', ''], records: 2 };
    expect(blockTextsOf(packedDocumentOf(doc))).toEqual(expected);
    expect(blockTextsOfEditor(doc, 2)).toEqual(expected);
  });
});
