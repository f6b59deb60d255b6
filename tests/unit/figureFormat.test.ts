import { describe, expect, it } from 'vitest';
import { emptyFigureFields, type FigureAnnotation, type FigureFields } from '../../common/model/annotation';
import { figureForPeople, figureRawValue, figureValueForPeople, isoDurationForPeople } from '../../common/model/figureFormat';
import { proposedFigureFields } from '../../common/model/figureReader';
import { figureWithVerdict } from '../../common/model/figureVerification';

// What a fact-checker sees for the words of a tagged figure, read by the app's own reader.
const shown = (words: string) => figureForPeople(proposedFigureFields(words));
const raw = (words: string) => figureRawValue(proposedFigureFields(words));

describe('figures formatted for people', () => {
  it('groups digits and writes money with its currency', () => {
    expect(shown('422,000 euros')).toBe('€422,000');
    expect(raw('422,000 euros')).toBe('422000 EUR');
    expect(shown('3.5 million dollars')).toBe('$3,500,000');
    expect(shown('£30m')).toBe('£30,000,000');
    expect(shown('more than 1,100 civilians')).toBe('more than 1,100');
    expect(figureValueForPeople({ type: 'number', value: 1500 }, 'money', 'XYZ')).toBe('XYZ\u00a01,500');
  });

  it('writes percentages, ranges and ratios', () => {
    expect(shown('45%')).toBe('45%');
    expect(shown('between 24 and 96 hours')).toBe('24–96');
    expect(shown('up to 3.5 million dollars')).toBe('up to $3,500,000');
    expect(shown('two-thirds')).toBe('66.67%');
    expect(shown('one in five')).toBe('1 in 5');
    expect(figureValueForPeople({ type: 'range', min: 1000, max: 2500 }, 'count', null)).toBe('1,000–2,500');
    expect(figureValueForPeople({ type: 'range', min: 1000, max: 2500 }, 'money', 'USD')).toBe('$1,000–$2,500');
    expect(figureValueForPeople({ type: 'number', value: 0.2 }, 'ratio', null)).toBe('1 in 5');
    expect(figureValueForPeople({ type: 'number', value: 3 }, 'ratio', null)).toBe('3:1');
  });

  it('writes dates, ranges of dates, times and durations in words', () => {
    expect(shown('April 6, 2017')).toBe('6 April 2017');
    expect(figureValueForPeople({ type: 'date', iso: '2017-04' }, 'date', null)).toBe('April 2017');
    expect(figureValueForPeople({ type: 'date_range', iso: '2017-04-06/2017-04-07' }, 'date', null)).toBe('6–7 April 2017');
    expect(figureValueForPeople({ type: 'date_range', iso: '2009-03/2009-06' }, 'date', null)).toBe('March to June 2009');
    expect(figureValueForPeople({ type: 'date_range', iso: '2004/2009' }, 'date', null)).toBe('2004 to 2009');
    expect(figureValueForPeople({ type: 'time', iso: '06:00Z' }, 'date', null)).toBe('06:00 UTC');
    expect(shown('three weeks')).toBe('3 weeks');
    expect(isoDurationForPeople('P1Y6M')).toBe('1 year, 6 months');
    expect(isoDurationForPeople('P2.5Y')).toBe('2.5 years');
    expect(isoDurationForPeople('PT6H30M')).toBe('6 hours, 30 minutes');
    expect(figureForPeople(emptyFigureFields())).toBe('no value');
    expect(figureRawValue(emptyFigureFields())).toBe('none');
  });
});

function figure(fields: Partial<FigureFields>, rest: Partial<FigureAnnotation> = {}): FigureAnnotation {
  return {
    id: 'fig',
    kind: 'figure',
    status: 'accepted',
    author: 'desk',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    note: '',
    quote: '52 civilians',
    figure: { ...proposedFigureFields('52 civilians'), ...fields },
    ...rest,
  };
}
const now = '2026-11-30T10:00:00.000Z';

describe('a verdict on a figure', () => {
  it('sets the verification and the trimmed note, and the time of change', () => {
    const result = figureWithVerdict(figure({}), { verification: 'verified', sourceNote: '  UN OCHA report, 7 March  ' }, now);
    expect(result).toMatchObject({ ok: true, unchanged: false, record: { updatedAt: now, figure: { verification: 'verified', sourceNote: 'UN OCHA report, 7 March' } } });
  });

  it('refuses a dispute without a note, and a suggestion', () => {
    expect(figureWithVerdict(figure({}), { verification: 'disputed', sourceNote: ' ' }, now)).toEqual({ ok: false, reason: 'Say why the figure is disputed in its source note.' });
    expect(figureWithVerdict(figure({}, { status: 'suggested' }), { verification: 'verified', sourceNote: '' }, now).ok).toBe(false);
  });

  it('settles a review of a changed number, and leaves other reviews to the editor', () => {
    const changed = figure({}, { status: 'needs_review', review: { reason: 'figure_changed', detail: '52 → 62' } });
    expect(figureWithVerdict(changed, { verification: 'verified', sourceNote: 'Monitor' }, now)).toMatchObject({ ok: true, record: { status: 'accepted', review: null } });
    const deleted = figure({}, { status: 'needs_review', review: { reason: 'words_deleted', detail: '52' } });
    expect(figureWithVerdict(deleted, { verification: 'verified', sourceNote: 'Monitor' }, now)).toMatchObject({ ok: true, record: { status: 'needs_review' } });
  });

  it('says when nothing changes, so no revision is written', () => {
    const checked = figure({ verification: 'verified', sourceNote: 'Monitor' });
    expect(figureWithVerdict(checked, { verification: 'verified', sourceNote: 'Monitor ' }, now)).toEqual({ ok: true, record: checked, unchanged: true });
  });
});
