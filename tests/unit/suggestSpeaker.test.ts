import { describe, expect, it } from 'vitest';
import { proposeSpeakers, type ProposedSpeaker, type SpeakerMention } from '../../common/model/speakerProposal';

// Builds the request from a sentence: mentions are found by their text, the quote is the first “...” in it.
function rank(text: string, names: Record<string, SpeakerMention['entityType']>, cueWord: string | null, previous: ProposedSpeaker | null = null): string[] {
  const mentions: SpeakerMention[] = [];
  for (const [name, entityType] of Object.entries(names)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) mentions.push({ name, start: at, end: at + name.length, entityType });
  }
  const open = text.indexOf('“');
  const close = text.indexOf('”', open) + 1;
  const cueAt = cueWord ? text.indexOf(cueWord, close) >= 0 ? text.indexOf(cueWord, close) : text.indexOf(cueWord) : -1;
  const cue = cueWord ? { start: cueAt, end: cueAt + cueWord.length } : null;
  return proposeSpeakers({ text, content: [{ start: open, end: close }], cue, mentions, previousSpeaker: previous }).map((speaker) =>
    speaker.type === 'entity' ? `${speaker.mention.name} (${speaker.reason})` : `${speaker.description} (${speaker.reason})`,
  );
}

describe('speaker proposal', () => {
  it('ranks the name before the cue first: "X said"', () => {
    expect(rank('Ruth Adeyemi met Colm Byrne. “It is done,” Colm Byrne said.', { 'Ruth Adeyemi': 'person', 'Colm Byrne': 'person' }, 'said')[0]).toBe('Colm Byrne (cue)');
  });

  it('ranks the name after the cue first: "said X", with a title between', () => {
    expect(rank('“It is done,” said inspector Colm Byrne near Ruth Adeyemi.', { 'Ruth Adeyemi': 'person', 'Colm Byrne': 'person' }, 'said')[0]).toBe('Colm Byrne (cue)');
  });

  it('ranks the name after "according to" first', () => {
    expect(rank('Pia Lund arrived. “Costs will rise,” according to the Ostra Institute.', { 'Pia Lund': 'person', 'Ostra Institute': 'organisation' }, 'according to')[0]).toBe(
      'Ostra Institute (cue)',
    );
  });

  it('never takes the addressee of "told" for the speaker', () => {
    const ranked = rank('“We will stay,” Amir Haddad told Radio Kestrel.', { 'Amir Haddad': 'person', 'Radio Kestrel': 'organisation' }, 'told');
    expect(ranked[0]).toBe('Amir Haddad (cue)');
  });

  it('attaches the name across an appositive: "X, 52, a baker, said"', () => {
    expect(rank('“Bread costs more,” Lena Ortiz, 52, a baker in Vilnius, said.', { 'Lena Ortiz': 'person' }, 'said')[0]).toBe('Lena Ortiz (cue)');
  });

  it('resolves "he" to the person named in the sentence before, not one named inside the quote', () => {
    const text = 'Goran Petrov scored twice. “Marta Silva told me to shoot,” he said.';
    expect(rank(text, { 'Goran Petrov': 'person', 'Marta Silva': 'person' }, 'said')[0]).toBe('Goran Petrov (pronoun)');
  });

  it('resolves "it" to the organisation named before', () => {
    expect(rank('The Kolvik Agency issued a note. “Shelling continued,” it added.', { 'Kolvik Agency': 'organisation' }, 'added')[0]).toBe('Kolvik Agency (pronoun)');
  });

  it('gives the previous speaker to a quote with no cue', () => {
    const previous: ProposedSpeaker = { type: 'entity', mention: { name: 'Ines Kaur', start: 0, end: 9, entityType: 'person' }, reason: 'cue', score: 1 };
    const ranked = rank('Ines Kaur spoke to Tom Reyes. “We start at dawn.”', { 'Ines Kaur': 'person', 'Tom Reyes': 'person' }, null, previous);
    expect(ranked[0]).toBe('Ines Kaur (continuation)');
  });

  it('ranks the others by distance from the quote, not by document order', () => {
    const text = 'Anna Berg left early. Later Piet Smit arrived. “What a day.” Then Omar Ali came by.';
    expect(rank(text, { 'Anna Berg': 'person', 'Piet Smit': 'person', 'Omar Ali': 'person' }, null)).toEqual([
      'Omar Ali (distance)',
      'Piet Smit (distance)',
      'Anna Berg (distance)',
    ]);
  });

  it('leaves the addressee of "told" out of the ranking by distance', () => {
    const ranked = rank('Ola Brandt spoke. Later the talks stalled, a mediator told Radio Kestrel. “We wait.”', { 'Ola Brandt': 'person', 'Radio Kestrel': 'organisation' }, null);
    expect(ranked).toEqual(['Ola Brandt (distance)']);
  });

  it('proposes an anonymous source described at the cue', () => {
    expect(rank('“Talks have stalled,” a western diplomat said.', {}, 'said')).toEqual(['a western diplomat (anonymous)']);
  });
});
