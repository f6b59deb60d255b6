import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCue, isReportingVerb, quoteMode, type ContentSpan } from '../../common/model/quoteCues';
import { quoteVerbs } from '../../common/model/quoteVerbs';

// Third-party text: read from the shared folder, never copied into the project.
const sample = readFileSync(new URL('../../../shared/samples/ghouta-evacuation.txt', import.meta.url), 'utf8');

/** The span of `part` in `text`, the first time it occurs after `from`. */
function spanOf(text: string, part: string, from = 0): ContentSpan {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { start, end: start + part.length };
}

function cueText(text: string, content: ContentSpan | ContentSpan[]): string | undefined {
  return findCue(text, content).cue?.text;
}

describe('findCue on the sample article', () => {
  // Every passage in straight double quotes, found by pattern rather than copied here.
  const quoted = [...sample.matchAll(/"[^"\n]+"/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));

  it('proposes a cue and a mode for every quotation', () => {
    expect(quoted).toHaveLength(10);
    const proposals = quoted.map((span) => findCue(sample, span));
    expect(proposals.map((proposal) => [proposal.mode, proposal.cue?.text])).toEqual([
      ['direct', 'said'],
      ['direct', 'added'],
      ['direct', 'said'],
      ['direct', 'said'],
      // A fragment that the sentence carries on from: partial, cue after it.
      ['partial', 'added'],
      ['direct', 'told Interfax'],
      ['direct', 'said'],
      // Fragments inside indirect speech: the speaker's "said" before them, not the medium's "according to".
      ['partial', 'said'],
      ['partial', 'said'],
      ['partial', 'said'],
    ]);
    for (const { cue } of proposals) expect(sample.slice(cue!.start, cue!.end)).toBe(cue!.text);
  });

  it('gives the same proposal when the selection leaves the quotation marks out', () => {
    for (const span of quoted) {
      const inner = { start: span.start + 1, end: span.end - 1 };
      expect(findCue(sample, inner)).toEqual(findCue(sample, span));
    }
  });

  it('finds "told AFP" after indirect speech with an anonymous source', () => {
    const paragraphs = sample.split('\n\n');
    const withAfp = paragraphs.filter((paragraph) => /told AFP/.test(paragraph));
    expect(withAfp.length).toBeGreaterThanOrEqual(2);
    for (const paragraph of withAfp) {
      const offset = sample.indexOf(paragraph);
      const sentenceEnd = paragraph.lastIndexOf(', a ');
      const content = { start: offset, end: offset + sentenceEnd };
      expect(findCue(sample, content)).toMatchObject({ mode: 'indirect', cue: { text: 'told AFP' } });
    }
  });
});

describe('findCue: cues', () => {
  it('finds a reporting verb after a direct quote', () => {
    const text = '“We will not leave our homes,” the mayor said on Sunday.';
    expect(findCue(text, spanOf(text, 'We will not leave our homes,'))).toEqual({
      mode: 'direct',
      cue: { start: text.indexOf('said'), end: text.indexOf('said') + 4, text: 'said' },
    });
  });

  it('finds a reporting verb before indirect speech', () => {
    const text = 'The ministry said on Monday that the border would stay closed. Officials added nothing.';
    expect(findCue(text, spanOf(text, 'the border would stay closed'))).toMatchObject({ mode: 'indirect', cue: { text: 'said' } });
  });

  it('finds "according to" before or after', () => {
    const before = 'According to the UN, 400,000 civilians are trapped.';
    expect(cueText(before, spanOf(before, '400,000 civilians are trapped'))).toBe('According to');
    const after = 'The town fell on Friday, according to state media.';
    expect(cueText(after, spanOf(after, 'The town fell on Friday'))).toBe('according to');
  });

  it('searches between the parts of a split quote first', () => {
    const text = '“We are ready,” he added, “to talk to anyone.” The minister later said more.';
    const parts = [spanOf(text, 'We are ready,'), spanOf(text, 'to talk to anyone.')];
    expect(findCue(text, parts)).toMatchObject({ mode: 'direct', cue: { text: 'added' } });
    expect(findCue(text, [...parts].reverse())).toMatchObject({ mode: 'direct', cue: { text: 'added' } });
  });

  it('takes the addressee of "told" into the cue', () => {
    const cases: [string, string][] = [
      ['The talks have failed, a negotiator told AFP.', 'told AFP'],
      ['The talks have failed, a negotiator told The Associated Press on Sunday.', 'told The Associated Press'],
      ['The talks have failed, a negotiator told Reuters Sunday.', 'told Reuters'],
      ['The talks have failed, a negotiator told reporters.', 'told reporters'],
      ['The talks have failed, a negotiator told his colleagues.', 'told'],
    ];
    for (const [text, cue] of cases) expect(cueText(text, spanOf(text, 'The talks have failed')), text).toBe(cue);
  });

  it('skips capitalised words in mid-sentence that are names or nouns', () => {
    const text = 'The talks, Edward Said wrote, have failed in the United States.';
    expect(cueText(text, spanOf(text, 'have failed'))).toBe('wrote');
    const capitalStart = '“It is over,” Said Hamid, the commander, said.';
    expect(cueText(capitalStart, spanOf(capitalStart, 'It is over,'))).toBe('said');
  });

  it('stays in the sentence and the paragraph of the content', () => {
    const text = 'The minister said nothing. The border stays closed.\n\nOfficials said so.';
    expect(cueText(text, spanOf(text, 'The border stays closed'))).toBeUndefined();
    const abbreviation = 'Maj. Gen. Smith said the border stays closed.';
    expect(cueText(abbreviation, spanOf(abbreviation, 'the border stays closed'))).toBe('said');
  });

  it('never takes a verb from the sentence after the quote', () => {
    const cases: [string, string][] = [
      ['“We will fight.” He claimed victory later.', '“We will fight.”'],
      ['"We will fight." The minister claimed victory.', '"We will fight."'],
      ['“We will fight.” The study describes the siege.', 'We will fight.'],
      ['The army will fight on. Analysts warned of losses.', 'The army will fight on.'],
      ['The army will fight on. Analysts warned of losses.', 'The army will fight on'],
    ];
    for (const [text, content] of cases) expect(findCue(text, spanOf(text, content)).cue, text).toBeNull();
    // The same words inside the quote's own sentence are its cue.
    const own = '“We will fight!” he claimed. Analysts described the mood.';
    expect(cueText(own, spanOf(own, '“We will fight!”'))).toBe('claimed');
  });

  it('never takes a verb from the sentence before, unless that sentence introduces the quote with a colon', () => {
    const before = 'Officials said little. “We will fight.”';
    expect(cueText(before, spanOf(before, '“We will fight.”'))).toBeUndefined();
    const introduced = 'The commander said:\n\n“We will fight. We will win.”';
    expect(cueText(introduced, spanOf(introduced, '“We will fight. We will win.”'))).toBe('said');
    // A colon introduces only a quote that starts the next sentence.
    const midSentence = 'The commander said:\n\nAfter a pause, “we will fight”.';
    expect(cueText(midSentence, spanOf(midSentence, 'we will fight'))).toBeUndefined();
  });

  it('keeps an abbreviation from ending the sentence that holds the cue', () => {
    const text = '“It is over,” Maj. Gen. Smith said. Others disagreed.';
    expect(cueText(text, spanOf(text, 'It is over,'))).toBe('said');
  });

  it('never takes a verb from inside another quotation', () => {
    const text = 'Enver Solomon told Sky News any process “must be well thought out”: “Moves to reduce the backlog are welcome.”';
    expect(cueText(text, spanOf(text, '“Moves to reduce the backlog are welcome.”'))).toBe('told Sky News');
    const straight = '"We are ready," he added, "to talk to anyone."';
    expect(cueText(straight, [spanOf(straight, 'We are ready,'), spanOf(straight, 'to talk to anyone.')])).toBe('added');
  });

  it('reads a reporting verb after a determiner as a noun', () => {
    const text = 'The town has fallen, the report says, and his claims were denied.';
    expect(cueText(text, spanOf(text, 'The town has fallen'))).toBe('says');
    const noun = 'Aid is blocked despite the claims.';
    expect(cueText(noun, spanOf(noun, 'Aid is blocked'))).toBeUndefined();
  });

  it('looks no further than the distance asked', () => {
    const text = '“It is over,” the long-serving and widely respected commander of the northern brigades said.';
    const content = spanOf(text, 'It is over,');
    expect(findCue(text, content).cue?.text).toBe('said');
    expect(findCue(text, content, { maxDistance: 20 }).cue).toBeNull();
  });

  it('proposes no cue when there is none', () => {
    const text = '“It is over.” Smoke rose over the town.';
    expect(findCue(text, spanOf(text, 'It is over.'))).toEqual({ mode: 'direct', cue: null });
  });

  it('works with right-to-left text and emoji around the quote', () => {
    const text = '🔥 «انتهى الأمر»، said the commander 😀 on Sunday.';
    const content = spanOf(text, 'انتهى الأمر');
    const proposal = findCue(text, content);
    expect(proposal.mode).toBe('direct');
    expect(proposal.cue && text.slice(proposal.cue.start, proposal.cue.end)).toBe('said');
  });

  it('accepts spans out of range or empty without failing', () => {
    expect(findCue('He said so.', [])).toEqual({ mode: 'indirect', cue: null });
    expect(findCue('He said so.', { start: 5, end: 5 })).toEqual({ mode: 'indirect', cue: null });
    expect(findCue('He said so.', { start: 8, end: 500 })).toMatchObject({ cue: { text: 'said' } });
  });
});

describe('quoteMode', () => {
  it.each<[string, string, string]>([
    ['“The town has fallen,” he said.', 'The town has fallen,', 'direct'],
    ['“The town has fallen,” he said.', '“The town has fallen,”', 'direct'],
    ['"The town has fallen," he said.', 'The town has fallen', 'direct'],
    ['He said: “The town has fallen.”', 'The town has fallen.', 'direct'],
    ['He said “the town has fallen”.', 'the town has fallen', 'direct'],
    ['„Die Stadt ist gefallen“, sagte er.', 'Die Stadt ist gefallen', 'direct'],
    ['« La ville est tombée », a-t-il dit.', ' La ville est tombée ', 'direct'],
    ['‘The town has fallen,’ he said.', 'The town has fallen,', 'direct'],
    ['He said it would be “very unwise” to act.', 'very unwise', 'partial'],
    ['He said it would be “very unwise” to act.', 'it would be “very unwise” to act', 'partial'],
    ['“We will not negotiate on behalf of” the opposition, he added.', 'We will not negotiate on behalf of', 'partial'],
    ['He said the town had fallen.', 'the town had fallen', 'indirect'],
    // An apostrophe is not a quotation mark.
    ["The group's spokesman's view was clear, he said.", "The group's spokesman's view was clear", 'indirect'],
    ['The group’s spokesman’s view was clear, he said.', 'The group’s spokesman’s view was clear', 'indirect'],
  ])('%s [%s] is %s', (text, part, mode) => {
    expect(quoteMode(text, spanOf(text, part))).toBe(mode);
  });

  it('is partial when only some parts of a split quote are whole quotations', () => {
    const text = '“We are ready,” he said, adding that talks could start soon.';
    expect(quoteMode(text, [spanOf(text, 'We are ready,'), spanOf(text, 'talks could start soon')])).toBe('partial');
    expect(quoteMode(text, [])).toBe('indirect');
  });
});

describe('the quote-verb lexicon', () => {
  it('is the shared list, word for word', () => {
    const shared = readFileSync(new URL('../../../shared/lexicons/quote-verbs.txt', import.meta.url), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
    expect(quoteVerbs).toEqual(shared);
    expect(quoteVerbs).toHaveLength(257);
  });

  it('ships with its licence', () => {
    const shipped = readFileSync(new URL('../../resources/lexicons/quote-verbs.LICENSE', import.meta.url), 'utf8');
    expect(shipped).toContain('MIT License');
    expect(shipped).toContain('Copyright (c) 2018-2023 Maite Taboada');
  });

  it('knows the common reporting verbs in any case', () => {
    for (const verb of ['said', 'says', 'told', 'added', 'Warned', 'CLAIMED']) expect(isReportingVerb(verb)).toBe(true);
    for (const word of ['according', 'the', 'Ghouta', '']) expect(isReportingVerb(word)).toBe(false);
  });
});
