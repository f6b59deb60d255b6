import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labels } from '../../common/model/annotation';
import { articleText } from '../../common/articleText';
import { csvColumns, csvWriter, guardFormula } from '../../main/formats/csv/writer';
import type { ExportableArticle } from '../../main/formats/adapter';
import { parseCsv, parseCsvObjects } from '../support/csvParse';
import { entityRecord, exportArtifactsDir, makeArticle, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';

function exportCsv(article: ExportableArticle) {
  const result = csvWriter.write(article);
  return { result, content: result.files[0]!.content, rows: parseCsvObjects(result.files[0]!.content) };
}

function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** Undoes the formula guard, to compare a text cell with the model. */
function unguarded(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Checks one row per annotation, offsets and texts against the document, and the fields against the records. */
function expectFaithful(article: ExportableArticle): ReturnType<typeof exportCsv> {
  const exported = exportCsv(article);
  const { text, spans } = articleText(article.doc);
  expect(exported.rows.map((row) => row.annotation_id).sort()).toEqual(Object.keys(article.annotations).sort());
  for (const row of exported.rows) {
    const annotation = article.annotations[row.annotation_id!]!;
    const content = (spans.get(annotation.id) ?? []).filter((span) => span.part === 'content');
    expect(row.article_id).toBe(article.article.id);
    expect(unguarded(row.article_title!)).toBe(article.article.title);
    expect(row.kind).toBe(annotation.kind);
    expect(row.status).toBe(annotation.status);
    expect(unguarded(row.note!)).toBe(annotation.note);
    if (content.length === 0 && !(spans.get(annotation.id) ?? []).length) {
      expect([row.start, row.end, row.spans]).toEqual(['', '', '']);
      expect(unguarded(row.text!)).toBe(annotation.quote);
      continue;
    }
    // Offsets are code points of the plain text, and the text there is the span's text.
    const written = row.spans!.split(';').filter(Boolean).map((pair) => pair.split('-').map(Number) as [number, number]);
    expect(written.map(([start, end]) => codePointSlice(text, start, end))).toEqual(content.map((span) => text.slice(span.start, span.end)));
    if (content[0]) expect(codePointSlice(text, Number(row.start), Number(row.end))).toBe(text.slice(content[0].start, content[0].end));
    expect(unguarded(row.text!)).toBe(content.map((span) => text.slice(span.start, span.end)).join(' … '));
    if (annotation.kind === 'figure') {
      expect(row.unit).toBe(annotation.figure.unit);
      expect(row.qualifier).toBe(labels[annotation.figure.qualifier]);
      expect(row.verification).toBe(annotation.figure.verification);
      expect(row.type).toBe(annotation.figure.figureKind ?? '');
    }
    if (annotation.kind === 'attribution') {
      expect(row.mode).toBe(annotation.mode);
      const cues = (spans.get(annotation.id) ?? []).filter((span) => span.part === 'cue');
      expect(row.cue).toBe(cues.map((span) => text.slice(span.start, span.end)).join(' … '));
    }
    if (annotation.kind === 'entity') {
      expect(row.type).toBe(annotation.entityType);
      expect(row.entity_id).toBe(annotation.entityId ?? '');
      expect(row.entity_name).toBe(annotation.entityId ? (article.entities.get(annotation.entityId)?.name ?? '') : '');
    }
  }
  return exported;
}

describe('CSV export', () => {
  it('writes the sample article as RFC 4180 with a BOM, a header and one row per annotation', () => {
    const article = taggedSample();
    const { result, content, rows } = expectFaithful(article);
    expect(result.files[0]!.fileName).toBe('eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.csv');
    expect(result.files[0]!.mimeType).toBe('text/csv; charset=utf-8');
    expect(content.startsWith('\uFEFFarticle_id,article_title,annotation_id,kind,type,text,start,end,')).toBe(true);
    expect(content.endsWith('\r\n')).toBe(true);
    expect(parseCsv(content)[0]).toEqual([...csvColumns]);
    const byId = new Map(rows.map((row) => [row.annotation_id!, row]));
    expect(byId.get('fig_400000')).toMatchObject({ value: '400000', unit: 'civilians trapped in the siege', qualifier: 'about', source_note: 'UN estimate' });
    expect(byId.get('fig_april_2017')).toMatchObject({ value: '2017-04-06', type: 'date', verification: 'verified' });
    expect(byId.get('att_rahman')).toMatchObject({ speaker: 'Rami Abdel Rahman', mode: 'direct', entity_id: 'ent_rahman', cue: 'said' });
    expect(byId.get('att_committee')).toMatchObject({ speaker: 'a member of the committee', medium: 'AFP', cue: 'told AFP' });
    expect(byId.get('att_delegate')!.text).toContain(' … The committee is meeting');
    expect(byId.get('att_delegate')!.cue_spans!.split(';')).toHaveLength(2);
    expect(byId.get('o_ahrar_deleted')).toMatchObject({ start: '', end: '', text: 'Ahrar al Sham', status: 'needs_review' });
    expect(result.warnings.join('\n')).toContain('o_ahrar_deleted');
    // Rows follow the article, the flagged tag without text last.
    expect(rows[0]!.annotation_id).toBe('pl_ghouta_headline');
    expect(rows[rows.length - 1]!.annotation_id).toBe('o_ahrar_deleted');
    mkdirSync(exportArtifactsDir, { recursive: true });
    writeFileSync(path.join(exportArtifactsDir, result.files[0]!.fileName), content);
  });

  it('counts code points through emoji, astral letters, combining marks, Arabic, CRLF and NBSP', () => {
    const { rows, content } = expectFaithful(unicodeArticle());
    const who = rows.find((row) => row.annotation_id === 'u_who')!;
    expect(who.text).toBe('World Health\r\nOrganization');
    // A cell with a line break is quoted, and the record still parses.
    expect(content).toContain('"World Health\r\nOrganization"');
    expect(rows.find((row) => row.annotation_id === 'u_money')).toMatchObject({ value: '2500000', currency: 'EUR', type: 'money' });
    expect(rows.find((row) => row.annotation_id === 'u_arabic_quote')).toMatchObject({ speaker: 'المتحدث باسم الجماعة', cue: 'قال' });
  });

  it('quotes markup, quotes and commas, and keeps every field of a hostile article', () => {
    const { rows } = expectFaithful(markupArticle());
    expect(rows.find((row) => row.annotation_id === 'm_hurt')!.speaker).toBe('O\'Brien & "Sons" <Ltd>');
    expect(rows[0]!.article_id).toBe('art_markup&<"id">');
  });

  it('defuses formula cells but leaves numbers numeric', () => {
    const article = makeArticle(
      [{ type: 'paragraph', text: '=HYPERLINK("http://x") and +1 and -5 degrees and @SUM(A1) here, and \tTab.' }],
      [
        { id: 'f_eq', kind: 'entity', entityType: 'other', text: '=HYPERLINK("http://x")', note: '=1+2', entityId: 'ent_eq' },
        { id: 'f_plus', kind: 'entity', entityType: 'other', text: '+1' },
        { id: 'f_minus', kind: 'figure', text: '-5 degrees', figure: { figureKind: 'count', value: { type: 'number', value: -5 }, unit: '-degrees' } },
        { id: 'f_range', kind: 'figure', text: '-5', figure: { figureKind: 'count', value: { type: 'range', min: -5, max: 10 } } },
        { id: 'f_at', kind: 'entity', entityType: 'other', text: '@SUM(A1)' },
        { id: 'f_tab', kind: 'entity', entityType: 'other', text: '\tTab' },
      ],
      { title: '-Title', entities: [entityRecord('ent_eq', '=cmd|\' /C calc\'!A0', 'other')] },
    );
    const { rows } = exportCsv(article);
    const byId = new Map(rows.map((row) => [row.annotation_id!, row]));
    expect(byId.get('f_eq')).toMatchObject({ text: '\'=HYPERLINK("http://x")', note: "'=1+2", entity_name: "'=cmd|' /C calc'!A0", article_title: "'-Title" });
    expect(byId.get('f_plus')!.text).toBe("'+1");
    expect(byId.get('f_minus')).toMatchObject({ text: "'-5 degrees", value: '-5', unit: "'-degrees" });
    expect(byId.get('f_range')).toMatchObject({ text: "'-5", value: "'-5–10" });
    expect(byId.get('f_at')!.text).toBe("'@SUM(A1)");
    expect(byId.get('f_tab')!.text).toBe("'\tTab");
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (column !== 'value') expect(cell, column).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(guardFormula('plain')).toBe('plain');
  });
});

describe('the CSV reader', () => {
  it('reads RFC 4180 and refuses what it forbids', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x,""y""\r\nz",\r\n')).toEqual([['a', 'b'], ['x,"y"\r\nz', '']]);
    expect(() => parseCsv('a,b\r\nc\r\n')).toThrow(/record 2 has 1 fields, the header 2/);
    expect(() => parseCsv('a\nb\r\n')).toThrow(/unexpected/);
    expect(() => parseCsv('a"b\r\n')).toThrow(/quote inside/);
    expect(() => parseCsv('"a"b\r\n')).toThrow(/unexpected/);
    expect(() => parseCsv('"a\r\n')).toThrow(/unterminated/);
  });
});
