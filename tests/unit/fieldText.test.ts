import { describe, expect, it } from 'vitest';
import { figureValueText, parseFigureValueText } from '../../common/model/fieldText';
import type { FigureValue } from '../../common/model/annotation';

describe('figure values as text', () => {
  it.each<[FigureValue, string]>([
    [{ type: 'number', value: 1100 }, '1100'],
    [{ type: 'range', min: 10, max: 20 }, '10–20'],
    [{ type: 'date', iso: '2017-04-06' }, '2017-04-06'],
    [{ type: 'date_range', iso: '2004/2009' }, '2004/2009'],
    [{ type: 'date_range', iso: '2017-04-06/2017-04-07' }, '2017-04-06/2017-04-07'],
    [{ type: 'time', iso: '06:00' }, '06:00'],
    [{ type: 'time', iso: '18:30Z' }, '18:30Z'],
    [{ type: 'duration', iso: 'P3W' }, 'P3W'],
  ])('writes %j as %s and reads it back', (value, text) => {
    expect(figureValueText(value)).toBe(text);
    expect(parseFigureValueText(text)).toEqual({ ok: true, value });
  });

  it('reads a time with a one-digit hour and refuses what is not a value', () => {
    expect(parseFigureValueText('6:00')).toEqual({ ok: true, value: { type: 'time', iso: '06:00' } });
    for (const text of ['25:00', '2009/', 'soon']) expect(parseFigureValueText(text).ok, text).toBe(false);
  });
});
