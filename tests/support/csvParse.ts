/**
 * A strict RFC 4180 reader for checking CSV exports: records end with CRLF, fields are separated by commas,
 * a field is either bare (no comma, quote, CR or LF) or quoted with inner quotes doubled. Anything else
 * (a bare LF, a quote inside a bare field, text after a closing quote, ragged rows) throws with its position.
 */

/** The records of a CSV text, after an optional UTF-8 byte order mark. */
export function parseCsv(content: string): string[][] {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`CSV error at offset ${i}: ${why}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('a quote inside an unquoted field');
        field += text[i];
        i++;
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      i += 2;
      records.push(record);
      record = [];
      continue;
    }
    if (i >= text.length) {
      records.push(record);
      record = [];
      break;
    }
    fail(`unexpected ${JSON.stringify(text[i])} after a field`);
  }
  const width = records[0]?.length ?? 0;
  records.forEach((row, index) => {
    if (row.length !== width) throw new Error(`CSV error: record ${index + 1} has ${row.length} fields, the header ${width}`);
  });
  return records;
}

/** The records as objects keyed by the header row. */
export function parseCsvObjects(content: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(content);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]!])));
}
