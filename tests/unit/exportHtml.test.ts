import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// htmlparser2 comes with sanitize-html; only tests use it, to read the page as a browser-like parser would.
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../common/articleText';
import type { ExportableArticle } from '../../main/formats/adapter';
import { htmlContentSecurityPolicy, htmlWriter } from '../../main/formats/html/writer';
import { xmlSafeText } from '../../main/formats/shared/xmlWriter';
import { entityRecord, exportArtifactsDir, makeArticle, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';

type Element = ReturnType<typeof DomUtils.findAll>[number];

function exportHtml(article: ExportableArticle) {
  const result = htmlWriter.write(article);
  const content = result.files[0]!.content;
  const dom = parseDocument(content);
  const all = (test: (element: Element) => boolean) => DomUtils.findAll(test, dom.children);
  return { result, content, dom, all };
}

function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** The page text the exporter promises: the plain text with LF line ends and characters HTML cannot carry replaced. */
function pageTextOf(article: ExportableArticle): string {
  return xmlSafeText(articleText(article.doc).text.replace(/\r\n?/g, '\n'));
}

/** Checks safety, the text, every tag's fragments and offsets against the model. */
function expectFaithful(article: ExportableArticle): ReturnType<typeof exportHtml> {
  const exported = exportHtml(article);
  const { all, content } = exported;
  // Safe to open: no script, no handler, nothing loaded, a CSP that forbids it all.
  expect(all((element) => ['script', 'iframe', 'object', 'embed', 'img', 'base', 'form', 'svg', 'math'].includes(element.name))).toEqual([]);
  for (const element of all(() => true)) {
    for (const name of Object.keys(element.attribs)) {
      expect(name).not.toMatch(/^on/i);
      expect(['src', 'srcset', 'action', 'formaction', 'style']).not.toContain(name);
    }
    if (element.attribs.href !== undefined) {
      expect(element.name).toBe('link');
      expect(element.attribs.itemprop).toBe('sameAs');
      expect(element.attribs.href).toMatch(/^https?:\/\//);
    }
  }
  const csp = all((element) => element.name === 'meta' && element.attribs['http-equiv'] === 'Content-Security-Policy');
  expect(csp.map((element) => element.attribs.content)).toEqual([htmlContentSecurityPolicy]);
  expect(htmlContentSecurityPolicy).toContain("default-src 'none'; style-src 'unsafe-inline'");
  expect(content).not.toMatch(/<script|javascript:/i);

  // The blocks read as the article's plain text.
  const pageText = pageTextOf(article);
  const blocks = all((element) => element.attribs['data-block'] !== undefined);
  expect(blocks.map((block) => DomUtils.textContent(block)).join('\n\n')).toBe(pageText);

  // Every fragment's offsets give its text; fragments of a tag read as the tag's words.
  const fragments = all((element) => element.attribs['data-annotation-id'] !== undefined);
  for (const fragment of fragments) {
    expect(article.annotations[fragment.attribs['data-annotation-id']!]).toBeDefined();
    expect(codePointSlice(pageText, Number(fragment.attribs['data-start']), Number(fragment.attribs['data-end']))).toBe(DomUtils.textContent(fragment));
  }
  const { spans, text } = articleText(article.doc);
  for (const [id, list] of spans) {
    for (const part of ['content', 'cue'] as const) {
      const written = fragments.filter((fragment) => fragment.attribs['data-annotation-id'] === id && fragment.attribs['data-part'] === part);
      const expected = list.filter((span) => span.part === part).map((span) => text.slice(span.start, span.end)).join('');
      expect(written.map((fragment) => DomUtils.textContent(fragment)).join(''), `${id} ${part}`).toBe(xmlSafeText(expected.replace(/\r\n?/g, '\n')));
    }
  }
  return exported;
}

function byAnnotation(all: ReturnType<typeof exportHtml>['all'], id: string): Element[] {
  return all((element) => element.attribs['data-annotation-id'] === id);
}

describe('HTML export', () => {
  it('writes the sample article as a safe standalone page whose text is the article and whose tags are its annotations', () => {
    const article = taggedSample();
    const { result, all, content } = expectFaithful(article);
    expect(result.files[0]!.fileName).toBe('eastern-ghouta-town-weighs-evacuation-offer-as-assault-grinds-on-art_ghouta_2018.html');
    expect(result.files[0]!.mimeType).toBe('text/html; charset=utf-8');
    expect(content.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(result.warnings.join('\n')).toContain('o_ahrar_deleted');
    // Blocks as h1, p.standfirst, p, h2, figure > figcaption and p.credit; the photo credit is not in the text.
    const blockNames = all((element) => element.attribs['data-block'] !== undefined).map((element) => `${element.name}.${element.attribs['data-block']}`);
    expect(blockNames[0]).toBe('h1.headline');
    expect(blockNames[1]).toBe('p.standfirst');
    expect(blockNames).toContain('h2.subhead');
    expect(blockNames[blockNames.length - 1]).toBe('p.credit');
    const caption = all((element) => element.name === 'figcaption')[0]!;
    expect(caption.parent && (caption.parent as Element).name).toBe('figure');
    expect(caption.attribs['data-credit']).toBe('AP');
    mkdirSync(exportArtifactsDir, { recursive: true });
    writeFileSync(path.join(exportArtifactsDir, result.files[0]!.fileName), content);
  });

  it('gives entity mentions schema.org microdata with sameAs links for external ids', () => {
    const { all } = exportHtml(taggedSample());
    const [reuters] = byAnnotation(all, 'o_reuters_1');
    expect(reuters!.attribs).toMatchObject({ itemscope: '', itemtype: 'https://schema.org/Organization', 'data-kind': 'entity', 'data-type': 'organisation', 'data-entity-id': 'ent_reuters' });
    const children = reuters!.children.filter((child): child is Element => 'attribs' in child);
    expect(children.filter((child) => child.name === 'meta').map((child) => [child.attribs.itemprop, child.attribs.content])).toEqual([['name', 'Reuters']]);
    expect(children.filter((child) => child.name === 'link').map((child) => child.attribs.href)).toEqual(['https://www.wikidata.org/wiki/Q130879']);
    const [damascus] = byAnnotation(all, 'pl_damascus_1');
    expect(damascus!.attribs.itemtype).toBe('https://schema.org/Place');
    expect(DomUtils.findAll((element) => element.name === 'link', damascus!.children).map((link) => link.attribs.href)).toEqual([
      'https://www.wikidata.org/wiki/Q3766',
      'https://sws.geonames.org/170654/',
    ]);
    const [interfax] = byAnnotation(all, 'o_interfax_1');
    expect(DomUtils.findAll((element) => element.name === 'link', interfax!.children).map((link) => link.attribs.href)).toEqual(['https://www.interfax.com/']);
    // A mention names its registry entity, not just its words.
    const [zolotukhin] = byAnnotation(all, 'p_zolotukhin_2');
    expect(DomUtils.findAll((element) => element.name === 'meta', zolotukhin!.children)[0]!.attribs.content).toBe('Vladimir Zolotukhin');
    expect(byAnnotation(all, 'ev_missile_strike')[0]!.attribs.itemtype).toBe('https://schema.org/Event');
    expect(byAnnotation(all, 'oth_sarin')[0]!.attribs.itemtype).toBe('https://schema.org/Thing');
    expect(byAnnotation(all, 'p_mattis')[0]!.attribs.itemtype).toBe('https://schema.org/Person');
  });

  it('writes attributions with their speaker, mode, cue and figures with their values', () => {
    const { all } = exportHtml(taggedSample());
    const rahman = byAnnotation(all, 'att_rahman');
    expect(rahman.map((element) => `${element.name}:${element.attribs['data-part']}`)).toEqual(['q:content', 'span:cue']);
    expect(rahman[0]!.attribs).toMatchObject({ 'data-speaker': 'Rami Abdel Rahman', 'data-mode': 'direct', 'data-speaker-mention-id': 'p_rahman' });
    const committee = byAnnotation(all, 'att_committee');
    expect(committee[0]!.name).toBe('span');
    expect(committee[0]!.attribs).toMatchObject({ 'data-speaker': 'a member of the committee', 'data-speaker-type': 'anonymous', 'data-anonymity-reason': 'speaking on condition of anonymity', 'data-medium': 'AFP' });
    expect(byAnnotation(all, 'att_delegate').filter((element) => element.attribs['data-part'] === 'content')).toHaveLength(2);
    expect(byAnnotation(all, 'fig_1100')[0]!.attribs).toMatchObject({ 'data-value': '1100', 'data-value-type': 'number', 'data-qualifier': 'more_than', 'data-unit': 'civilians killed', 'data-verification': 'disputed' });
    expect(byAnnotation(all, 'fig_fourth_week')[0]!.attribs).toMatchObject({ 'data-value': 'P3W', 'data-type': 'duration' });
    expect(byAnnotation(all, 'o_fsa')[0]!.attribs['data-note']).toBe('Umbrella of factions; check whether to link "FSA" <alias> & others.');
    const legend = all((element) => element.name === 'aside')[0]!;
    const article = taggedSample();
    const { spans } = articleText(article.doc);
    const tagged = Object.values(article.annotations).filter((annotation) => spans.has(annotation.id));
    const count = (test: (annotation: (typeof tagged)[number]) => boolean) => tagged.filter(test).length;
    expect(DomUtils.findAll((element) => element.name === 'li', legend.children).map((item) => DomUtils.textContent(item))).toEqual([
      `Person ${count((a) => a.kind === 'entity' && a.entityType === 'person')}`,
      `Organisation ${count((a) => a.kind === 'entity' && a.entityType === 'organisation')}`,
      `Place ${count((a) => a.kind === 'entity' && a.entityType === 'place')}`,
      'Event 1',
      'Other 1',
      `Figure ${count((a) => a.kind === 'figure')}`,
      `Attribution (quoted words) ${count((a) => a.kind === 'attribution')}`,
      `Cue (reporting words) ${count((a) => spans.get(a.id)!.some((span) => span.part === 'cue'))}`,
    ]);
  });

  it('counts code points through emoji, astral letters, combining marks, Arabic, CRLF and NBSP', () => {
    const article = unicodeArticle();
    const { all, result } = expectFaithful(article);
    expect(result.warnings).toEqual([]);
    expect(all((element) => element.attribs.dir === 'auto').length).toBeGreaterThanOrEqual(7);
    const who = byAnnotation(all, 'u_who');
    expect(DomUtils.textContent(who)).toBe('World Health\nOrganization');
    mkdirSync(exportArtifactsDir, { recursive: true });
    writeFileSync(path.join(exportArtifactsDir, result.files[0]!.fileName), result.files[0]!.content);
  });

  it('escapes every text and attribute and splits crossing tags into fragments sharing one id', () => {
    const { all } = expectFaithful(markupArticle());
    const crescent = byAnnotation(all, 'm_red_crescent');
    expect(crescent.map((element) => DomUtils.textContent(element))).toEqual(['Red Crescent', ' Hospital']);
    expect(crescent.map((element) => element.attribs.itemscope)).toEqual(['', undefined]);
    expect(byAnnotation(all, 'm_square').map((element) => DomUtils.textContent(element))).toEqual(['Hospital', ' Square']);
    expect(DomUtils.textContent(byAnnotation(all, 'm_script'))).toBe('<script>alert("x")</script>');
    expect(all((element) => element.name === 'title').map((element) => DomUtils.textContent(element))).toEqual([`Fish & "Chips" <b>not bold</b> ]]> 'quoted'`]);
    expect(all((element) => element.name === 'b')).toEqual([]);
  });

  it('shows an entity named like markup literally, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const article = makeArticle(
      [{ type: 'paragraph', text: `They met ${hostile} in "Douma" & left.` }],
      [
        { id: 'h_img', kind: 'entity', entityType: 'person', text: hostile, entityId: 'ent_img', note: '"><script>alert(2)</script>' },
        { id: 'h_douma', kind: 'entity', entityType: 'place', text: '"Douma"', entityId: 'ent_js' },
      ],
      {
        title: `</title><script>alert(3)</script>`,
        entities: [
          entityRecord('ent_img', hostile, 'person', { externalIds: { wikidata: '"><script>', website: 'javascript:alert(4)' } }),
          entityRecord('ent_js', 'Douma" onmouseover="alert(5)', 'place', { externalIds: { website: 'https://example.org/?q="><b>' } }),
        ],
      },
    );
    const { all, content } = expectFaithful(article);
    const [img] = byAnnotation(all, 'h_img');
    expect(DomUtils.textContent(img!)).toBe(hostile);
    expect(DomUtils.findAll((element) => element.name === 'meta', img!.children)[0]!.attribs.content).toBe(hostile);
    expect(DomUtils.findAll((element) => element.name === 'link', img!.children)).toEqual([]);
    expect(img!.attribs['data-note']).toBe('"><script>alert(2)</script>');
    const [douma] = byAnnotation(all, 'h_douma');
    expect(douma!.attribs['data-entity-name']).toBe('Douma" onmouseover="alert(5)');
    expect(DomUtils.findAll((element) => element.name === 'link', douma!.children)[0]!.attribs.href).toBe('https://example.org/?q=%22%3E%3Cb%3E');
    expect(all((element) => element.name === 'title').map((element) => DomUtils.textContent(element))).toEqual(['</title><script>alert(3)</script>']);
    expect(content).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
