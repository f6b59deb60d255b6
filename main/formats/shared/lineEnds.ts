/**
 * Line ends as readers of text files see them. Python (brat) opens text with universal newlines and HTML
 * parsers preprocess their input the same way: CR LF and a lone CR both become LF. A format read that way
 * must carry LF only, or every offset after the first CR LF would be off by one for its reader.
 */

/** A text with CR LF and lone CR turned into LF, and a map from offsets in the original to offsets in it. */
export interface NormalisedText {
  text: string;
  // Maps a UTF-16 offset into the original text to the UTF-16 offset of the same place in `text`.
  mapOffset(utf16Offset: number): number;
}

/** Turns CR LF and lone CR into LF, keeping a map of offsets; a text without CR is returned as it is. */
export function normaliseLineEnds(original: string): NormalisedText {
  if (!original.includes('\r')) return { text: original, mapOffset: (offset) => offset };
  // removedBefore[i] counts the CRs dropped before original offset i (the CR of each CR LF pair).
  const removedBefore = new Uint32Array(original.length + 1);
  let removed = 0;
  let text = '';
  for (let i = 0; i < original.length; i++) {
    removedBefore[i] = removed;
    const char = original[i]!;
    if (char === '\r') {
      if (original[i + 1] === '\n') {
        removed++;
        continue;
      }
      text += '\n';
      continue;
    }
    text += char;
  }
  removedBefore[original.length] = removed;
  return {
    text,
    mapOffset: (offset) => {
      const clamped = Math.max(0, Math.min(offset, original.length));
      return clamped - removedBefore[clamped]!;
    },
  };
}
