import { describe, expect, it } from 'vitest';
import { annotationMapSchema, type AnnotationMap, type AnnotationStatus, type AttributionAnnotation, type AttributionMode, type AttributionSpeaker } from '../../common/model/annotation';
import { attributionsList, firstWords, speakerDisplayName, summariseSources } from '../../common/model/sources';

function attribution(id: string, mode: AttributionMode, speaker: AttributionSpeaker | null, quote: string, status: AnnotationStatus = 'accepted'): AttributionAnnotation {
  return {
    id, kind: 'attribution', status, author: 'desk', createdAt: '2018-03-11T10:00:00Z', updatedAt: '2018-03-11T10:00:00Z',
    note: '', quote, mode, speaker, medium: '', mediumEntityId: null,
  };
}

const entity = (entityId: string | null, name: string, mentionId: string | null = null): AttributionSpeaker => ({ type: 'entity', entityId, name, mentionId });
const anonymous = (description: string, anonymityReason = ''): AttributionSpeaker => ({ type: 'anonymous', description, anonymityReason });

const registry: Record<string, string> = {
  ent_alwan: 'Wael Alwan',
  ent_zolotukhin: 'Vladimir Zolotukhin',
  ent_sohr: 'Syrian Observatory for Human Rights',
};
const entityNames = (id: string): string | undefined => registry[id];

// Attributions as an editor would make them on the sample article, in document order.
function sampleAnnotations(): AnnotationMap {
  const list = [
    attribution('att_negotiator', 'indirect', anonymous('a negotiator'), 'a delegation from eastern Ghouta was on Sunday considering a partial evacuation deal'),
    attribution('att_delegate', 'direct', anonymous('a member of the committee', 'speaking on condition of anonymity'), '“The committee discussed a proposed reconciliation that would guarantee exit”'),
    attribution('att_negotiator2', 'direct', anonymous('The  negotiator'), '“The committee is meeting on Sunday to take a decision and inform the regime.”'),
    attribution('att_sohr1', 'indirect', entity('ent_sohr', 'The Syrian Observatory for Human Rights'), 'negotiations for evacuations from multiple towns were ongoing'),
    attribution('att_sohr2', 'direct', entity('ent_sohr', 'SOHR chief Rami Abdel Rahman'), '"A decision could be taken any moment for Hammuriyeh, Jisreen, and Saqba,"'),
    attribution('att_alwan1', 'direct', entity('ent_alwan', 'Wael Alwan', 'men_alwan'), '“There are no direct or indirect negotiations with the Russian enemy or its allies,”'),
    attribution('att_alwan2', 'partial', entity('ent_alwan', 'he'), '“No one has been authorised to negotiate on behalf of” opposition in eastern Ghouta'),
    attribution('att_zolo1', 'direct', entity('ent_zolotukhin', 'Major General Vladimir Zolotukhin'), '“The militants are considering the possibility of evacuating several dozen residents”'),
    attribution('att_zolo2', 'direct', entity('ent_zolotukhin', 'Zolotukhin'), '“Today, 52 civilians, including 26 children, were brought from eastern Ghouta,”'),
    attribution('att_zolo3', 'partial', entity('ent_zolotukhin', 'Zolotukhin'), 'the evacuees will receive “all necessary assistance” within two days'),
    attribution('att_mattis', 'partial', entity(null, 'Jim Mattis'), 'it would be “very unwise” for Syrian regime forces to use weaponised gas'),
    attribution('att_mattis2', 'indirect', entity(null, 'jim  mattis'), 'President Donald Trump had “full political manoeuvre room”'),
    attribution('att_witness', 'indirect', anonymous('a Reuters witness'), 'there was shelling and gunfire near one exit route on Friday'),
    attribution('att_unset', 'indirect', null, 'the bombardment has included incendiary material'),
    attribution('att_suggested', 'direct', entity('ent_alwan', 'Wael Alwan'), '“We will fight on”', 'suggested'),
    attribution('att_review', 'direct', anonymous('a Reuters witness'), '“shelling”', 'needs_review'),
  ];
  const map: AnnotationMap = Object.fromEntries(list.map((record) => [record.id, record]));
  // A summary mixes in other kinds of annotation, which it must ignore.
  map.ent_mention = {
    id: 'ent_mention', kind: 'entity', status: 'accepted', author: 'desk', createdAt: '', updatedAt: '', note: '', quote: 'Wael Alwan',
    entityType: 'person', entityId: 'ent_alwan',
  };
  expect(annotationMapSchema.safeParse(map).success).toBe(true);
  return map;
}

describe('summariseSources', () => {
  const summary = summariseSources(sampleAnnotations(), entityNames);

  it('counts named against anonymous, leaving suggestions out and counting unattributed quotes', () => {
    expect(summary.totals).toEqual({
      attributions: 15,
      named: 9,
      anonymous: 5,
      unattributed: 1,
      modes: { direct: 7, indirect: 5, partial: 3 },
    });
  });

  it('groups named speakers by entity under the registry name, most quoted first', () => {
    expect(summary.named.map((row) => [row.name, row.count])).toEqual([
      ['Vladimir Zolotukhin', 3],
      ['Jim Mattis', 2],
      ['Syrian Observatory for Human Rights', 2],
      ['Wael Alwan', 2],
    ]);
    const alwan = summary.named.find((row) => row.entityId === 'ent_alwan')!;
    expect(alwan).toMatchObject({ key: 'entity:ent_alwan', speakerType: 'named', modes: { direct: 1, indirect: 0, partial: 1 }, attributionIds: ['att_alwan1', 'att_alwan2'] });
    const zolotukhin = summary.named[0]!;
    expect(zolotukhin.modes).toEqual({ direct: 2, indirect: 0, partial: 1 });
  });

  it('groups speakers not yet in the registry by name, ignoring case and spacing', () => {
    const mattis = summary.named.find((row) => row.name === 'Jim Mattis')!;
    expect(mattis).toMatchObject({ key: 'name:jim mattis', entityId: null, count: 2, modes: { direct: 0, indirect: 1, partial: 1 } });
  });

  it('groups anonymous sources by description, ignoring case, spacing and a leading article', () => {
    expect(summary.anonymous.map((row) => [row.name, row.count])).toEqual([
      ['a negotiator', 2],
      ['a Reuters witness', 2],
      ['a member of the committee', 1],
    ]);
    expect(summary.anonymous[0]).toMatchObject({ key: 'anonymous:negotiator', attributionIds: ['att_negotiator', 'att_negotiator2'], modes: { direct: 1, indirect: 1, partial: 0 } });
    const delegate = summary.anonymous.find((row) => row.name === 'a member of the committee')!;
    expect(delegate.anonymityReasons).toEqual(['speaking on condition of anonymity']);
  });

  it('falls back to the name as written when the registry does not know the entity', () => {
    const map = { a: attribution('a', 'direct', entity('ent_gone', 'Rami Abdel Rahman'), '“x”') };
    expect(summariseSources(map, () => undefined).named[0]).toMatchObject({ name: 'Rami Abdel Rahman', entityId: 'ent_gone', count: 1 });
  });

  it('is empty for an article without attributions', () => {
    expect(summariseSources({}, entityNames)).toEqual({
      named: [],
      anonymous: [],
      totals: { attributions: 0, named: 0, anonymous: 0, unattributed: 0, modes: { direct: 0, indirect: 0, partial: 0 } },
    });
  });

  it('keeps names as text, whatever characters they hold', () => {
    const hostile = '<img src=x onerror=alert(1)> O\'Brien "\\"';
    const map = { a: attribution('a', 'direct', entity('ent_x', 'x'), '“x”') };
    expect(summariseSources(map, () => hostile).named[0]!.name).toBe(hostile);
  });
});

describe('attributionsList', () => {
  it('lists every attribution with speaker, mode and first words', () => {
    const rows = attributionsList(sampleAnnotations(), entityNames);
    expect(rows).toHaveLength(16);
    expect(rows.find((row) => row.id === 'att_alwan1')).toEqual({
      id: 'att_alwan1', speakerType: 'named', speakerName: 'Wael Alwan', mode: 'direct',
      firstWords: 'There are no direct or indirect negotiations with…', medium: '', status: 'accepted',
    });
    expect(rows.find((row) => row.id === 'att_delegate')).toMatchObject({ speakerType: 'anonymous', speakerName: 'a member of the committee' });
    expect(rows.find((row) => row.id === 'att_unset')).toMatchObject({ speakerType: 'none', speakerName: '' });
    expect(rows.find((row) => row.id === 'att_suggested')).toMatchObject({ status: 'suggested' });
  });

  it('follows the document order when given, others after in map order', () => {
    const rows = attributionsList(sampleAnnotations(), entityNames, { order: ['att_zolo3', 'ent_mention', 'att_alwan1'] });
    expect(rows.slice(0, 4).map((row) => row.id)).toEqual(['att_zolo3', 'att_alwan1', 'att_negotiator', 'att_delegate']);
  });

  it('shows as many words as asked', () => {
    const rows = attributionsList(sampleAnnotations(), entityNames, { wordCount: 3 });
    expect(rows.find((row) => row.id === 'att_zolo3')!.firstWords).toBe('the evacuees will…');
  });
});

describe('speakerDisplayName and firstWords', () => {
  it('names a speaker from the registry, the text or the description', () => {
    expect(speakerDisplayName(entity('ent_alwan', 'he'), entityNames)).toBe('Wael Alwan');
    expect(speakerDisplayName(entity(null, ' Jim  Mattis '), entityNames)).toBe('Jim Mattis');
    expect(speakerDisplayName(entity(null, ''), entityNames)).toBe('Unnamed speaker');
    expect(speakerDisplayName(anonymous(''), entityNames)).toBe('Anonymous source');
  });

  it('takes the first words without the quotation marks', () => {
    expect(firstWords('“Today, 52 civilians, including 26 children, were brought”', 4)).toBe('Today, 52 civilians, including…');
    expect(firstWords('"short quote"', 8)).toBe('short quote');
    expect(firstWords('  ', 8)).toBe('');
    expect(firstWords('a split quote … he added', 8)).toBe('a split quote … he added');
  });
});
