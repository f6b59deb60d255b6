import { labels, type AttributionSpeaker, type FigureFields, type FigureValue } from '../../common/annotation';

/**
 * Annotation fields as short plain text, the same words in every export meant for people
 * (NITF attributes, W3C describing bodies, CSV cells, HTML titles).
 */

/** Who an attribution quotes, in words: the entity's name or the anonymous description; empty when unknown. */
export function speakerName(speaker: AttributionSpeaker | null): string {
  if (!speaker) return '';
  return speaker.type === 'entity' ? speaker.name.trim() : speaker.description.trim();
}

/** A figure's normalised value as text: "400000", "24–96", "2017-04-06", "P3W"; empty when not known. */
export function figureValueText(value: FigureValue | null): string {
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

/** A figure in one line: "more than 1100 civilians killed (EUR)"; the qualifier "exactly" goes unsaid. */
export function figureSummary(fields: FigureFields): string {
  const qualifier = fields.qualifier === 'exactly' ? '' : labels[fields.qualifier];
  const parts = [qualifier, figureValueText(fields.value), fields.unit.trim(), fields.currency ? `(${fields.currency})` : ''];
  return parts.filter(Boolean).join(' ');
}
