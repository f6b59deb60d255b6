import { describe, expect, it } from 'vitest';
import { emptyFigureFields, type FigureFields } from '../../common/model/annotation';
import { blocksToRead, figureChecks, quantityKey, type FigureFlag, type FigureInText } from '../../common/model/figureChecks';
import { proposedFigureFields } from '../../common/model/figureReader';

// An article as blocks of copy with the words tagged as figures in each, read by the app's own figure reader.
function article(blocks: { text: string; tagged: string[] }[]): { figures: FigureInText[]; texts: Map<number, string> } {
  const figures: FigureInText[] = [];
  const texts = new Map<number, string>();
  blocks.forEach(({ text, tagged }, blockId) => {
    texts.set(blockId, text);
    let from = 0;
    for (const words of tagged) {
      const start = text.indexOf(words, from);
      if (start < 0) throw new Error(`"${words}" is not in "${text}"`);
      from = start + words.length;
      figures.push({ id: `${blockId}:${words}`, fields: proposedFigureFields(words), place: { blockId, start, end: start + words.length } });
    }
  });
  return { figures, texts };
}

function flagsOf(blocks: { text: string; tagged: string[] }[]): Record<string, string[]> {
  const { figures, texts } = article(blocks);
  const flags = figureChecks(figures, texts);
  return Object.fromEntries([...flags].map(([id, list]) => [id, list.map((flag: FigureFlag) => flag.check)]));
}

describe('parts larger than their whole', () => {
  it('accepts a part smaller than its whole and flags one larger, both ways round', () => {
    expect(flagsOf([{ text: 'At least 52 civilians, including 26 children, were killed in Douma on Wednesday.', tagged: ['52 civilians', '26 children'] }])).toEqual({});
    expect(flagsOf([{ text: 'Shelling killed 52 civilians, including 60 children, in Douma on Wednesday.', tagged: ['52 civilians', '60 children'] }])).toEqual({
      '0:52 civilians': ['part_exceeds_whole'],
      '0:60 children': ['part_exceeds_whole'],
    });
  });

  it('reads "of whom", "among them" and "of them" as parts', () => {
    expect(flagsOf([{ text: 'The convoy carried 300 people, of whom 450 were wounded, to Idlib.', tagged: ['300 people', '450'] }])).toHaveProperty(['0:450']);
    expect(flagsOf([{ text: 'Rescuers pulled 40 people from the rubble, among them 45 children.', tagged: ['40 people', '45 children'] }])).toHaveProperty(['0:45 children']);
    expect(flagsOf([{ text: 'Twelve people died in the strike, 15 of them children, the monitor said.', tagged: ['Twelve people', '15'] }])).toHaveProperty(['0:15']);
    expect(flagsOf([{ text: 'Twelve people died in the strike, 5 of them children, the monitor said.', tagged: ['Twelve people', '5'] }])).toEqual({});
  });

  it('checks every part of a list, and nothing after the list ends', () => {
    const list = flagsOf([{ text: 'The raid killed 30 people, including 12 women and 40 children, officials said.', tagged: ['30 people', '12 women', '40 children'] }]);
    expect(Object.keys(list).sort()).toEqual(['0:30 people', '0:40 children']);
    // A new clause after ", and" is no longer a part.
    expect(flagsOf([{ text: 'The raid killed 30 people, including 12 children, and 80 more were wounded.', tagged: ['30 people', '12 children', '80'] }])).toEqual({});
  });

  it('leaves figures in different sentences alone, and bounds that allow the part', () => {
    expect(flagsOf([{ text: 'In March 52 civilians died. Including the earlier raids, 60 children died this year.', tagged: ['52 civilians', '60 children'] }])).toEqual({});
    expect(flagsOf([{ text: 'More than 50 civilians, including 60 children, died.', tagged: ['More than 50 civilians', '60 children'] }])).toEqual({});
    expect(flagsOf([{ text: 'The fund spent $5m, including $6m on schools.', tagged: ['$5m', '$6m'] }])).toHaveProperty(['0:$6m']);
    // Money and heads are not parts of each other.
    expect(flagsOf([{ text: 'The fund helped 50 families, including $60 in cash for each.', tagged: ['50 families', '$60'] }])).toEqual({});
  });

  it('says which figure is the part and which the whole, with the values for people', () => {
    const { figures, texts } = article([{ text: 'Shelling killed 52 civilians, including 60 children, in Douma.', tagged: ['52 civilians', '60 children'] }]);
    const flags = figureChecks(figures, texts);
    expect(flags.get('0:60 children')).toEqual([
      { check: 'part_exceeds_whole', role: 'part', otherId: '0:52 civilians', reason: '“60 children” (60) is given as part of “52 civilians” (52) but is larger.' },
    ]);
    expect(flags.get('0:52 civilians')![0]).toMatchObject({ role: 'whole', otherId: '0:60 children' });
  });

  it('needs the text only of blocks where a later figure is larger than an earlier one', () => {
    const { figures } = article([
      { text: 'Shelling killed 52 civilians, including 26 children.', tagged: ['52 civilians', '26 children'] },
      { text: 'Shelling killed 52 civilians, including 60 children.', tagged: ['52 civilians', '60 children'] },
      { text: 'Aid reached 9,000 families.', tagged: ['9,000 families'] },
    ]);
    expect([...blocksToRead(figures)]).toEqual([1]);
  });
});

describe('one quantity, two values', () => {
  it('flags "400,000 civilians" here and "350,000 civilians" there, with the other value in the reason', () => {
    const { figures, texts } = article([
      { text: 'About 400,000 civilians are trapped in eastern Ghouta, the UN says.', tagged: ['400,000 civilians'] },
      { text: 'Aid groups say 350,000 civilians remain in the enclave.', tagged: ['350,000 civilians'] },
    ]);
    const flags = figureChecks(figures, texts);
    expect(flags.get('0:400,000 civilians')).toEqual([
      { check: 'conflicting_values', otherId: '1:350,000 civilians', reason: 'The article also gives 350,000 civilians; here it is 400,000.' },
    ]);
    expect(flags.get('1:350,000 civilians')![0]!.reason).toBe('The article also gives 400,000 civilians; here it is 350,000.');
  });

  it('does not flag the same value twice, other units, dates, or values bounds make compatible', () => {
    expect(
      flagsOf([
        { text: 'The siege trapped 400,000 civilians and 20,000 fighters.', tagged: ['400,000 civilians', '20,000 fighters'] },
        { text: 'The 400,000 civilians have little food; 30,000 fighters hold the town.', tagged: ['400,000 civilians', '30,000 fighters'] },
      ]),
    ).toEqual({ '0:20,000 fighters': ['conflicting_values'], '1:30,000 fighters': ['conflicting_values'] });
    expect(
      flagsOf([
        { text: 'More than 1,100 civilians have been killed.', tagged: ['More than 1,100 civilians'] },
        { text: 'The monitor counts 1,400 civilians killed.', tagged: ['1,400 civilians'] },
        { text: 'Talks began on March 7, 2018 and resumed on March 9, 2018.', tagged: ['March 7, 2018', 'March 9, 2018'] },
      ]),
    ).toEqual({});
  });

  it('takes values more than twice apart for different quantities of one thing', () => {
    expect(
      flagsOf([
        { text: 'Shelling killed 52 civilians on Wednesday.', tagged: ['52 civilians'] },
        { text: 'About 400,000 civilians are trapped in the enclave.', tagged: ['400,000 civilians'] },
        { text: 'Another 210,000 civilians fled.', tagged: ['210,000 civilians'] },
      ]),
    ).toEqual({ '1:400,000 civilians': ['conflicting_values'], '2:210,000 civilians': ['conflicting_values'] });
  });

  it('treats "civilians" and "Civilian" as one quantity, and counts apart from money', () => {
    const civilians = proposedFigureFields('400,000 civilians');
    expect(quantityKey(civilians)).toBe(quantityKey({ ...civilians, unit: 'Civilian' }));
    expect(quantityKey({ ...civilians, figureKind: 'date' })).toBe('');
    expect(quantityKey({ ...civilians, unit: '' })).toBe('');
    const money: FigureFields = { ...emptyFigureFields(), figureKind: 'money', value: { type: 'number', value: 5 }, unit: 'civilians', currency: 'USD' };
    expect(quantityKey(money)).not.toBe(quantityKey(civilians));
  });
});

describe('percentages over 100', () => {
  it('flags a share over 100 and leaves 100 or less alone', () => {
    expect(flagsOf([{ text: 'Turnout reached 120 percent in two districts.', tagged: ['120 percent'] }])).toEqual({ '0:120 percent': ['percent_over_100'] });
    expect(flagsOf([{ text: 'Turnout reached 100% in two districts and 45% elsewhere.', tagged: ['100%', '45%'] }])).toEqual({});
    const { figures, texts } = article([{ text: 'Prices rose 150% in a year.', tagged: ['150%'] }]);
    expect(figureChecks(figures, texts).get('0:150%')![0]!.reason).toBe('150% is more than the whole: right for a rise or a change, wrong for a share.');
  });
});

describe('checks on an article with thousands of figures', () => {
  it('stay far from the square of the figures: 5,000 values of one unit in one paragraph, at most two flags each', () => {
    const values = Array.from({ length: 5_000 }, (_, index) => `${1000 + index * 7} civilians`);
    const text = `Counts given: ${values.join(', including ')}.`;
    const { figures, texts } = article([{ text, tagged: values }]);
    const started = performance.now();
    const flags = figureChecks(figures, texts);
    // Checks of every pair took over a minute here; a busy machine does this in well under a second or two.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(Math.max(...[...flags.values()].map((list) => list.filter((flag) => flag.check === 'conflicting_values').length))).toBe(2);
    // Each "including" names a larger count than the whole before it.
    expect(flags.get('0:1007 civilians')!.map((flag) => flag.check)).toContain('part_exceeds_whole');
  });
});
