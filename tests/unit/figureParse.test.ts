import { describe, expect, it } from 'vitest';
import { parseFigure, proposedFigureFields, readFigure, type ParsedFigure } from '../../common/model/figureReader';
import { figureFieldsSchema, type FigureValue } from '../../common/model/annotation';

const number = (value: number): FigureValue => ({ type: 'number', value });
const range = (min: number, max: number): FigureValue => ({ type: 'range', min, max });
const date = (iso: string): FigureValue => ({ type: 'date', iso });
const duration = (iso: string): FigureValue => ({ type: 'duration', iso });
const dateRange = (iso: string): FigureValue => ({ type: 'date_range', iso });
const time = (iso: string): FigureValue => ({ type: 'time', iso });

type Expected = Partial<Pick<ParsedFigure, 'figureKind' | 'value' | 'qualifier' | 'unit' | 'currency'>>;

function expectReading(text: string, expected: Expected): void {
  const parsed = parseFigure(text);
  expect(parsed, text).toMatchObject({ understood: true, qualifier: 'exactly', unit: '', currency: null, ...expected });
  expect(parsed.confidence, text).toBeGreaterThan(0);
  // Every proposal must be storable as it is.
  expect(figureFieldsSchema.safeParse(proposedFigureFields(text)).success, text).toBe(true);
}

function expectNotUnderstood(text: string, figureKind: ParsedFigure['figureKind'] = null): void {
  const parsed = parseFigure(text);
  expect(parsed, text).toMatchObject({ understood: false, value: null, figureKind });
  expect(figureFieldsSchema.safeParse(proposedFigureFields(text)).success, text).toBe(true);
}

describe('parseFigure: the examples of issue 3', () => {
  it.each<[string, Expected]>([
    ['400,000', { figureKind: 'count', value: number(400000) }],
    ['more than 1,100', { figureKind: 'count', value: number(1100), qualifier: 'more_than' }],
    ['52', { figureKind: 'count', value: number(52) }],
    ['four', { figureKind: 'count', value: number(4) }],
    ['several dozen', { figureKind: 'count', value: number(36), qualifier: 'several' }],
    ['three weeks', { figureKind: 'duration', value: duration('P3W') }],
    ['April 6, 2017', { figureKind: 'date', value: date('2017-04-06') }],
    ['December 2016', { figureKind: 'date', value: date('2016-12') }],
    ['Wednesday March 7, 2018', { figureKind: 'date', value: date('2018-03-07') }],
    ['$1.5bn', { figureKind: 'money', value: number(1500000000), currency: 'USD' }],
    ['12.5%', { figureKind: 'percent', value: number(12.5) }],
  ])('%s', (text, expected) => expectReading(text, expected));
});

describe('parseFigure: numbers in digits and words', () => {
  it.each<[string, number]>([
    ['13', 13],
    ['0', 0],
    ['1,000,000', 1000000],
    ['10000', 10000],
    ['2,016', 2016],
    ['one', 1],
    ['twelve', 12],
    ['twenty-three', 23],
    ['twenty three', 23],
    ['ninety-nine', 99],
    ['a hundred', 100],
    ['one hundred and five', 105],
    ['fifteen hundred', 1500],
    ['two thousand three hundred', 2300],
    ['a thousand', 1000],
    ['a million', 1000000],
    ['two million', 2000000],
    ['two and a half million', 2500000],
    ['half a million', 500000],
    ['a dozen', 12],
    ['two dozen', 24],
    ['half a dozen', 6],
    ['1.5 million', 1500000],
    ['1.1bn', 1100000000],
    ['2bn', 2000000000],
    ['3 billion', 3000000000],
    ['300 thousand', 300000],
    ['5k', 5000],
    ['1.2tn', 1200000000000],
  ])('%s is %d', (text, value) => expectReading(text, { figureKind: 'count', value: number(value) }));

  it('reads Arabic-Indic digits', () => {
    expectReading('٤٠٠', { figureKind: 'count', value: number(400) });
  });
});

describe('parseFigure: qualifiers', () => {
  it.each<[string, ParsedFigure['qualifier']]>([
    ['exactly 400', 'exactly'],
    ['about 400', 'about'],
    ['around 400', 'about'],
    ['approximately 400', 'about'],
    ['roughly 400', 'about'],
    ['some 400', 'about'],
    ['an estimated 400', 'about'],
    // "nearly" and "almost" claim closeness, not a bound: about.
    ['nearly 400', 'about'],
    ['almost 400', 'about'],
    ['at least 400', 'at_least'],
    ['no fewer than 400', 'at_least'],
    ['400 or more', 'at_least'],
    ['400+', 'at_least'],
    ['up to 400', 'up_to'],
    ['as many as 400', 'up_to'],
    ['more than 400', 'more_than'],
    ['over 400', 'more_than'],
    ['above 400', 'more_than'],
    ['just over 400', 'more_than'],
    ['fewer than 400', 'less_than'],
    ['less than 400', 'less_than'],
    ['under 400', 'less_than'],
    ['400 or so', 'about'],
  ])('%s', (text, qualifier) => expectReading(text, { figureKind: 'count', value: number(400), qualifier }));

  it('keeps the unit when the qualifier comes after it', () => {
    expectReading('400 people or more', { value: number(400), qualifier: 'at_least', unit: 'people' });
  });

  it('reads "within" a time as up to', () => {
    expectReading('within two days', { figureKind: 'duration', value: duration('P2D'), qualifier: 'up_to' });
  });
});

describe('parseFigure: vague amounts count three of their unit', () => {
  it.each<[string, number]>([
    ['several dozen', 36],
    ['a few dozen', 36],
    ['several hundred', 300],
    ['a few thousand', 3000],
    ['several hundred thousand', 300000],
    ['dozens', 36],
    ['scores', 60],
    ['hundreds', 300],
    ['thousands', 3000],
    ['tens of thousands', 30000],
    ['hundreds of thousands', 300000],
    ['millions', 3000000],
  ])('%s is several, about %d', (text, value) => {
    expectReading(text, { figureKind: 'count', value: number(value), qualifier: 'several' });
    expect(parseFigure(text).confidence).toBeLessThan(1);
  });

  it('keeps what is counted after "of"', () => {
    expectReading('thousands of people', { value: number(3000), qualifier: 'several', unit: 'people' });
    expectReading('several dozen residents', { value: number(36), qualifier: 'several', unit: 'residents' });
  });

  it('proposes no number for "several" alone, but the kind and qualifier', () => {
    expect(parseFigure('several fronts')).toMatchObject({ understood: false, value: null, figureKind: 'count', qualifier: 'several', unit: 'fronts' });
    expect(parseFigure('tens')).toMatchObject({ understood: false, value: null });
  });
});

describe('parseFigure: units', () => {
  it('takes the words after the number as what is counted', () => {
    expectReading('13 HTS members', { figureKind: 'count', value: number(13), unit: 'HTS members' });
    expectReading('400,000 people', { figureKind: 'count', value: number(400000), unit: 'people' });
    expectReading('more than 1,100 civilians', { value: number(1100), qualifier: 'more_than', unit: 'civilians' });
    expectReading('four people', { value: number(4), unit: 'people' });
    expectReading('٤٠٠ شخص', { value: number(400), unit: 'شخص' });
  });

  it('stops the unit at the first comma', () => {
    const parsed = parseFigure('52 civilians, including 26 children');
    expect(parsed).toMatchObject({ understood: true, value: number(52), unit: 'civilians' });
    expect(parsed.note).not.toBe('');
  });

  it('ignores surrounding quotes and final punctuation', () => {
    expectReading('“400,000.”', { value: number(400000) });
    expectReading('(52)', { value: number(52) });
  });
});

describe('parseFigure: durations', () => {
  it.each<[string, string]>([
    ['three weeks', 'P3W'],
    ['a week', 'P1W'],
    ['two days', 'P2D'],
    ['18 months', 'P18M'],
    ['a year', 'P1Y'],
    ['five years', 'P5Y'],
    ['48 hours', 'PT48H'],
    ['48-hour', 'PT48H'],
    ['three-week', 'P3W'],
    ['an hour', 'PT1H'],
    ['half an hour', 'PT0.5H'],
    ['30 minutes', 'PT30M'],
    ['a fortnight', 'P2W'],
    ['a decade', 'P10Y'],
    // The text's own unit, with a decimal: P2.5Y rather than P30M.
    ['two and a half years', 'P2.5Y'],
    ['1.5 years', 'P1.5Y'],
    ['a year and a half', 'P1.5Y'],
    ['two years and three months', 'P2Y3M'],
    ['1 hour 30 minutes', 'PT1H30M'],
    // ISO 8601 does not mix weeks with other units.
    ['two weeks and three days', 'P17D'],
  ])('%s is %s', (text, iso) => expectReading(text, { figureKind: 'duration', value: duration(iso) }));

  it('reads "ago" as the length of time, with a note', () => {
    const parsed = parseFigure('three weeks ago');
    expect(parsed).toMatchObject({ understood: true, figureKind: 'duration', value: duration('P3W'), unit: '' });
    expect(parsed.note).toMatch(/ago/i);
  });

  it('reads a range of durations as a range with the unit', () => {
    expectReading('two to three weeks', { figureKind: 'duration', value: range(2, 3), unit: 'weeks' });
  });

  it('keeps what the duration qualifies', () => {
    expectReading('a three-week siege', { figureKind: 'duration', value: duration('P3W'), unit: 'siege' });
  });
});

describe('parseFigure: dates', () => {
  it.each<[string, string]>([
    ['April 6, 2017', '2017-04-06'],
    ['April 6 2017', '2017-04-06'],
    ['April 6th, 2017', '2017-04-06'],
    ['6 April 2017', '2017-04-06'],
    ['6th of April, 2017', '2017-04-06'],
    ['2017-04-06', '2017-04-06'],
    ['2017-04', '2017-04'],
    ['Wednesday March 7, 2018', '2018-03-07'],
    ['Wednesday, March 7, 2018', '2018-03-07'],
    ['Wed. 7 March 2018', '2018-03-07'],
    ['December 2016', '2016-12'],
    ['Dec. 2016', '2016-12'],
    ['Sept 2001', '2001-09'],
    ['May 2017', '2017-05'],
    ['in December 2016', '2016-12'],
    ['on Wednesday March 7, 2018', '2018-03-07'],
    ['13/03/2018', '2018-03-13'],
    ['03/13/2018', '2018-03-13'],
    ['February 29, 2016', '2016-02-29'],
  ])('%s is %s', (text, iso) => expectReading(text, { figureKind: 'date', value: date(iso) }));

  it('reads a four-digit number alone as a year, with less confidence', () => {
    const parsed = parseFigure('2016');
    expect(parsed).toMatchObject({ understood: true, figureKind: 'date', value: date('2016') });
    expect(parsed.confidence).toBeLessThan(1);
  });

  it('gives the kind date but no value when the year is missing', () => {
    expectNotUnderstood('March 7', 'date');
    expectNotUnderstood('7 March', 'date');
    expect(parseFigure('March 7').note).toMatch(/year/);
  });

  it('gives the kind date but no value for a weekday alone', () => {
    expectNotUnderstood('Sunday', 'date');
    expectNotUnderstood('on Sunday', 'date');
  });

  it('refuses days that do not exist', () => {
    expectNotUnderstood('February 30, 2017', 'date');
    expectNotUnderstood('February 29, 2017', 'date');
    expectNotUnderstood('April 31, 2017', 'date');
  });

  it('reads a range of days as a range of dates, and leaves a backward one to the editor', () => {
    expectReading('April 6-7, 2017', { figureKind: 'date', value: dateRange('2017-04-06/2017-04-07') });
    expectReading('6-7 April 2017', { figureKind: 'date', value: dateRange('2017-04-06/2017-04-07') });
    expectNotUnderstood('April 7-6, 2017', 'date');
    expectNotUnderstood('April 6-7', 'date');
    expect(parseFigure('April 6-7').note).toMatch(/year/);
  });

  it('leaves ambiguous day/month order to the editor', () => {
    expectNotUnderstood('07/03/2018', 'date');
  });

  it('flags a weekday that does not match the date', () => {
    const parsed = parseFigure('Thursday March 7, 2018');
    expect(parsed).toMatchObject({ understood: true, value: date('2018-03-07') });
    expect(parsed.confidence).toBeLessThan(1);
    expect(parsed.note).toMatch(/Wednesday/);
  });

  it('reads a date followed by other words, with less confidence', () => {
    const parsed = parseFigure('April 6, 2017, on a Syrian air base');
    expect(parsed).toMatchObject({ understood: true, value: date('2017-04-06') });
    expect(parsed.confidence).toBeLessThan(1);
  });
});

describe('parseFigure: money', () => {
  it.each<[string, number, string]>([
    ['$1.5bn', 1500000000, 'USD'],
    ['£30m', 30000000, 'GBP'],
    ['€2.5 million', 2500000, 'EUR'],
    ['1,000 euros', 1000, 'EUR'],
    ['US$5', 5, 'USD'],
    ['$5', 5, 'USD'],
    ['A$20', 20, 'AUD'],
    ['HK$10', 10, 'HKD'],
    ['USD 5,000', 5000, 'USD'],
    ['5,000 USD', 5000, 'USD'],
    ['30m euros', 30000000, 'EUR'],
    ['5 million US dollars', 5000000, 'USD'],
    ['1,000 Syrian pounds', 1000, 'SYP'],
    ['¥300', 300, 'JPY'],
  ])('%s is %d %s', (text, value, currency) => expectReading(text, { figureKind: 'money', value: number(value), currency }));

  it('reads ranges of money, the scale applying to both ends', () => {
    expectReading('$10-20m', { figureKind: 'money', value: range(10000000, 20000000), currency: 'USD' });
  });

  it('reads money with a qualifier', () => {
    expectReading('more than $1.5bn', { figureKind: 'money', value: number(1500000000), currency: 'USD', qualifier: 'more_than' });
  });

  it('lowers confidence for currencies named ambiguously', () => {
    const parsed = parseFigure('500 dollars');
    expect(parsed).toMatchObject({ understood: true, figureKind: 'money', currency: 'USD', value: number(500) });
    expect(parsed.confidence).toBeLessThan(1);
  });
});

describe('parseFigure: percentages and fractions', () => {
  it.each<[string, number]>([
    ['12.5%', 12.5],
    ['12.5 %', 12.5],
    ['12.5 per cent', 12.5],
    ['12.5 percent', 12.5],
    ['twelve percent', 12],
    ['half', 50],
    ['a half', 50],
    ['a third', 33.33],
    ['one-third', 33.33],
    ['two-thirds', 66.67],
    ['two thirds', 66.67],
    ['a quarter', 25],
    ['three quarters', 75],
    ['a fifth', 20],
  ])('%s is %d percent', (text, value) => expectReading(text, { figureKind: 'percent', value: number(value) }));

  it('keeps what the share is of', () => {
    expectReading('half of the residents', { figureKind: 'percent', value: number(50), unit: 'residents' });
    expectReading('12.5% of voters', { figureKind: 'percent', value: number(12.5), unit: 'voters' });
  });

  it('reads percentage points as a unit', () => {
    expectReading('3 percentage points', { figureKind: 'percent', value: number(3), unit: 'percentage points' });
  });

  it('reads ranges of percentages', () => {
    expectReading('10-20%', { figureKind: 'percent', value: range(10, 20) });
    expectReading('10%-20%', { figureKind: 'percent', value: range(10, 20) });
    expectReading('between 10 and 20 per cent', { figureKind: 'percent', value: range(10, 20) });
  });
});

describe('parseFigure: ranges', () => {
  it.each<[string, number, number]>([
    ['between 10 and 20', 10, 20],
    ['10-20', 10, 20],
    ['10–20', 10, 20],
    ['10 to 20', 10, 20],
    ['from 10 to 20', 10, 20],
    ['10,000-20,000', 10000, 20000],
    ['twenty to thirty', 20, 30],
    ['10 to 20 million', 10000000, 20000000],
    ['two to three million', 2000000, 3000000],
    ['500,000 to 1 million', 500000, 1000000],
  ])('%s', (text, min, max) => expectReading(text, { figureKind: 'count', value: range(min, max) }));

  it('keeps the unit of a range', () => {
    expectReading('between 10 and 20 people', { value: range(10, 20), unit: 'people' });
  });
});

describe('parseFigure: ratios', () => {
  it.each<[string, number]>([
    ['one in five', 0.2],
    ['1 in 5', 0.2],
    ['one out of every three', 0.333333],
    ['3:1', 3],
    ['3-to-1', 3],
  ])('%s is %d', (text, value) => expectReading(text, { figureKind: 'ratio', value: number(value) }));

  it('keeps what the ratio counts', () => {
    expectReading('one in five children', { figureKind: 'ratio', value: number(0.2), unit: 'children' });
  });
});

describe('parseFigure: text that must not be read wrongly', () => {
  it.each([
    '',
    '   ',
    'Hammuriyeh',
    'Zolotukhin',
    'March',
    'may',
    'May',
    'The numbers may rise',
    'march 7, 2018',
    '1,1,1',
    '1,000,00',
    '1.000.000',
    '3-1',
    '52 52',
    'five six',
    'one two',
    'fourth week',
    'a',
    'the',
    '$',
    'more than',
    '🔥',
    'Today, 52 civilians',
  ])('%j is not understood', (text) => {
    const parsed = parseFigure(text);
    expect(parsed.understood).toBe(false);
    expect(parsed.value).toBeNull();
    expect(parsed.figureKind === null || parsed.figureKind === 'date').toBe(true);
  });

  it('is not fooled by words that name object properties', () => {
    for (const text of ['constructor', 'toString weeks', 'hasOwnProperty', '__proto__', 'valueOf 2017']) {
      expect(parseFigure(text), text).toMatchObject({ understood: false, value: null });
    }
    expectReading('4 constructor', { value: number(4), unit: 'constructor' });
  });

  it('does not read a month name alone as a date kind', () => {
    expect(parseFigure('March').figureKind).toBeNull();
    expect(parseFigure('may').figureKind).toBeNull();
  });

  it('does not read "1,1,1" as 111', () => {
    expect(parseFigure('1,1,1').value).toBeNull();
  });

  it('does not read a lone "m" as million without a currency', () => {
    const parsed = parseFigure('30m');
    expect(parsed.value).toEqual(number(30));
    expect(parsed.confidence).toBeLessThan(1);
  });
});

describe('parseFigure: ranges of years and dates', () => {
  it.each<[string, string]>([
    ['from 2004 to 2009', '2004/2009'],
    ['between 2004 and 2009', '2004/2009'],
    ['2004-2009', '2004/2009'],
    ['2004–2009', '2004/2009'],
    ['2004 to 2009', '2004/2009'],
    ['in 2004-2009', '2004/2009'],
    ['from 1939 until 1945', '1939/1945'],
    ['from March to June 2009', '2009-03/2009-06'],
    ['between March and June 2009', '2009-03/2009-06'],
    ['from March 2004 to June 2009', '2004-03/2009-06'],
    ['from April 6 to April 9, 2017', '2017-04-06/2017-04-09'],
    ['from 6 April to 9 May 2017', '2017-04-06/2017-05-09'],
    ['from 2004 to June 2009', '2004/2009-06'],
    ['the 1960s', '1960/1969'],
    ['in the 1990’s', '1990/1999'],
    ['1960s', '1960/1969'],
  ])('%s is the interval %s, not a count', (text, iso) => expectReading(text, { figureKind: 'date', value: dateRange(iso) }));

  it('reads two years in a row as the span of both, not 1997 with the unit "and 1998"', () => {
    const parsed = parseFigure('1997 and 1998');
    expect(parsed).toMatchObject({ understood: true, figureKind: 'date', value: dateRange('1997/1998'), unit: '' });
    expect(parsed.note).toMatch(/two years/i);
    expectReading('in 1997 and 1998', { figureKind: 'date', value: dateRange('1997/1998') });
  });

  it('leaves two separate years to the editor, saying why', () => {
    expectNotUnderstood('1997 and 2001', 'date');
    expect(parseFigure('1997 and 2001').note).toMatch(/1997 and 2001/);
  });

  it('keeps numbers that are not years, or that count something, as counts', () => {
    expectReading('from 10 to 20', { figureKind: 'count', value: range(10, 20) });
    expectReading('between 1990 and 2000 people', { figureKind: 'count', value: range(1990, 2000), unit: 'people' });
    expectReading('1,997 and more', { figureKind: 'count', value: number(1997), unit: 'and more' });
    expectReading('between 1,990 and 2,000', { figureKind: 'count', value: range(1990, 2000) });
    // ISO 8601 year-month, not a span of years.
    expectReading('2017-04', { figureKind: 'date', value: date('2017-04') });
  });

  it('refuses a span that runs backwards', () => {
    expect(parseFigure('from 2009 to 2004').value).toBeNull();
    expect(parseFigure('from June to March 2009').value).toBeNull();
  });

  it('reads "in 2016" as a year', () => {
    expectReading('in 2016', { figureKind: 'date', value: date('2016') });
  });
});

describe('parseFigure: ages', () => {
  it.each<[string, string, string]>([
    ['aged 14', 'P14Y', 'age'],
    ['age 14', 'P14Y', 'age'],
    ['aged fourteen', 'P14Y', 'age'],
    ['14-year-old', 'P14Y', 'age'],
    ['14 years old', 'P14Y', 'age'],
    ['14 years of age', 'P14Y', 'age'],
    ['a 14-year-old boy', 'P14Y', 'boy'],
    ['aged 14 months', 'P14M', 'age'],
    ['three-week-old puppies', 'P3W', 'puppies'],
    // Not the year 2000: 2000 years.
    ['2000 year old', 'P2000Y', 'age'],
    ['2000-year-old', 'P2000Y', 'age'],
    ['a 2,000-year-old temple', 'P2000Y', 'temple'],
  ])('%s is %s', (text, iso, unit) => {
    expectReading(text, { figureKind: 'duration', value: duration(iso), unit });
    expect(parseFigure(text).note).toMatch(/age/i);
  });

  it('reads a range of ages', () => {
    expectReading('aged 14 to 16', { figureKind: 'duration', value: range(14, 16), unit: 'years old' });
    expectReading('aged between 14 and 16', { figureKind: 'duration', value: range(14, 16), unit: 'years old' });
  });
});

describe('parseFigure: numbers written as adjectives', () => {
  it.each<[string, number, string]>([
    ['131-page report', 131, 'pages'],
    ['a 131-page report', 131, 'pages'],
    ['131-page', 131, 'pages'],
    ['a 10-storey building', 10, 'storeys'],
    ['a 12-member panel', 12, 'members'],
    ['a three-man crew', 3, 'men'],
    ['a 20-inch screen', 20, 'inches'],
    ['a 400-strong force', 400, 'force'],
    ['a 5-km run', 5, 'km'],
    ['a 12-party coalition', 12, 'parties'],
  ])('%s counts %d %s', (text, value, unit) => expectReading(text, { figureKind: 'count', value: number(value), unit }));

  it('names the noun it describes in the note', () => {
    expect(parseFigure('131-page report').note).toMatch(/"report"/);
    expect(parseFigure('131-page').note).toBe('');
  });

  it('reads "40-odd" as about 40, and leaves ranges and ratios with hyphens as they were', () => {
    expectReading('40-odd people', { figureKind: 'count', value: number(40), qualifier: 'about', unit: 'people' });
    expectReading('10-20', { figureKind: 'count', value: range(10, 20) });
    expectReading('3-to-1', { figureKind: 'ratio', value: number(3) });
    expectReading('400-plus', { figureKind: 'count', value: number(400), qualifier: 'at_least' });
  });
});

describe('parseFigure: times of day', () => {
  it.each<[string, string]>([
    ['6:00am', '06:00'],
    ['6:00 am', '06:00'],
    ['6am', '06:00'],
    ['6 a.m.', '06:00'],
    ['10:30 am', '10:30'],
    ['10:30 p.m.', '22:30'],
    ['6.30pm', '18:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['18:30', '18:30'],
    ['06:00', '06:00'],
    ['18:30:15', '18:30:15'],
    ['06:00 GMT', '06:00Z'],
    ['6am UTC', '06:00Z'],
    ['at 6am', '06:00'],
    ['noon', '12:00'],
    ['midnight', '00:00'],
  ])('%s is %s', (text, iso) => expectReading(text, { figureKind: 'date', value: time(iso) }));

  it('reads a one-digit hour without am or pm with less confidence, and keeps ratios', () => {
    const parsed = parseFigure('2:30');
    expect(parsed).toMatchObject({ understood: true, value: time('02:30') });
    expect(parsed.confidence).toBeLessThan(1);
    expect(parsed.note).toMatch(/time of day/);
    expectReading('3:1', { figureKind: 'ratio', value: number(3) });
  });

  it('refuses hours and minutes that do not exist, and keeps the qualifier', () => {
    for (const text of ['25:00', '13pm', '0am', '6:75']) expect(parseFigure(text).value?.type, text).not.toBe('time');
    expectReading('about 6am', { figureKind: 'date', value: time('06:00'), qualifier: 'about' });
  });
});

describe('parseFigure: vague amounts say they are estimates', () => {
  it.each([['several dozen', '36'], ['tens of thousands of people', '30000'], ['a few hundred', '300']])('%s', (text, value) => {
    const { note } = parseFigure(text);
    expect(note).toMatch(/estimate/i);
    expect(note).toContain(`"${text.replace(' of people', '')}"`);
    expect(note).toContain(`(${value})`);
  });

  it('says nothing of an estimate for an exact number', () => {
    expect(parseFigure('36 people').note).toBe('');
  });
});

describe('readFigure: values the markup gives', () => {
  const examples: [string, ParsedFigure['value'], string | null, ParsedFigure['qualifier']][] = [
    ['£3.5m', number(3500000), 'GBP', 'exactly'],
    ['two', number(2), null, 'exactly'],
    ['$1.5bn', number(1500000000), 'USD', 'exactly'],
    ['more than 1,100', number(1100), null, 'more_than'],
  ];

  it.each(examples)('reads %s from the words alone as parseFigure does', (words, value, currency, qualifier) => {
    expect(readFigure(words)).toEqual(parseFigure(words));
    expect(readFigure(words)).toMatchObject({ value, currency, qualifier, understood: true });
  });

  it.each(examples)('gives %s the same value when the markup carries it', (words, value, currency, qualifier) => {
    const amount = value?.type === 'number' ? value.value : NaN;
    const read = readFigure(words, { value: amount, ...(currency ? { currency } : {}) });
    expect(read).toMatchObject({ value, currency, qualifier, understood: true, confidence: 1, note: '' });
    expect(read.figureKind).toBe(parseFigure(words).figureKind);
  });

  it('lets the given value, unit and currency win, keeping the qualifier from the words', () => {
    const read = readFigure('more than 3.5', { value: 3500000, currency: 'gbp', unit: 'in aid' });
    expect(read).toMatchObject({ figureKind: 'money', value: number(3500000), currency: 'GBP', unit: 'in aid', qualifier: 'more_than', understood: true });
    expect(read.note).toMatch(/3500000.*3\.5/);
  });

  it('reads the words with the separators given', () => {
    const european = readFigure('1.100,5', { decimalSeparator: ',', thousandsSeparator: '.' });
    expect(european).toMatchObject({ figureKind: 'count', value: number(1100.5), understood: true });
    expect(readFigure('1.100,5 euros', { decimalSeparator: ',' })).toMatchObject({ figureKind: 'money', value: number(1100.5), currency: 'EUR' });
    expect(readFigure('2.016', { thousandsSeparator: '.' })).toMatchObject({ figureKind: 'count', value: number(2016) });
    expect(readFigure('1 100 500', { thousandsSeparator: ' ', decimalSeparator: ',' }).value).toEqual(number(1100500));
    // Without separators given, "1.100,5" is not a number the parser can trust.
    expect(parseFigure('1.100,5').value).not.toEqual(number(1100.5));
  });

  it('gives a number to words it cannot read, and a count to a number the words read as a year', () => {
    expect(readFigure('Hammuriyeh', { value: 12 })).toMatchObject({ figureKind: 'count', value: number(12), understood: true });
    expect(readFigure('2016', { value: 2016 })).toMatchObject({ figureKind: 'count', value: number(2016) });
    expect(readFigure('a sum', { currency: 'EUR' })).toMatchObject({ figureKind: 'money', value: null, currency: 'EUR', understood: false });
  });

  it('keeps the reading of the words when the markup gives only a unit or a currency', () => {
    expect(readFigure('April 6, 2017', { unit: 'day of the strike' })).toMatchObject({ figureKind: 'date', value: date('2017-04-06'), unit: 'day of the strike' });
    expect(readFigure('3.5 million', { currency: 'GBP' })).toMatchObject({ figureKind: 'money', value: number(3500000), currency: 'GBP', understood: true });
  });

  it('makes a figure whose unit is a percent sign or word a percentage', () => {
    for (const unit of ['%', 'percent', 'per cent', 'pct']) {
      expect(readFigure('12.5', { unit }), unit).toMatchObject({ figureKind: 'percent', value: number(12.5), unit: '' });
    }
    expect(readFigure('12.5%', { value: 12.5, unit: '%' })).toEqual(parseFigure('12.5%'));
    expect(readFigure('3', { unit: 'percentage points' })).toMatchObject({ figureKind: 'count', unit: 'percentage points' });
  });

  it.each<[string, string, ParsedFigure['figureKind'], FigureValue]>([
    ['April 6, 2017', '2017-04-06', 'date', date('2017-04-06')],
    ['April 6, 2017', '20170406', 'date', date('2017-04-06')],
    ['on Sunday', '2018-03-11T06:00:00', 'date', date('2018-03-11')],
    ['December 2016', '2016-12', 'date', date('2016-12')],
    ['from 2004 to 2009', '2004/2009', 'date', dateRange('2004/2009')],
    ['that week', '20170403/20170409', 'date', dateRange('2017-04-03/2017-04-09')],
    ['6am', 'T06:00Z', 'date', time('06:00Z')],
    ['at dawn', '05:30', 'date', time('05:30')],
    ['three weeks', 'P3W', 'duration', duration('P3W')],
  ])('gives "%s" the ISO value %s from the markup', (words, iso, figureKind, value) => {
    expect(readFigure(words, { iso })).toMatchObject({ figureKind, value, understood: true, confidence: 1 });
  });

  it('says when the markup and the words disagree, and ignores an ISO value that is not one', () => {
    expect(readFigure('April 6, 2017', { iso: '2017-04-07' }).note).toBe('The markup gives 2017-04-07; the words read 2017-04-06.');
    expect(readFigure('April 6, 2017', { iso: '2017-04-06' }).note).toBe('');
    for (const iso of ['soon', '2017-02-30', '2017-13', '2009/2004', '25:00']) expect(readFigure('April 6, 2017', { iso }), iso).toEqual(parseFigure('April 6, 2017'));
  });

  it('ignores a value that is not a finite number and a currency that is not a code', () => {
    expect(readFigure('52', { value: Number.NaN, currency: 'euro' })).toEqual(parseFigure('52'));
  });
});

describe('proposedFigureFields', () => {
  it('lays the proposal over the current fields, keeping verification and source note', () => {
    const fields = proposedFigureFields('more than 1,100 civilians', {
      figureKind: null, value: null, qualifier: 'exactly', unit: '', currency: null, verification: 'verified', sourceNote: 'SOHR',
    });
    expect(fields).toEqual({
      figureKind: 'count', value: number(1100), qualifier: 'more_than', unit: 'civilians', currency: null, verification: 'verified', sourceNote: 'SOHR',
    });
  });

  it('leaves the value empty for text it cannot read', () => {
    expect(proposedFigureFields('Hammuriyeh')).toMatchObject({ figureKind: null, value: null, verification: 'unchecked' });
  });
});
