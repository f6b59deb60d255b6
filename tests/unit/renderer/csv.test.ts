import { describe, expect, it } from 'vitest';
import { csvFileName, csvText } from '../../../renderer/src/ui/csv';

// A reader of RFC 4180 written apart from the writer, so the round trip checks the quoting rules, not a copy of them.
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') (field += '"'), index++;
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') record.push(field), (field = '');
    else if (character === '\r' && text[index + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), index++;
    else field += character;
  }
  return records;
}

describe('csvText', () => {
  it('ends every record with CRLF and leaves plain fields bare', () => {
    expect(csvText(['Speaker', 'Quotes'], [['Lena Ortiz', 2], ['AFP', 10]])).toBe('Speaker,Quotes\r\nLena Ortiz,2\r\nAFP,10\r\n');
  });

  it('encloses fields with commas, double quotes and line breaks, doubling the quotes', () => {
    const text = csvText(['Reason'], [['not authorised, said "the source"'], ['two\nlines'], ['cr\rhere']]);
    expect(text).toBe('Reason\r\n"not authorised, said ""the source"""\r\n"two\nlines"\r\n"cr\rhere"\r\n');
    expect(readCsv(text)).toEqual([['Reason'], ['not authorised, said "the source"'], ['two\nlines'], ['cr\rhere']]);
  });

  it('keeps text a spreadsheet would run as a formula from running, but writes negative numbers as numbers', () => {
    expect(readCsv(csvText(['Name', 'Delta'], [['=HYPERLINK("x")', -3], ['@SUM(A1)', 0], ['+1 rumour', 1.5]]))).toEqual([
      ['Name', 'Delta'],
      ["'=HYPERLINK(\"x\")", '-3'],
      ["'@SUM(A1)", '0'],
      ["'+1 rumour", '1.5'],
    ]);
  });

  it('round-trips right-to-left and astral text untouched', () => {
    const rows = [['وصل الوفد إلى دمشق', 1], ['🌊 wave, "quoted"', 2]];
    expect(readCsv(csvText(['Name', 'Count'], rows))).toEqual([['Name', 'Count'], ['وصل الوفد إلى دمشق', '1'], ['🌊 wave, "quoted"', '2']]);
  });
});

describe('csvFileName', () => {
  it('names the file after the table in lower case with hyphens', () => {
    expect(csvFileName('Top sources: named & anonymous')).toBe('top-sources-named-anonymous.csv');
    expect(csvFileName('***')).toBe('table.csv');
  });
});
