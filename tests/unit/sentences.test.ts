import { describe, expect, it } from 'vitest';
import { sentenceAround, sentenceStarts } from '../../common/sentences';

function sentenceOf(text: string, words: string): string {
  const start = text.indexOf(words);
  return sentenceAround(text, sentenceStarts(text), start, start + words.length);
}

describe('sentenceAround', () => {
  it('ends sentences at . ! ? before a space or line break, closing quotes included, and at block breaks', () => {
    const text = 'Headline without a stop\n\nIt began. "Go!"  she said. Why? Because.\nNext line here';
    expect(sentenceOf(text, 'Headline')).toBe('Headline without a stop');
    expect(sentenceOf(text, 'began')).toBe('It began.');
    expect(sentenceOf(text, 'she')).toBe('"Go!"  she said.');
    expect(sentenceOf(text, 'Why')).toBe('Why?');
    expect(sentenceOf(text, 'Next')).toBe('Next line here');
  });

  it('keeps a decimal point or an address inside its sentence', () => {
    const text = 'Prices rose 2.5 percent at example.com today. Then fell.';
    expect(sentenceOf(text, '2.5')).toBe('Prices rose 2.5 percent at example.com today.');
  });

  it('joins the sentences a range crosses, and gives nothing for a range outside the text', () => {
    const text = 'Troops of the U.S. Army arrived. Calm followed.';
    expect(sentenceOf(text, 'U.S. Army')).toBe('Troops of the U.S. Army arrived.');
    expect(sentenceAround(text, sentenceStarts(text), -1, -1)).toBe('');
    expect(sentenceAround(text, sentenceStarts(text), text.length + 3, text.length + 5)).toBe('');
    expect(sentenceAround('', sentenceStarts(''), 0, 0)).toBe('');
  });
});
