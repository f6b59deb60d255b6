import { figureValueSchema, labels, type AttributionSpeaker, type FigureFields, type FigureValue } from './annotation';

/**
 * Annotation fields as short plain text, the same words in every export meant for people (NITF attributes,
 * W3C describing bodies, CSV cells, HTML titles) and in the editor's inspector and lists.
 */

/** Who an attribution quotes, in words: the entity's name or the anonymous description; empty when unknown. */
export function speakerName(speaker: AttributionSpeaker | null): string {
  if (!speaker) return '';
  return speaker.type === 'entity' ? speaker.name.trim() : speaker.description.trim();
}

/** A figure's normalised value as text: "400000", "24–96", "2017-04-06", "2004/2009", "06:00", "P3W"; empty when not known. */
export function figureValueText(value: FigureValue | null): string {
  if (!value) return '';
  switch (value.type) {
    case 'number':
      return String(value.value);
    case 'range':
      return `${value.min}–${value.max}`;
    case 'date':
    case 'date_range':
    case 'time':
    case 'duration':
      return value.iso;
  }
}

/** A figure in one line: "more than 1100 civilians killed (EUR)"; the qualifier "exactly" goes unsaid. */
export function figureSummary(fields: FigureFields): string {
  const qualifier = fields.qualifier === 'exactly' ? '' : labels[fields.qualifier];
  const parts = [qualifier, figureValueText(fields.value), fields.unit.trim(), fields.currency ? `(${fields.currency})` : ''];
  return parts.filter(Boolean).join(' ');
}

/**
 * Reads a value written as figureValueText writes it: a number, a range "a–b", an ISO date, a range of dates
 * "a/b", a time of day "hh:mm" or an ISO duration; empty clears it.
 */
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
        : trimmed.includes('/')
          ? { type: 'date_range', iso: trimmed.replace(/\s+/g, '') }
          : trimmed.includes(':')
            ? { type: 'time', iso: trimmed.toUpperCase().replace(/^(\d):/, '0$1:') }
            : { type: 'date', iso: trimmed };
  const parsed = figureValueSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: 'Write a number (1100), a range (10–20), an ISO date (2018-03-07), a range of dates (2004/2009), a time (06:00) or an ISO duration (P3W).' };
}
