/**
 * A reader of brat standoff files that follows brat's own parser (server/src/annotation.py, classes
 * Annotations and TextAnnotations) line by line, strictly: wherever brat logs an error, repairs a line or
 * keeps it as an unparsed annotation, this reader records an error. Lengths and offsets count code points,
 * as brat's Python strings do.
 */

/** A text-bound annotation (T line). */
export interface BratTextBound {
  id: string;
  type: string;
  spans: Array<[start: number, end: number]>;
  text: string;
}

/** A relation (R line). */
export interface BratRelation {
  id: string;
  type: string;
  arg1: { role: string; target: string };
  arg2: { role: string; target: string };
}

/** An attribute (A or M line); binary attributes have the value `true`. */
export interface BratAttribute {
  id: string;
  type: string;
  target: string;
  value: string | true;
}

/** A normalisation (N line). */
export interface BratNormalisation {
  id: string;
  type: string;
  target: string;
  refDb: string;
  refId: string;
  tail: string;
}

/** A comment (# line), such as AnnotatorNotes. */
export interface BratComment {
  id: string;
  type: string;
  target: string;
  text: string;
}

/** Everything read from one .ann file, with every error brat would report. */
export interface BratDocument {
  text: string;
  textBound: Map<string, BratTextBound>;
  relations: BratRelation[];
  attributes: BratAttribute[];
  normalisations: BratNormalisation[];
  comments: BratComment[];
  errors: string[];
}

// Python's str.isspace() and regex \s for str: JavaScript's \s plus the separators \x1c-\x1f and NEL.
const pyWhitespaceClass = '\\s\\x1c-\\x1f\\x85';
const pyWhitespace = new RegExp(`[${pyWhitespaceClass}]`, 'u');
const pyWhitespaceRuns = new RegExp(`[${pyWhitespaceClass}]+`, 'u');

/** Python's str.strip() with no argument. */
function pyStrip(text: string): string {
  return text.replace(new RegExp(`^[${pyWhitespaceClass}]+|[${pyWhitespaceClass}]+$`, 'gu'), '');
}

/** Python's str.split() with no argument: split on runs of whitespace, no empty strings. */
function pySplit(text: string): string[] {
  return pyStrip(text).split(pyWhitespaceRuns).filter((part) => part !== '');
}

/**
 * Lines as brat iterates an .ann file: Python 2's codecs reader splits with str.splitlines(), which ends a
 * line at any of these characters (Python 3's text files end lines at LF, CR LF and CR only; this is the
 * stricter of the two). Line ends are dropped.
 */
export function pythonLines(content: string): string[] {
  const lines = content.split(/\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/);
  // A final line end does not start another line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The text of a .txt file as brat reads it: universal newlines turn CR LF and CR into LF. */
export function pythonText(content: string): string {
  return content.replace(/\r\n?/g, '\n');
}

const idPattern = /^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$/s;

function isValidId(id: string): boolean {
  return id === '*' || idPattern.test(id);
}

/** Python's int() of a string: optional whitespace and sign around decimal digits. */
function pyInt(text: string): number | null {
  const match = /^[\s]*([+-]?\d+)[\s]*$/.exec(text);
  return match ? Number(match[1]) : null;
}

class LineError extends Error {}

/** Reads an .ann file against its .txt file exactly as brat's TextAnnotations would. */
export function readBrat(txtContent: string, annContent: string): BratDocument {
  const text = pythonText(txtContent);
  const textCodePoints = Array.from(text);
  const doc: BratDocument = { text, textBound: new Map(), relations: [], attributes: [], normalisations: [], comments: [], errors: [] };
  const seenIds = new Set<string>();
  const references: Array<{ from: string; to: string }> = [];

  pythonLines(annContent).forEach((line, index) => {
    const lineNumber = index + 1;
    const fail = (why: string): never => {
      throw new LineError(`line ${lineNumber} (${JSON.stringify(line)}): ${why}`);
    };
    try {
      const firstTab = line.indexOf('\t');
      if (firstTab < 0) fail('no tab after the id');
      const id = line.slice(0, firstTab);
      const idTail = line.slice(firstTab + 1);
      const prefix = /^[^0-9]*/.exec(id)![0];
      if (prefix === '') fail(`invalid id ${id}`);
      if (seenIds.has(id) && prefix !== '*') fail(`duplicate id ${id}`);
      if (!isValidId(id)) fail(`invalid id ${id}`);
      const secondTab = idTail.indexOf('\t');
      const data = secondTab < 0 ? idTail : idTail.slice(0, secondTab);
      const dataTail = secondTab < 0 ? '' : idTail.slice(secondTab);
      switch (prefix[0]) {
        case 'T': {
          const bound = parseTextBound(id, data, dataTail, textCodePoints, fail);
          doc.textBound.set(id, bound);
          break;
        }
        case 'A':
        case 'M': {
          let match = /^(.+?) (.+?) (.+?)$/su.exec(data);
          let value: string | true;
          let type: string;
          let target: string;
          if (match) {
            [, type, target, value] = match as unknown as [string, string, string, string];
          } else {
            match = /^(.+?) (.+?)$/su.exec(data);
            if (!match) fail('attribute without type and target');
            [, type, target] = match as unknown as [string, string, string];
            value = true;
          }
          if (!idPattern.test(target)) fail(`attribute target ${target} is not an id`);
          doc.attributes.push({ id, type, target, value });
          references.push({ from: id, to: target });
          break;
        }
        case 'N': {
          const match = new RegExp(`^([^${pyWhitespaceClass}]+) ([^${pyWhitespaceClass}]+) ([^${pyWhitespaceClass}]+?):([^${pyWhitespaceClass}]+)`, 'u').exec(data);
          if (!match) fail('normalisation does not read "TYPE TARGET DB:ID"');
          const [, type, target, refDb, refId] = match as unknown as [string, string, string, string, string];
          doc.normalisations.push({ id, type, target, refDb, refId, tail: dataTail.replace(/^\t/, '') });
          references.push({ from: id, to: target });
          break;
        }
        case 'R': {
          const space = data.indexOf(' ');
          if (space < 0) fail('relation with only a type');
          const type = data.slice(0, space);
          const args = pySplit(data.slice(space)).map((arg) => arg.split(':'));
          if (args.length !== 2) fail('relation must have exactly two arguments');
          if (args[0]![0] === args[1]![0]) fail('relation arguments must not be identical');
          if (args.some((arg) => arg.length !== 2)) fail('relation argument is not ROLE:ID');
          const [[role1, target1], [role2, target2]] = args as [[string, string], [string, string]];
          doc.relations.push({ id, type, arg1: { role: role1, target: target1 }, arg2: { role: role2, target: target2 } });
          references.push({ from: id, to: target1 }, { from: id, to: target2 });
          break;
        }
        case '#': {
          const parts = pySplit(data);
          if (parts.length !== 2) fail('comment must read "TYPE TARGET"');
          const [type, target] = parts as [string, string];
          doc.comments.push({ id, type, target, text: dataTail.replace(/^\t/, '') });
          references.push({ from: id, to: target });
          break;
        }
        case '*':
        case 'E':
          // Equivalences and events are never written by our exporter.
          fail(`unexpected annotation kind ${prefix}`);
          break;
        default:
          fail(`unknown id prefix ${prefix}`);
      }
      seenIds.add(id);
    } catch (error) {
      if (error instanceof LineError) doc.errors.push(error.message);
      else throw error;
    }
  });

  // brat's _sanity(): every referenced id must be defined.
  for (const { from, to } of references) {
    if (!seenIds.has(to)) doc.errors.push(`ID ${to} not defined, referenced from annotation ${from}`);
  }
  return doc;
}

/** A T line as TextAnnotations._parse_textbound_annotation reads it. */
function parseTextBound(id: string, data: string, dataTail: string, text: readonly string[], fail: (why: string) => never): BratTextBound {
  const space = data.indexOf(' ');
  if (space < 0) fail('text-bound annotation without offsets');
  const type = data.slice(0, space);
  const spans: Array<[number, number]> = [];
  for (const spanText of data.slice(space + 1).split(';')) {
    const parts = splitMax(spanText, ' ', 2);
    if (parts.length !== 2) fail(`offsets "${spanText}" are not "START END"`);
    const endText = parts[1]!.replace(/[\s]+$/u, '');
    if (pyWhitespace.test(endText)) fail('space inside offsets (a space instead of a tab?)');
    const start = pyInt(parts[0]!);
    const end = pyInt(endText);
    if (start === null || end === null) fail(`offsets "${spanText}" are not integers`);
    spans.push([start!, end!]);
  }
  const seen: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    if (start > end) fail('text-bound annotation start > end');
    if (start < 0) fail('text-bound annotation start < 0');
    if (end > text.length) fail('text-bound annotation offset exceeds text length');
    for (const [otherStart, otherEnd] of seen) {
      if (end >= otherStart && start < otherEnd) fail('text-bound annotation spans overlap');
    }
    seen.push([start, end]);
  }
  const tail = Array.from(dataTail);
  const spanLength = spans.reduce((sum, [start, end]) => sum + end - start, 0) + (spans.length - 1);
  // brat "fills" a missing text from the document and rewrites the file: a defect in an export.
  if (pyStrip(dataTail) === '' && spanLength > 0) fail('text-bound annotation without its text');
  if (pyStrip(dataTail) !== '' && tail[0] !== '\t') fail('no tab before the text');
  if (spanLength > tail.length - 1) fail('text shorter than the marked spans');
  const lineText = tail.slice(1, spanLength + 1).join('');
  const rest = tail.slice(spanLength + 1);
  const reference = spans.map(([start, end]) => text.slice(start, end).join('')).join(' ');
  if (lineText !== reference) fail(`text ${JSON.stringify(lineText)} does not match the document text ${JSON.stringify(reference)}`);
  if (rest.length > 0 && !pyWhitespace.test(rest[0]!)) fail('text not separated from the rest of the line by a space');
  return { id, type, spans, text: lineText };
}

/** Python's str.split(separator, maxsplit). */
function splitMax(text: string, separator: string, maxSplit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < maxSplit) {
    const at = rest.indexOf(separator);
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + separator.length);
  }
  parts.push(rest);
  return parts;
}
