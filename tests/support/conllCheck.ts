/**
 * A conlleval-style well-formedness check of a two-column CoNLL IOB2 file, and a reader of its chunks.
 * conlleval splits each line on whitespace and expects the same number of columns everywhere; an I- tag must
 * continue a chunk of the same type (IOB2: every chunk starts with B-).
 */

/** A chunk (an entity) as read back from the tags. */
export interface ConllChunk {
  type: string;
  tokens: string[];
  sentence: number;
}

/** What the check found: errors (empty when well formed), sentences of tokens, and the chunks. */
export interface ConllCheckResult {
  errors: string[];
  sentences: Array<Array<{ token: string; tag: string }>>;
  chunks: ConllChunk[];
}

// Whitespace for JavaScript, Python's str.split() and Perl's \s alike.
const whitespace = /[\s\x1c-\x1f\x85]/u;
const tagPattern = /^(O|[BI]-(PER|ORG|LOC|EVENT|MISC))$/;

/** Checks a CoNLL file line by line and reads its sentences and chunks. */
export function checkConll(content: string): ConllCheckResult {
  const errors: string[] = [];
  const sentences: ConllCheckResult['sentences'] = [];
  const chunks: ConllChunk[] = [];
  if (content.includes('\r')) errors.push('the file has CR characters');
  if (!content.endsWith('\n')) errors.push('the file does not end with a line end');
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines[0] !== '-DOCSTART- O') errors.push(`the first line is not "-DOCSTART- O" but ${JSON.stringify(lines[0])}`);
  let current: Array<{ token: string; tag: string }> = [];
  let previousTag = 'O';
  const flush = () => {
    if (current.length > 0) sentences.push(current);
    current = [];
    previousTag = 'O';
  };
  lines.slice(1).forEach((line, index) => {
    const lineNumber = index + 2;
    if (line === '') {
      flush();
      return;
    }
    const columns = line.split(' ');
    if (columns.length !== 2) {
      errors.push(`line ${lineNumber}: ${columns.length} columns in ${JSON.stringify(line)}`);
      return;
    }
    const [token, tag] = columns as [string, string];
    if (token === '') errors.push(`line ${lineNumber}: empty token`);
    if (whitespace.test(token) || whitespace.test(tag)) errors.push(`line ${lineNumber}: whitespace inside ${JSON.stringify(line)}`);
    if (line.split(/[\s\x1c-\x1f\x85]+/u).length !== 2) errors.push(`line ${lineNumber}: a whitespace split does not give two columns`);
    if (!tagPattern.test(tag)) errors.push(`line ${lineNumber}: unknown tag ${tag}`);
    if (tag.startsWith('I-') && previousTag.slice(2) !== tag.slice(2)) {
      errors.push(`line ${lineNumber}: ${tag} does not continue a ${tag.slice(2)} chunk (after ${previousTag})`);
    }
    if (tag.startsWith('B-')) chunks.push({ type: tag.slice(2), tokens: [token], sentence: sentences.length });
    else if (tag.startsWith('I-')) chunks[chunks.length - 1]?.tokens.push(token);
    current.push({ token, tag });
    previousTag = tag;
  });
  flush();
  return { errors, sentences, chunks };
}
