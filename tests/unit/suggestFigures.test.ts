import { describe, expect, it } from 'vitest';
import { suggestAnnotations, type FigureSuggestion } from '../../common/suggestions';

function figures(text: string): FigureSuggestion[] {
  return suggestAnnotations({ blocks: [{ text, type: 'paragraph' }] }, { kinds: ['figure'] }).figures;
}

describe('figure suggestions', () => {
  it('takes a count with its qualifier, and proposes what is counted through the figure reader', () => {
    const [figure] = figures('Aid reached more than 400,000 people in the valley.');
    expect(figure!.text).toBe('more than 400,000');
    expect(figure!.figure).toMatchObject({ figureKind: 'count', value: { type: 'number', value: 400000 }, qualifier: 'more_than', unit: 'people' });
  });

  it('reads money with its scale, percentages and dates', () => {
    const found = figures('On July 21, 2017, the fund paid $1.5 billion, 45% of its budget.');
    expect(found.map((figure) => figure.text)).toEqual(['July 21, 2017', '$1.5 billion', '45%']);
    expect(found[0]!.figure.value).toEqual({ type: 'date', iso: '2017-07-21' });
    expect(found[1]!.figure).toMatchObject({ figureKind: 'money', currency: 'USD', value: { type: 'number', value: 1500000000 } });
    expect(found[2]!.figure).toMatchObject({ figureKind: 'percent', value: { type: 'number', value: 45 } });
  });

  it('takes numbers written in words and durations', () => {
    const found = figures('Three boats sank after two weeks at sea.');
    expect(found.map((figure) => figure.text)).toEqual(['Three', 'two weeks']);
    expect(found[1]!.figure).toMatchObject({ figureKind: 'duration', value: { type: 'duration', iso: 'P2W' } });
  });

  it('takes relative days the model leaves out as dates', () => {
    const found = figures('The fair runs this weekend and closes tonight.');
    expect(found.map((figure) => [figure.text, figure.figure.figureKind])).toEqual([
      ['this weekend', 'date'],
      ['tonight', 'date'],
    ]);
  });

  it('takes "tens of thousands" whole, read by the figure reader', () => {
    const [figure] = figures('Tens of thousands of teachers marched.');
    expect(figure!.text).toBe('Tens of thousands');
    expect(figure!.figure).toMatchObject({ value: { type: 'number', value: 30000 }, qualifier: 'several', unit: 'teachers' });
  });

  it('does not take "no one" for a count', () => {
    expect(figures('No one was hurt, and no one was arrested.')).toEqual([]);
  });
});
