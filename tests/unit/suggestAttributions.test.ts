import { describe, expect, it } from 'vitest';
import { suggestAnnotations, type AttributionSuggestion, type SuggestionBlock } from '../../common/suggestions';

function attributions(...blocks: (string | SuggestionBlock)[]): AttributionSuggestion[] {
  const list = blocks.map((block) => (typeof block === 'string' ? { text: block, type: 'paragraph' } : block));
  return suggestAnnotations({ blocks: list }, { kinds: ['attribution'] }).attributions;
}

function speakerName(attribution: AttributionSuggestion | undefined): string {
  const speaker = attribution?.speaker;
  return !speaker ? '' : speaker.type === 'entity' ? speaker.name : `anonymous: ${speaker.description}`;
}

describe('attribution suggestions', () => {
  it('finds a direct quote in curly marks with its cue and speaker', () => {
    const [quote, ...rest] = attributions('“The bridge will reopen in spring,” Helga Moravec said on Tuesday.');
    expect(rest).toEqual([]);
    expect(quote!.content.map((span) => span.text)).toEqual(['“The bridge will reopen in spring,”']);
    expect(quote!.cue?.text).toBe('said');
    expect(quote!.mode).toBe('direct');
    expect(speakerName(quote)).toBe('Helga Moravec');
  });

  it('finds a quote in straight marks after the cue', () => {
    const [quote] = attributions('Farmer Jonas Ekberg said: "We lost half the harvest to the frost this year."');
    expect(quote!.content[0]!.text).toBe('"We lost half the harvest to the frost this year."');
    expect(speakerName(quote)).toBe('Jonas Ekberg');
  });

  it('joins a quote split by "he added" into one attribution with two parts', () => {
    const found = attributions('“We are tired of waiting,” Dario Fenwick said, adding: “the council must act before the winter comes.”');
    expect(found).toHaveLength(1);
    expect(found[0]!.content.map((span) => span.text)).toEqual(['“We are tired of waiting,”', '“the council must act before the winter comes.”']);
    expect(speakerName(found[0])).toBe('Dario Fenwick');
  });

  it('runs a quote across paragraphs when the next one opens with a mark', () => {
    const found = attributions(
      'Nurse Lotte Brink described the night. “We had no power and the generators failed one after another.',
      '“By morning we were carrying patients down the stairs by hand,” she said.',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.content).toHaveLength(2);
    expect(speakerName(found[0])).toBe('Lotte Brink');
  });

  it('gives a continuation quote the previous speaker', () => {
    const found = attributions('“Prices doubled in a month,” trader Osman Keller said. “Nobody can plan like this.”');
    expect(found).toHaveLength(2);
    expect(found.map(speakerName)).toEqual(['Osman Keller', 'Osman Keller']);
  });

  it('resolves a pronoun to the person named before it', () => {
    const found = attributions('Coach Rhea Santos watched from the bench. “We played without fear,” she said.');
    expect(speakerName(found[0])).toBe('Rhea Santos');
  });

  it('takes an anonymous source as the speaker with its description', () => {
    const [quote] = attributions('“There is no deal yet,” a senior negotiator told Reuters.');
    expect(quote!.speaker).toMatchObject({ type: 'anonymous', description: 'a senior negotiator' });
    expect(quote!.medium).toBe('Reuters');
  });

  it('does not take scare quotes or a quoted title for attributions', () => {
    expect(attributions('The plan was called a “bold gamble” by its critics in the town.')).toEqual([]);
    expect(attributions('Her film “Winter Over Lake Orta” opened last week in the city.')).toEqual([]);
  });

  it('keeps a short quote when a cue stands right beside it', () => {
    const [quote] = attributions('Asked about the fine, Mayor Tove Lindahl said “never again”.');
    expect(quote?.content[0]!.text).toBe('“never again”');
    expect(speakerName(quote)).toBe('Tove Lindahl');
  });

  it('finds indirect speech after a reporting verb and "according to" with a lower confidence', () => {
    const [said] = attributions('Inspector Malik Haddad said that the fire started in the kitchen.');
    expect(said!.mode).toBe('indirect');
    expect(said!.content[0]!.text).toBe('the fire started in the kitchen');
    expect(speakerName(said)).toBe('Malik Haddad');
    expect(said!.confidence).toBeLessThan(0.5);
    const [according] = attributions('According to Petra Vogel, the school will close in June.');
    expect(according!.content[0]!.text).toBe('the school will close in June');
    expect(speakerName(according)).toBe('Petra Vogel');
  });

  it('finds reported speech with the speaker at the end, or a clause without "that"', () => {
    const [atEnd] = attributions('The convoy left the city before dawn, a member of the aid committee told Reuters.');
    expect(atEnd!.content[0]!.text).toBe('The convoy left the city before dawn');
    expect(atEnd!.speaker).toMatchObject({ type: 'anonymous', description: 'a member of the aid committee' });
    expect(atEnd!.medium).toBe('Reuters');
    const [clause] = attributions('Minister Petra Halvard said on Monday the border would stay open.');
    expect(clause!.content[0]!.text).toBe('the border would stay open');
    expect(speakerName(clause)).toBe('Petra Halvard');
    expect(attributions('The committee said nothing.')).toEqual([]);
    const [noun] = attributions('A ministry spokeswoman said rescue teams were still searching the valley.');
    expect(noun!.content[0]!.text).toBe('rescue teams were still searching the valley');
    expect(noun!.speaker).toMatchObject({ type: 'anonymous', description: 'A ministry spokeswoman' });
    expect(attributions('The mayor said goodbye to the crowd after the parade ended.')).toEqual([]);
  });

  it('gives the quote to the person whose organisation stands at the cue', () => {
    const [quote] = attributions('“Trucks are waiting at the border,” Colonel Anders Vik of the Northern Relief Agency told Interfax.');
    expect(speakerName(quote)).toBe('Anders Vik');
    expect(quote!.medium).toBe('Interfax');
  });

  it('takes the cue before a quote that ends its sentence, not a verb of the next sentence', () => {
    const [quote] = attributions('Judge Amal Serrano told the jury that, in the final weeks, “the boy was left without food or water.” Later the parents continued to deny it.');
    expect(quote!.cue?.text).toBe('told');
    expect(speakerName(quote)).toBe('Amal Serrano');
  });

  it('does not take the object of a verb such as "described" for the speaker', () => {
    const found = attributions('Editor Lars Kemp wrote a long post about Ivo Stanek.', 'He described Stanek as a man “facing prison for telling the truth about the firm”.');
    expect(speakerName(found.find((attribution) => attribution.mode !== 'indirect'))).toBe('Lars Kemp');
  });

  it('does not read the subject of the reported clause as the speaker: "said it was"', () => {
    const found = attributions('Senator Noor Vance said the plan was late, and said it was “a failure of the whole cabinet and its advisers”.');
    expect(speakerName(found.find((attribution) => attribution.mode !== 'indirect'))).toBe('Noor Vance');
  });

  it('never takes quotes from a Sources list or a credit line', () => {
    const found = attributions(
      'The storm passed overnight.',
      { text: 'Sources', type: 'subhead' },
      '“Storm leaves thousands without power in the north,” said the Harbour Gazette, 3 May.',
      { text: '“Photo of the flooded square,” said Ivo Marten', type: 'credit' },
    );
    expect(found).toEqual([]);
  });
});
