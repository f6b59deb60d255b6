import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportableArticle } from '../../main/formats/adapter';
import { bratAnnotationConf, bratWriter } from '../../main/formats/brat/writer';
import { buildSpanTable } from '../../main/formats/shared/spanTable';
import { readBrat, type BratDocument } from '../support/bratReader';
import { entityRecord, exportArtifactsDir, makeArticle, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';

/** Exports an article and reads it back with the brat-format reader. */
function exportAndRead(article: ExportableArticle) {
  const result = bratWriter.write(article);
  const [txt, ann, conf] = result.files;
  const doc = readBrat(txt!.content, ann!.content);
  return { result, txt: txt!, ann: ann!, conf: conf!, doc };
}

/** The text at code-point offsets, counted independently of the exporter's own conversion. */
function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** What a T line must say for an annotation's spans: each span cut at line breaks, blank pieces dropped, joined by spaces. */
function expectedTextBound(spans: ReadonlyArray<{ text: string }>): string {
  return spans
    .flatMap((span) => span.text.split(/[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/))
    .filter((piece) => piece.trim() !== '')
    .join(' ');
}

/** The annotation.conf as sections of names and their argument text. */
function confSections(conf: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current = new Map<string, string>();
  for (const line of conf.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const section = /^\[(.+)\]$/.exec(line.trim());
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const [name, args = ''] = line.split('\t');
    current.set(name!, args);
  }
  return sections;
}

/** Checks every line of a read document against the model: T texts, types, relations and the conf. */
function expectFaithful(article: ExportableArticle, doc: BratDocument, conf: string): void {
  expect(doc.errors).toEqual([]);
  const table = buildSpanTable(article, { normaliseLineEnds: true });
  expect(doc.text).toBe(table.text);
  for (const bound of doc.textBound.values()) {
    expect(bound.spans.map(([start, end]) => codePointSlice(doc.text, start, end)).join(' ')).toBe(bound.text);
    for (const [start, end] of bound.spans) expect(codePointSlice(doc.text, start, end)).not.toMatch(/[\n\r\t]/);
  }
  // Every annotation with text is there, with the words of its spans.
  const boundTexts = [...doc.textBound.values()].map((bound) => `${bound.type}:${bound.text}`);
  for (const placed of table.placed) {
    if (placed.content.length > 0) expect(boundTexts).toContain(`${typeName(placed.annotation)}:${expectedTextBound(placed.content)}`);
    if (placed.cue.length > 0) expect(boundTexts).toContain(`Cue:${expectedTextBound(placed.cue)}`);
  }
  // Every type, relation and attribute used is declared, with an allowed value.
  const sections = confSections(conf);
  for (const bound of doc.textBound.values()) expect(sections.get('entities')!.has(bound.type)).toBe(true);
  for (const relation of doc.relations) expect(sections.get('relations')!.has(relation.type)).toBe(true);
  for (const attribute of doc.attributes) {
    const declaration = sections.get('attributes')!.get(attribute.type);
    expect(declaration, attribute.type).toBeDefined();
    if (attribute.value !== true) expect(/Value:(\S+)/.exec(declaration!)![1]!.split('|')).toContain(attribute.value);
  }
}

function typeName(annotation: ExportableArticle['annotations'][string]): string {
  if (annotation.kind === 'entity') return { person: 'Person', organisation: 'Organisation', place: 'Place', event: 'Event', other: 'Other' }[annotation.entityType];
  return annotation.kind === 'figure' ? 'Figure' : 'Attribution';
}

/** The T line of the annotation whose words are `text`. */
function boundWithText(doc: BratDocument, type: string, text: string) {
  const found = [...doc.textBound.values()].find((bound) => bound.type === type && bound.text === text);
  expect(found, `${type} "${text}"`).toBeDefined();
  return found!;
}

describe('brat standoff export', () => {
  it('writes the sample article as .txt, .ann and annotation.conf that the brat reader accepts line for line', () => {
    const article = taggedSample();
    const { result, txt, ann, conf, doc } = exportAndRead(article);
    expect(txt.fileName).toBe('eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.txt');
    expect(ann.fileName).toBe('eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.ann');
    expect(conf.fileName).toBe('annotation.conf');
    expectFaithful(article, doc, conf.content);
    // The deleted tag cannot be placed and says so.
    expect(result.warnings.join('\n')).toContain('o_ahrar_deleted');
    mkdirSync(exportArtifactsDir, { recursive: true });
    for (const file of result.files) writeFileSync(path.join(exportArtifactsDir, file.fileName), file.content);
  });

  it('links speakers, cues, modes, external ids and notes', () => {
    const { doc } = exportAndRead(taggedSample());
    const relationOf = (type: string, fromText: string) => {
      const from = boundWithText(doc, 'Attribution', fromText);
      return doc.relations.filter((relation) => relation.type === type && relation.arg1.target === from.id).map((relation) => doc.textBound.get(relation.arg2.target)!);
    };
    const rahmanQuote = 'A decision could be taken any moment for Hammuriyeh, Jisreen, and Saqba';
    expect(relationOf('Speaker', rahmanQuote).map((bound) => `${bound.type}:${bound.text}`)).toEqual(['Person:Rami Abdel Rahman']);
    expect(relationOf('Cue', rahmanQuote).map((bound) => bound.text)).toEqual(['said']);
    // A speaker that is an organisation mention.
    const sohrQuote = [...doc.textBound.values()].find((bound) => bound.type === 'Attribution' && bound.text.startsWith('More than 1,100 civilians'))!.text;
    expect(relationOf('Speaker', sohrQuote).map((bound) => `${bound.type}:${bound.text}`)).toEqual(['Organisation:SOHR']);
    // A two-span quote is one discontinuous T line with one cue line of two fragments.
    const delegate = [...doc.textBound.values()].find((bound) => bound.type === 'Attribution' && bound.text.startsWith('The committee discussed'))!;
    expect(delegate.spans).toHaveLength(2);
    expect(relationOf('Cue', delegate.text)[0]!.spans).toHaveLength(2);

    const attributesOf = (id: string) => doc.attributes.filter((attribute) => attribute.target === id).map((attribute) => `${attribute.type}=${String(attribute.value)}`);
    expect(attributesOf(delegate.id)).toEqual(expect.arrayContaining(['Mode=direct', 'Anonymous=true', 'Status=accepted']));
    const fig1100 = boundWithText(doc, 'Figure', 'More than 1,100');
    expect(attributesOf(fig1100.id)).toEqual(expect.arrayContaining(['FigureKind=count', 'Qualifier=more_than', 'Verification=disputed']));
    const commander = boundWithText(doc, 'Attribution', 'more forces had arrived earlier in the day');
    expect(attributesOf(commander.id)).toEqual(expect.arrayContaining(['Mode=indirect', 'Status=needs_review']));

    const reuters = boundWithText(doc, 'Organisation', 'Reuters');
    const references = doc.normalisations.filter((n) => n.target === reuters.id).map((n) => `${n.refDb}:${n.refId}`);
    expect(references).toEqual(['Registry:ent_reuters', 'Wikidata:Q130879']);

    const notesOf = (id: string) => doc.comments.filter((comment) => comment.type === 'AnnotatorNotes' && comment.target === id).map((comment) => comment.text).join(' | ');
    expect(notesOf(delegate.id)).toContain('Anonymous speaker: the delegate, a member of the committee');
    expect(notesOf(boundWithText(doc, 'Attribution', 'A committee from Hammuriyeh met with regime representatives on Saturday').id)).toContain('Anonymity: speaking on condition of anonymity');
    expect(notesOf(fig1100.id)).toContain('Value: more than 1100 civilians killed');
    expect(notesOf(fig1100.id)).toContain('Source: SOHR count; not independently verified');
    expect(notesOf(boundWithText(doc, 'Organisation', 'Free Syrian Army').id)).toContain('Note: Umbrella of factions');
    // Wael Alwan's second quote names him without a mention: the note carries the name.
    const added = [...doc.textBound.values()].find((bound) => bound.type === 'Attribution' && bound.text.startsWith('"No one has been'))!;
    expect(notesOf(added.id)).toContain('Speaker: Wael Alwan');
  });

  it('counts code points through emoji, astral letters, combining marks, Arabic, CRLF and NBSP', () => {
    const article = unicodeArticle();
    const { txt, doc, conf, result } = exportAndRead(article);
    expectFaithful(article, doc, conf.content);
    expect(result.warnings).toEqual([]);
    // brat reads text with universal newlines, so the file has LF only.
    expect(txt.content).not.toContain('\r');
    const who = boundWithText(doc, 'Organisation', 'World Health Organization');
    expect(who.spans).toHaveLength(2);
    expect(who.spans.map(([start, end]) => codePointSlice(txt.content, start, end))).toEqual(['World Health', 'Organization']);
    const yoshinoya = boundWithText(doc, 'Organisation', '𠮷野家');
    expect(yoshinoya.spans[0]![1] - yoshinoya.spans[0]![0]).toBe(3);
    boundWithText(doc, 'Person', 'Zoe\u0308 A\u030Angstro\u0308m');
    boundWithText(doc, 'Figure', '1,200\u00a0patients');
    boundWithText(doc, 'Attribution', 'We will stay 💪, until the last family leaves 🏠.');
    boundWithText(doc, 'Place', 'دوما');
    mkdirSync(exportArtifactsDir, { recursive: true });
    for (const file of result.files.slice(0, 2)) writeFileSync(path.join(exportArtifactsDir, file.fileName), file.content);
  });

  it('keeps markup characters, tabs and line breaks in fields from breaking a line', () => {
    const article = markupArticle();
    const { doc, conf, ann } = exportAndRead(article);
    expectFaithful(article, doc, conf.content);
    const note = doc.comments.find((comment) => comment.text.includes('Anonymous speaker'))!;
    expect(note.text).toBe('Anonymous speaker: O\'Brien & "Sons" <Ltd> | Anonymity: not authorised to speak');
    expect(ann.content.split('\n').every((line) => line === '' || /^[TRAN#]\d+\t/.test(line))).toBe(true);
  });

  it('splits a span at every line break, drops blank pieces and warns about a tag on nothing but whitespace', () => {
    const article = makeArticle(
      [{ type: 'caption', text: 'Smoke over\nDouma\r\nat dawn', credit: 'AP' }, { type: 'paragraph', text: 'Before \u2028 after and \u00a0 here.' }],
      [
        { id: 'crossing', kind: 'entity', entityType: 'other', text: 'Smoke over\nDouma\r\nat' },
        { id: 'blank', kind: 'entity', entityType: 'other', text: ' \u00a0 ' },
        { id: 'separator', kind: 'entity', entityType: 'other', text: 'Before \u2028 after' },
      ],
      { entities: [entityRecord('ent_x', 'X', 'other')] },
    );
    const { doc, result } = exportAndRead(article);
    expect(doc.errors).toEqual([]);
    expect(boundWithText(doc, 'Other', 'Smoke over Douma at').spans).toHaveLength(3);
    expect(boundWithText(doc, 'Other', 'Before   after').spans).toHaveLength(2);
    expect(result.warnings.join('\n')).toContain('annotation blank covers only whitespace');
  });

  it('declares every type, relation and attribute in annotation.conf', () => {
    const sections = confSections(bratAnnotationConf);
    expect([...sections.get('entities')!.keys()]).toEqual(['Person', 'Organisation', 'Place', 'Event', 'Other', 'Figure', 'Attribution', 'Cue']);
    expect(sections.get('relations')!.get('Speaker')).toBe('Arg1:Attribution, Arg2:Person|Organisation');
    expect(sections.get('relations')!.get('Cue')).toBe('Arg1:Attribution, Arg2:Cue');
    expect(sections.get('attributes')!.get('Mode')).toBe('Arg:Attribution, Value:direct|indirect|partial');
    expect(sections.get('attributes')!.get('Anonymous')).toBe('Arg:Attribution');
    expect(sections.has('events')).toBe(true);
  });
});

describe('the brat reader', () => {
  const text = 'Ünïcode 👍 text\nline two';
  it('accepts well-formed lines and refuses what brat refuses', () => {
    const good = readBrat(text, 'T1\tPerson 0 7\tÜnïcode\nT2\tOther 8 9;10 14\t👍 text\nA1\tStatus T1 accepted\nR1\tSpeaker Arg1:T1 Arg2:T2\nN1\tReference T1 Wikidata:Q1\tName\n#1\tAnnotatorNotes T1\tA note\n');
    expect(good.errors).toEqual([]);
    expect(good.textBound.get('T2')!.spans).toEqual([[8, 9], [10, 14]]);
    const errorsOf = (ann: string) => readBrat(text, ann).errors;
    expect(errorsOf('T1\tPerson 0 8\tÜnïcode')).toHaveLength(1); // offsets do not match the text
    expect(errorsOf('T1\tPerson 0 7 Ünïcode')).toHaveLength(1); // space instead of tab
    expect(errorsOf('T1\tPerson 0 7\t')).toHaveLength(1); // missing text
    expect(errorsOf('T1\tOther 14 20\ttext\nl')).toHaveLength(2); // a newline inside a span, and a line with no tab
    expect(errorsOf('T1\tPerson 0 7\tÜnïcode\nT1\tPerson 0 7\tÜnïcode')).toHaveLength(1); // duplicate id
    expect(errorsOf('A1\tStatus T9 accepted')).toEqual(['ID T9 not defined, referenced from annotation A1']);
    expect(errorsOf('T1\tPerson 0 3;2 5\tÜnï nïc')).toHaveLength(1); // overlapping fragments
    expect(errorsOf('#1\tAnnotatorNotes\tno target')).toHaveLength(1);
    expect(errorsOf('N1\tReference T1 Q1\tName\nT1\tPerson 0 7\tÜnïcode')).toHaveLength(1);
  });
});
