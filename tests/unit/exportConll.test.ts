import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conllWriter, conllTypes } from '../../main/formats/conll/writer';
import type { ExportableArticle } from '../../main/formats/adapter';
import { buildSpanTable } from '../../main/formats/shared/spanTable';
import { checkConll } from '../support/conllCheck';
import { exportArtifactsDir, makeArticle, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';

/**
 * The entity mentions CoNLL should carry, worked out independently of the exporter: every entity span,
 * outer first; a span that overlaps one already kept is dropped.
 */
function expectedChunks(article: ExportableArticle): Array<{ id: string; type: string; text: string }> {
  const table = buildSpanTable(article);
  const spans = table.placed.flatMap((placed) =>
    placed.annotation.kind === 'entity' ? placed.content.map((span) => ({ ...span, id: placed.annotation.id, type: conllTypes[(placed.annotation as { entityType: 'person' }).entityType] })) : [],
  );
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof spans = [];
  for (const span of spans) if (!kept.some((other) => span.start < other.end && other.start < span.end)) kept.push(span);
  return kept.sort((a, b) => a.start - b.start).map((span) => ({ id: span.id, type: span.type, text: span.text }));
}

function exportConll(article: ExportableArticle) {
  const result = conllWriter.write(article);
  const content = result.files[0]!.content;
  return { result, content, check: checkConll(content) };
}

/** Checks well-formedness and that each chunk is an expected mention, its tokens its words without spaces. */
function expectFaithful(article: ExportableArticle): ReturnType<typeof exportConll> {
  const exported = exportConll(article);
  expect(exported.check.errors).toEqual([]);
  const expected = expectedChunks(article);
  expect(exported.check.chunks.map((chunk) => chunk.type)).toEqual(expected.map((chunk) => chunk.type));
  exported.check.chunks.forEach((chunk, index) => {
    expect(chunk.tokens.join('')).toBe(expected[index]!.text.replace(/[\s\x1c-\x1f\x85]+/gu, ''));
  });
  // Nothing of the text is lost: the tokens are the whole text without whitespace.
  const tokens = exported.check.sentences.flat().map((line) => line.token).join('');
  expect(tokens).toBe(buildSpanTable(article).text.replace(/[\s\x1c-\x1f\x85]+/gu, ''));
  return exported;
}

describe('CoNLL IOB2 export', () => {
  it('writes the sample article as well-formed IOB2 with the outer mention kept and a warning for the inner one', () => {
    const article = taggedSample();
    const { result, content } = expectFaithful(article);
    expect(result.files[0]!.fileName).toBe('eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.conll');
    expect(content.startsWith('-DOCSTART- O\n\n')).toBe(true);
    const warnings = result.warnings.join('\n');
    expect(warnings).toContain('"Syria" (pl_syria_in_org)');
    expect(warnings).toContain("Russian Centre for Reconciliation of Syria's Warring Parties");
    expect(warnings).toContain('o_ahrar_deleted');
    expect(content).toContain('Jim B-PER\nMattis I-PER\n');
    expect(content).toContain('cruise B-EVENT\nmissile I-EVENT\nstrike I-EVENT\non I-EVENT\nApril I-EVENT\n6 I-EVENT\n, I-EVENT\n2017 I-EVENT\n');
    expect(content).toContain('sarin B-MISC\n');
    mkdirSync(exportArtifactsDir, { recursive: true });
    writeFileSync(path.join(exportArtifactsDir, result.files[0]!.fileName), content);
  });

  it('keeps emoji sequences, astral letters, combining marks and Arabic whole, and splits at NBSP and CRLF', () => {
    const { content, check, result } = expectFaithful(unicodeArticle());
    expect(result.warnings).toEqual([]);
    const tokens = check.sentences.flat().map((line) => line.token);
    expect(tokens).toContain('👩‍⚕️');
    expect(tokens).toContain('Zoe\u0308');
    expect(tokens).toContain('1,200');
    expect(tokens).toContain('patients');
    expect(tokens).toContain('المتحدث');
    expect(content).not.toMatch(/\u00a0|\r/);
    expect(content).toContain('World B-ORG\nHealth I-ORG\nOrganization I-ORG\n');
  });

  it('drops the crossing mention with a warning naming it', () => {
    const { result } = expectFaithful(markupArticle());
    expect(result.warnings.join('\n')).toContain('"Hospital Square" (m_square) overlaps "Red Crescent Hospital" (m_red_crescent)');
  });

  it('splits sentences at . ! ? before a capital, at line breaks and at block ends, never inside a mention', () => {
    const article = makeArticle(
      [
        {
          type: 'paragraph',
          text: 'The talks ended. "It is over!" he said. Did they leave? yes, some did. About 2.5 million stayed in the U.S. Army base\nNew line here',
        },
        { type: 'paragraph', text: 'قال المتحدث. غادر الناس' },
      ],
      [{ id: 'army', kind: 'entity', entityType: 'organisation', text: 'U.S. Army' }],
    );
    const { check } = expectFaithful(article);
    const sentences = check.sentences.map((sentence) => sentence.map((line) => line.token).join(' '));
    expect(sentences).toEqual([
      'Synthetic article',
      'The talks ended .',
      '" It is over ! " he said .',
      'Did they leave ? yes , some did .',
      'About 2.5 million stayed in the U.S . Army base',
      'New line here',
      'قال المتحدث .',
      'غادر الناس',
    ]);
    expect(check.chunks).toEqual([{ type: 'ORG', tokens: ['U.S', '.', 'Army'], sentence: 4 }]);
  });

  it('cuts tokens at mention edges so that a mention is always whole tokens', () => {
    const article = makeArticle(
      [{ type: 'paragraph', text: "Ghouta's residents fled to Damascus-held areas." }],
      [
        { id: 'ghouta', kind: 'entity', entityType: 'place', text: 'Ghouta' },
        { id: 'damascus', kind: 'entity', entityType: 'place', text: 'Damascus' },
      ],
    );
    const { content } = expectFaithful(article);
    expect(content).toContain("Ghouta B-LOC\n' O\ns O\nresidents O\n");
    expect(content).toContain('Damascus B-LOC\n- O\nheld O\n');
  });
});

describe('the CoNLL check', () => {
  it('reports what conlleval-style tools reject', () => {
    expect(checkConll('-DOCSTART- O\n\nA B-PER\nB I-PER\n\n').errors).toEqual([]);
    expect(checkConll('-DOCSTART- O\n\nA I-PER\n').errors).toHaveLength(1);
    expect(checkConll('-DOCSTART- O\n\nA B-PER\nB I-ORG\n').errors).toHaveLength(1);
    expect(checkConll('-DOCSTART- O\n\nA B\u00a0C O\n').errors.length).toBeGreaterThan(0);
    expect(checkConll('-DOCSTART- O\n\nA O X\n').errors).toHaveLength(1);
    expect(checkConll('-DOCSTART- O\n\n O\n').errors).toHaveLength(1);
    expect(checkConll('-DOCSTART- O\n\nA B-FOO\n').errors).toHaveLength(1);
  });
});
