import { describe, expect, it } from 'vitest';
import { isAnnotationId } from '../../common/model/annotation';
import { recordMapProblem } from '../../common/recordKeys';
import { wellFormedJson, wellFormedText } from '../../common/wellFormedText';
import { tokenise } from '../../main/formats/conll/writer';
import { flattenDeepNesting } from '../../main/formats/html/nestingFlattener';
import { parseHtml } from '../../main/formats/html/reader';
import { describeFile } from '../../main/formats/shared/decodeText';
import { maxMarkupDepth } from '../../main/formats/shared/expansionLimits';
import { parseUntrustedXml, withoutUnsafeDoctype, xmlText, type XmlElement } from '../../main/formats/shared/safeXml';
import { countWords } from '../../main/services/articleDocument';

/** The small pure defences behind the hostile corpus, each on the input that once broke it. */

describe('countWords', () => {
  // The definition it replaces, which overflowed the stack on a 5 MB word.
  const byPattern = (text: string) => text.match(/[\p{L}\p{N}\p{M}]+(?:['’\-.,][\p{L}\p{N}\p{M}]+)*/gu)?.length ?? 0;

  it('counts as the regular expression did', () => {
    for (const text of ["don't stop", 'a--b', '2,000 people, said.', '  ', 'x.', 'é́ ok', "a-'b", '...a...b...', "l'été c’est 3.5-4", 'a,b, c', '𝟜.𝟚 mil 😀 x', 'قال المجلس', '会议通过了预算']) {
      expect(countWords(text), text).toBe(byPattern(text));
    }
  });

  it('counts a 5 MB word as one word', () => {
    expect(countWords('a'.repeat(5 * 1024 * 1024))).toBe(1);
  });
});

describe('lone surrogates', () => {
  it('become U+FFFD; pairs stay', () => {
    expect(wellFormedText('a\ud800b\udfffc 😀')).toBe('a\uFFFDb\uFFFDc 😀');
  });

  it('are repaired in every string of a value, keys in order, an own __proto__ key kept own', () => {
    const value = JSON.parse('{"b":"x\\ud800","a":["\\udc00",{"__proto__":"p\\ud800"}]}') as Record<string, unknown>;
    const repaired = wellFormedJson(value) as Record<string, unknown>;
    expect(Object.keys(repaired)).toEqual(['b', 'a']);
    expect(repaired.b).toBe('x\uFFFD');
    const inner = (repaired.a as unknown[])[1] as object;
    expect(Object.hasOwn(inner, '__proto__')).toBe(true);
    expect(JSON.stringify(repaired)).toBe('{"b":"x\uFFFD","a":["\uFFFD",{"__proto__":"p\uFFFD"}]}');
  });

  it('leaves a well-formed value as it is, and copes with one nested 100,000 deep', () => {
    const value = { text: 'fine' };
    expect(wellFormedJson(value)).toBe(value);
    const deep = JSON.parse(`${'['.repeat(100_000)}"\\ud800"${']'.repeat(100_000)}`) as unknown;
    let inner = wellFormedJson(deep);
    for (let depth = 0; depth < 100_000; depth++) inner = (inner as unknown[])[0];
    expect(inner).toBe('\uFFFD');
  });
});

describe('record maps and ids from outside', () => {
  const anyId = () => true;

  it('refuses keys every object already has, and objects that are not plain', () => {
    expect(recordMapProblem(JSON.parse('{"__proto__":{}}'), anyId, 'The map')).toMatch(/__proto__/);
    expect(recordMapProblem({ constructor: 1 }, anyId, 'The map')).toMatch(/constructor/);
    expect(recordMapProblem({ toString: 1 }, anyId, 'The map')).toMatch(/toString/);
    expect(recordMapProblem([], anyId, 'The map')).toMatch(/must be an object/);
    expect(recordMapProblem(new Map(), anyId, 'The map')).toMatch(/plain object/);
    expect(recordMapProblem({ ann_1: {} }, anyId, 'The map')).toBeNull();
  });

  it('has one format for annotation ids', () => {
    for (const id of ['ann_0123456789abcdef', 'quote', 'g', 'u_split-quote', 'x'.repeat(100)]) expect(isAnnotationId(id), id).toBe(true);
    for (const id of ['', 'x'.repeat(101), '__proto__', 'constructor', 'toString', 'a b', '<script>', 'ann\ud800', '../x', 7]) expect(isAnnotationId(id), String(id)).toBe(false);
  });
});

describe('deep markup', () => {
  it('flattens HTML nested past the limit before the sanitiser, keeping every word', () => {
    const html = `${'<div>'.repeat(50_000)}<p>Deep words.</p>${'</div>'.repeat(50_000)}<p>After.</p>`;
    const flattened = flattenDeepNesting(html);
    expect(flattened.match(/<div>/g)).toHaveLength(maxMarkupDepth);
    expect(parseHtml(html).blocks.map((block) => block.text)).toEqual(['Deep words.', 'After.']);
  });

  it('leaves normal HTML as it is, and unclosed paragraphs as siblings', () => {
    const html = `<article><p>One<p>Two</article>${'<p>Para'.repeat(1000)}`;
    expect(flattenDeepNesting(html)).toBe(html);
  });

  it('flattens XML nested past the limit, keeping its text in order', () => {
    const root = parseUntrustedXml('"deep.xml"', `<nitf><p>${'<em>'.repeat(10_000)}deep${'</em>'.repeat(10_000)} end</p></nitf>`);
    expect(xmlText(root)).toBe('deep end');
    let depth = 0;
    for (let element: XmlElement | undefined = root; element; element = element.children.find((child): child is XmlElement => typeof child !== 'string')) depth++;
    expect(depth).toBeLessThanOrEqual(maxMarkupDepth + 1);
  });

  it('takes <!ENTITY in a comment or CDATA for text, and refuses it in markup', () => {
    expect(() => withoutUnsafeDoctype('"a.xml"', '<a><!-- <!ENTITY x "y"> --><![CDATA[<!ENTITY z "w">]]></a>')).not.toThrow();
    expect(() => withoutUnsafeDoctype('"a.xml"', '<!DOCTYPE a [<!ENTITY x "y">]><a/>')).toThrow(/declares XML entities/);
    expect(() => withoutUnsafeDoctype('"a.xml"', '<!-- c --><!DOCTYPE a [<!ELEMENT a ANY>]><a/>')).toThrow(/DOCTYPE with its own declarations/);
  });
});

describe('file names in messages', () => {
  it('are trimmed, show controls and bidi marks as U+FFFD, and are shortened when long', () => {
    expect(describeFile('folder/notes.txt ')).toBe('"notes.txt"');
    expect(describeFile('invoice\u202etxt.exe')).toBe('"invoice\uFFFDtxt.exe"');
    expect(describeFile('a\nb.txt')).toBe('"a\uFFFDb.txt"');
    const long = describeFile(`${'n'.repeat(10_000)}.txt`);
    expect(long.length).toBeLessThan(90);
    expect(long).toMatch(/^"n+…n+\.txt"$/);
  });
});

describe('CoNLL tokens', () => {
  it('are the same when the segmenter reads the text in windows', () => {
    const sentence = "Mayor Anna Berg's council approved 4.2 million euros (about $4.5m) on Tuesday, said the U.N. 😀 — «quoted» text. ";
    const text = sentence.repeat(60);
    const whole = [...new Intl.Segmenter('und', { granularity: 'word' }).segment(text)].filter((segment) => /\S/u.test(segment.segment)).map((segment) => segment.segment);
    expect(tokenise(text, 0, text.length, []).map((token) => token.text)).toEqual(whole.flatMap((segment) => segment.split(/\s+/u).filter(Boolean)));
  });
});
