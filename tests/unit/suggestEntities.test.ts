import { describe, expect, it } from 'vitest';
import { suggestAnnotations, type EntitySuggestion } from '../../common/suggestions';

function entities(...paragraphs: string[]): EntitySuggestion[] {
  return suggestAnnotations({ blocks: paragraphs.map((text) => ({ text, type: 'paragraph' })) }, { kinds: ['entity'] }).entities;
}

function typed(list: readonly EntitySuggestion[]): string[] {
  return list.map((entity) => `${entity.text}:${entity.entityType}`);
}

describe('entity suggestions', () => {
  it('gives UTF-16 offsets into the text with blocks joined by a blank line', () => {
    const result = suggestAnnotations({ blocks: [{ text: 'Storm 🌧 hits coast', type: 'headline' }, { text: 'Mayor Ingrid Holloway visited Canada.', type: 'paragraph' }] });
    for (const entity of result.entities) expect(result.text.slice(entity.start, entity.end)).toBe(entity.text);
    expect(typed(result.entities)).toEqual(['Ingrid Holloway:person', 'Canada:place']);
  });

  it('splits a title off the name and keeps the place before it', () => {
    expect(typed(entities('The visit was praised by U.S. President Marvin Okafor on Monday.'))).toEqual(['U.S.:place', 'Marvin Okafor:person']);
    expect(typed(entities('Officials met Prime Minister Ilse Varga in the morning.'))).toEqual(['Ilse Varga:person']);
  });

  it('types names by their organisation and place heads', () => {
    expect(typed(entities('Staff at the Ministry of Water and the Halvorsen University worked near Tarnow Province.'))).toEqual([
      'Ministry of Water:organisation',
      'Halvorsen University:organisation',
      'Tarnow Province:place',
    ]);
  });

  it('joins "of" only after an organisation or place head', () => {
    expect(typed(entities('A grant came from the Bank of Orlen, and Dana Kowal spoke in Brightwater.'))).toEqual([
      'Bank of Orlen:organisation',
      'Dana Kowal:person',
      'Brightwater:place',
    ]);
  });

  it('gives a parenthesised acronym the type of its long form, and its later mentions too', () => {
    const found = entities('The Pellmark Relief Agency (PRA) sent trucks.', 'Later the PRA said more would come.');
    expect(typed(found)).toEqual(['Pellmark Relief Agency:organisation', 'PRA:organisation', 'PRA:organisation']);
    expect(found[1]!.evidence).toBe('acronym-long-form');
    // An acronym that spells a common word still takes its long form's type.
    expect(typed(entities('The Western Harbour Office (WHO) closed the pier.'))).toEqual(['Western Harbour Office:organisation', 'WHO:organisation']);
    const places = entities('Crowds filled the Varnell Sports Arena (VSA) before the final.');
    expect(typed(places)).toEqual(['Varnell Sports Arena:place', 'VSA:place']);
  });

  it('makes a person of the subject of a speech verb and of an appositive', () => {
    expect(typed(entities('Tomasz Brenner said the road was closed.'))).toEqual(['Tomasz Brenner:person']);
    const appositive = entities('The ruling upset Kessler, 45, a farmer from the valley.');
    expect(typed(appositive)).toEqual(['Kessler:person']);
    expect(appositive[0]!.evidence).toBe('appositive');
    expect(entities('Yesterday Okonkwo, who runs the shelter, left early.').map((entity) => entity.evidence)).toEqual(['appositive']);
  });

  it('propagates a personal name to its later short form', () => {
    const found = entities('The painter Edda Lindqvist opened a show.', 'Critics liked the work, and Lindqvist smiled.');
    expect(typed(found)).toEqual(['Edda Lindqvist:person', 'Lindqvist:person']);
    expect(found[1]!.evidence).toBe('propagated');
  });

  it('suggests a known place nested inside an organisation name', () => {
    expect(typed(entities('He studied at the University of Kenya before moving.'))).toEqual(['University of Kenya:organisation', 'Kenya:place']);
  });

  it('nests a person the article names inside an organisation inside a longer organisation name', () => {
    const found = typed(entities('Ines Morrow painted all her life.', 'The Ines Morrow Trust gave prints to the Ines Morrow Trust for the Young Arts.'));
    expect(found).toContain('Ines Morrow Trust for the Young Arts:organisation');
    expect(found.filter((entry) => entry === 'Ines Morrow:person')).toHaveLength(3);
  });

  it('takes the name before a suffix such as "-like" or "-backed"', () => {
    expect(typed(entities('Dora Kell drew the posters.', 'Critics saw a Kell-like style, and Russian-backed forces were not mentioned.'))).toEqual(['Dora Kell:person', 'Kell:person']);
  });

  it('splits an organisation from the personal name that follows it', () => {
    expect(typed(entities('The chief of the Harbour Trust Council Amara Singh resigned.'))).toEqual(['Harbour Trust Council:organisation', 'Amara Singh:person']);
  });

  it('reads countries and nationalities from the gazetteers', () => {
    expect(typed(entities('The Peruvian team flew from Peru to Japan.'))).toEqual(['Peru:place', 'Japan:place']);
  });

  it('does not take a capital at the start of a sentence for a name', () => {
    expect(entities('Meanwhile nothing happened. Although rain fell, crops grew.')).toEqual([]);
  });

  it('keeps headline names only when the article or a gazetteer knows them', () => {
    const result = suggestAnnotations({
      blocks: [
        { text: 'Floods Hit Farming Towns As Ravel Warns Of Worse', type: 'headline' },
        { text: 'Engineer Paola Ravel warned that the dams of Chile were weak.', type: 'paragraph' },
      ],
    });
    expect(typed(result.entities)).toEqual(['Ravel:person', 'Paola Ravel:person', 'Chile:place']);
  });
});

describe('entity suggestions from the article as a whole', () => {
  it('makes a country that plays in sports copy a team, an organisation, but keeps "in" the country a place', () => {
    const found = entities('Norway beat Chile 2 – 0 in the group match on Sunday.', 'Fans in Norway celebrated late into the night.');
    expect(typed(found)).toEqual(['Norway:organisation', 'Chile:organisation', 'Norway:place']);
  });

  it('makes an organisation of a name followed by its officials or reporters, everywhere in the article', () => {
    expect(typed(entities('Zentrix officials declined to comment.', 'A week later Zentrix closed the plant.'))).toEqual(['Zentrix:organisation', 'Zentrix:organisation']);
  });

  it('takes a one-word speaker the article never names in full for an organisation', () => {
    expect(typed(entities('On Monday Korvex said it would cut prices.'))).toEqual(['Korvex:organisation']);
    expect(typed(entities('Mina Castell ran the clinic.', 'Castell said it would reopen.'))).toEqual(['Mina Castell:person', 'Castell:person']);
  });

  it('makes a place of a name before a comma and a known region', () => {
    expect(typed(entities('The show moves to Loveland, Colorado next year.'))).toEqual(['Loveland:place', 'Colorado:place']);
  });

  it('does not guess a person from a name whose words the article writes in lowercase', () => {
    expect(typed(entities('The Harvest Moon festival drew crowds under a bright moon and a good harvest.'))).toEqual(['Harvest Moon:other']);
  });

  it('takes a surname followed by one more word for the person alone', () => {
    expect(typed(entities('Painter Rosa Valdric showed her work.', 'Valdric Sketches filled the hall.'))).toEqual(['Rosa Valdric:person', 'Valdric:person']);
  });

  it('takes the name after a credit label, and acronyms with digits as other', () => {
    expect(typed(entities('A flooded street. Photo: Tamsin Reyes.', 'The IX35 model was recalled.'))).toEqual(['Tamsin Reyes:person', 'IX35:other']);
  });
});

describe('places and groups named by the words around them', () => {
  it('makes places of names after a place noun and "of", in a list after it, and before a lowercase place noun', () => {
    expect(typed(entities('Shelling hit the towns of Qarvin and Telmessa near Orvath province.'))).toEqual([
      'Qarvin:place',
      'Telmessa:place',
      'Orvath:place',
    ]);
    expect(typed(entities('Buses took families from Zeltani to safer areas.'))).toEqual(['Zeltani:place']);
  });

  it('does not take a name after a preposition for the subject of a speech verb', () => {
    expect(typed(entities('Residents in northern Karvash said the water ran out.')).map((entry) => entry.split(':')[1])).not.toContain('person');
    expect(typed(entities('Residents in northern Karvash said the water ran out.')).map((entry) => entry.split(':')[1])).not.toContain('organisation');
  });

  it('joins "al" after an Arabic organisation opener, and between a given name and a surname', () => {
    expect(typed(entities('Fighters of Jabhat al Wadi left the town.', 'Farid al Nouri, who led them, stayed.'))).toEqual([
      'Jabhat al Wadi:organisation',
      'Farid al Nouri:person',
    ]);
  });
});

describe('names from other languages and job titles', () => {
  it('joins Portuguese and Spanish place names after their opener, and particles inside long personal names', () => {
    expect(typed(entities('Rain fell across Rio Verde do Norte overnight.'))).toEqual(['Rio Verde do Norte:place']);
    expect(typed(entities('Later President Ana Paula Vieira da Costa arrived.'))).toEqual(['Ana Paula Vieira da Costa:person']);
  });

  it('reads a dateline in capitals as the place it names', () => {
    expect(typed(entities('NAIROBI — Markets reopened after the storm.'))).toEqual(['NAIROBI:place']);
  });

  it('splits a job title ending in -ist off the name after it', () => {
    expect(typed(entities('On Monday, Seismologist Ilka Brandvold warned of aftershocks.'))).toEqual(['Ilka Brandvold:person']);
  });

  it('does not guess a person for a name after "at": "analysts at Halberd Crane" is a firm', () => {
    expect(typed(entities('The forecast came from analysts at Halberd Crane in the morning.'))).toEqual(['Halberd Crane:organisation']);
  });
});
