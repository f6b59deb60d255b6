import { describe, expect, it } from 'vitest';
import { blockTextsOf, compareBlocks } from '../../../renderer/src/history/revisionCompare';

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

  it('handles empty sides', () => {
    expect(compareBlocks([], ['A'])).toEqual([{ change: 'added', text: 'A' }]);
    expect(compareBlocks(['A'], [])).toEqual([{ change: 'removed', text: 'A' }]);
  });

  it('reads block texts and the count of tag records from a stored document', () => {
    const doc = {
      type: 'doc',
      attrs: { annotations: {} },
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] },
      ],
    };
    expect(blockTextsOf(doc)).toEqual({ blocks: ['First.', 'Second.'], records: 0 });
  });
});
