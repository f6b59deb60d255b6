/**
 * Offsets that leave the app count Unicode code points of the exported plain text (what brat, spaCy and
 * the W3C model expect); JavaScript strings count UTF-16 code units. These convert between the two.
 */

/** The code-point offset of a UTF-16 offset into `text`. */
export function utf16ToCodePointOffset(text: string, utf16Offset: number): number {
  let codePoints = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate after a high one completes a code point already counted.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    codePoints++;
  }
  return codePoints;
}

/** The UTF-16 offset of a code-point offset into `text`. */
export function codePointToUtf16Offset(text: string, codePointOffset: number): number {
  let utf16 = 0;
  let codePoints = 0;
  while (codePoints < codePointOffset && utf16 < text.length) {
    const unit = text.charCodeAt(utf16);
    const isPair = unit >= 0xd800 && unit <= 0xdbff && utf16 + 1 < text.length &&
      text.charCodeAt(utf16 + 1) >= 0xdc00 && text.charCodeAt(utf16 + 1) <= 0xdfff;
    utf16 += isPair ? 2 : 1;
    codePoints++;
  }
  return utf16;
}

/**
 * Converts many ascending-or-not UTF-16 offsets of one text at once, in one pass over the text,
 * for exporters that convert thousands of spans.
 */
export function codePointOffsetTable(text: string): (utf16Offset: number) => number {
  const table = new Uint32Array(text.length + 1);
  let codePoints = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = codePoints;
    const unit = text.charCodeAt(i);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (isHighSurrogate) {
      table[i + 1] = codePoints;
      i++;
    }
    codePoints++;
  }
  table[text.length] = codePoints;
  return (utf16Offset) => table[Math.max(0, Math.min(utf16Offset, text.length))]!;
}

/** The number of code points in `text`. */
export function codePointLength(text: string): number {
  return utf16ToCodePointOffset(text, text.length);
}

/**
 * The reverse of codePointOffsetTable: converts many code-point offsets of one text to UTF-16 offsets, after
 * one pass over the text, for importers that place thousands of exported spans.
 */
export function utf16OffsetTable(text: string): (codePointOffset: number) => number {
  const table: number[] = [];
  for (let i = 0; i < text.length; i++) {
    table.push(i);
    const unit = text.charCodeAt(i);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (isHighSurrogate) i++;
  }
  table.push(text.length);
  return (codePointOffset) => table[Math.max(0, Math.min(codePointOffset, table.length - 1))]!;
}
