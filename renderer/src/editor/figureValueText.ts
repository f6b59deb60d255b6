import { figureValueSchema, type FigureValue } from '../../../common/annotation';

/** How a normalised figure value is written in the inspector's Value field. */
export function formatFigureValue(value: FigureValue | null): string {
  if (!value) return '';
  switch (value.type) {
    case 'number':
      return String(value.value);
    case 'range':
      return `${value.min}–${value.max}`;
    case 'date':
    case 'duration':
      return value.iso;
  }
}

/** Reads the Value field back: a number, a range "a–b", an ISO date or an ISO duration; empty clears it. */
export function parseFigureValueText(text: string): { ok: true; value: FigureValue | null } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { ok: true, value: null };
  const range = /^(-?\d+(?:\.\d+)?)\s*[-–—]\s*(-?\d+(?:\.\d+)?)$/.exec(trimmed);
  const candidate: unknown = /^-?\d+(\.\d+)?$/.test(trimmed)
    ? { type: 'number', value: Number(trimmed) }
    : range
      ? { type: 'range', min: Number(range[1]), max: Number(range[2]) }
      : /^P/i.test(trimmed)
        ? { type: 'duration', iso: trimmed.toUpperCase() }
        : { type: 'date', iso: trimmed };
  const parsed = figureValueSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: 'Write a number (1100), a range (10–20), an ISO date (2018-03-07) or an ISO duration (P3W).' };
}
