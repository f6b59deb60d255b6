import type { EntityType } from './model/annotation';

/**
 * The colours of the app's highlights, defined once: the editor's style sheet reads them as CSS custom properties
 * that the renderer sets from this table at start-up (renderer/src/highlightColours.ts), and the HTML export
 * writes its style sheet from it, so an exported page shows each kind of tag in the colour the editor does.
 */

/** What is highlighted in its own colour: each entity type, figures, attributions and their cues. */
export type HighlightName = EntityType | 'figure' | 'attribution' | 'cue';

/** One highlight's colour (red, green, blue, 0-255) and the opacities of its tint and of its underline. */
export interface HighlightColour {
  rgb: readonly [number, number, number];
  tint: number;
  line: number;
}

/** Each highlight's colour, tint and underline: the one definition the editor and the HTML export share. */
export const highlightColours: Record<HighlightName, HighlightColour> = {
  person: { rgb: [59, 130, 246], tint: 0.18, line: 0.7 },
  organisation: { rgb: [147, 51, 234], tint: 0.16, line: 0.7 },
  place: { rgb: [22, 163, 74], tint: 0.16, line: 0.7 },
  event: { rgb: [234, 88, 12], tint: 0.16, line: 0.7 },
  other: { rgb: [100, 116, 139], tint: 0.16, line: 0.7 },
  figure: { rgb: [202, 138, 4], tint: 0.22, line: 0.9 },
  // Attributions are long and hold other tags: a faint tint keeps the tags inside them readable.
  attribution: { rgb: [13, 148, 136], tint: 0.07, line: 0.8 },
  cue: { rgb: [220, 38, 38], tint: 0, line: 1 },
};

/** A highlight's colour at an opacity, as CSS: `rgba(59, 130, 246, 0.18)`. */
export function highlightRgba(name: HighlightName, alpha: number): string {
  return `rgba(${highlightColours[name].rgb.join(', ')}, ${alpha})`;
}

/**
 * The CSS custom properties that carry the highlight colours: `--person` as "59, 130, 246" (for rgba(var(--person), a)),
 * `--person-tint` and `--person-line` as the highlight's background and underline colours.
 */
export function highlightCustomProperties(): Array<[property: string, value: string]> {
  return (Object.keys(highlightColours) as HighlightName[]).flatMap((name): Array<[string, string]> => {
    const { rgb, tint, line } = highlightColours[name];
    return [
      [`--${name}`, rgb.join(', ')],
      [`--${name}-tint`, highlightRgba(name, tint)],
      [`--${name}-line`, highlightRgba(name, line)],
    ];
  });
}
