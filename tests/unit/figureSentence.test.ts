import { describe, expect, it } from 'vitest';
import { figureSentence } from '../../main/services/figuresChecklistHandlers';

function sentenceOf(blockText: string, words: string) {
  const start = blockText.indexOf(words);
  const sentence = figureSentence({ blockText, start, end: start + words.length });
  return { ...sentence, marked: sentence.text.slice(sentence.start, sentence.end) };
}

describe('a figure in its sentence', () => {
  it('cuts the sentence holding the figure from its block and says where the figure is in it', () => {
    const block = 'The UN spoke first.  About 400,000 civilians are trapped, it said. Talks resume on Friday.';
    expect(sentenceOf(block, '400,000 civilians')).toEqual({ text: 'About 400,000 civilians are trapped, it said.', start: 6, end: 23, marked: '400,000 civilians' });
    expect(sentenceOf(block, 'The UN').marked).toBe('The UN');
  });

  it('cuts a very long sentence around the figure, and marks an ellipsis where it was cut', () => {
    const before = 'word '.repeat(120);
    const block = `${before}then 52 civilians died ${'and more words '.repeat(40)}today.`;
    const sentence = sentenceOf(block, '52 civilians');
    expect(sentence.marked).toBe('52 civilians');
    expect(sentence.text.startsWith('…')).toBe(true);
    expect(sentence.text.endsWith('…')).toBe(true);
    expect(sentence.text.length).toBeLessThanOrEqual(362);
  });
});
