import { ApiError } from '../../common/api';
import { wellFormedJson } from '../../common/wellFormedText';
import { describe, expect, it } from 'vitest';
import { annotationsOf, articleText, parseArticleDocument, spanText } from '../../common/articleText';
import type { Annotation } from '../../common/model/annotation';
import { exportNitf } from '../../main/formats/nitf/writer';
import { parseImportedFile } from '../../main/formats/importFile';
import { makeArticle, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';

const nitfNamespace = 'http://iptc.org/std/NITF/2006-10-18/';

const nitf = (body: string, head = '<head><title>Head title</title></head>'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns="${nitfNamespace}">${head}<body>${body}</body></nitf>`;

const tagged = nitf(`
  <body.head>
    <hedline><hl1>Talks with <org>Faylaq al Rahman</org> stall</hl1></hedline>
    <byline>By <person>Jane Doe</person></byline>
    <abstract><p>Evacuation &amp; talks in <location>eastern Ghouta</location>.</p></abstract>
  </body.head>
  <body.content>
    <p><q quote-source="Rami Abdel Rahman">"A decision could be taken any moment,"</q> said <person idsrc="wikidata" value="Q123">Rami
       Abdel Rahman</person> on <chron norm="2018-03-11">Sunday</chron>.</p>
    <p>About <num units="civilians">1,100</num> civilians died; aid worth <money unit="USD">$400</money> arrived for the <event>Geneva talks</event>.</p>
    <hl2>Russian role</hl2>
    <media media-type="image"><media-reference source="douma.jpg"/><media-caption>Forces in <location>Douma</location>.</media-caption><media-producer>AP</media-producer></media>
    <p><org>UN <location>Geneva</location> office</org> spoke &#x2019;today&#8217;.</p>
    <ul><li>first point</li><li>second point</li></ul>
  </body.content>
  <body.end><tagline>Source: TRT World and agencies</tagline></body.end>`);

async function importNitf(xml: string, fileName = 'story.xml') {
  const article = await parseImportedFile(fileName, new TextEncoder().encode(xml));
  const doc = parseArticleDocument(article.doc);
  const { text, blocks, spans } = articleText(doc);
  const annotations = Object.values(annotationsOf(doc));
  // What each annotation covers in the document, so records are checked against their marks.
  const covered = (record: Annotation): string => spanText(text, spans.get(record.id) ?? []);
  return { article, blocks: blocks.map(({ type, text: blockText, credit }) => ({ type, text: blockText, credit })), annotations, covered };
}

async function refusal(xml: string, fileName = 'story.xml'): Promise<ApiError> {
  const error = await parseImportedFile(fileName, new TextEncoder().encode(xml)).catch((e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return error;
}

describe('NITF import: structure', () => {
  it('maps hedline, abstract, paragraphs, hl2, media captions, lists and the tagline onto article blocks', async () => {
    const { article, blocks } = await importNitf(tagged);
    expect(article.title).toBe('Talks with Faylaq al Rahman stall');
    expect(article.source).toBe('Jane Doe');
    expect(blocks).toEqual([
      { type: 'headline', text: 'Talks with Faylaq al Rahman stall', credit: '' },
      { type: 'standfirst', text: 'Evacuation & talks in eastern Ghouta.', credit: '' },
      { type: 'paragraph', text: '"A decision could be taken any moment," said Rami Abdel Rahman on Sunday.', credit: '' },
      { type: 'paragraph', text: 'About 1,100 civilians died; aid worth $400 arrived for the Geneva talks.', credit: '' },
      { type: 'subhead', text: 'Russian role', credit: '' },
      { type: 'caption', text: 'Forces in Douma.', credit: 'AP' },
      { type: 'paragraph', text: 'UN Geneva office spoke \u2019today\u2019.', credit: '' },
      { type: 'paragraph', text: '• first point', credit: '' },
      { type: 'paragraph', text: '• second point', credit: '' },
      { type: 'credit', text: 'Source: TRT World and agencies', credit: '' },
    ]);
  });

  it('falls back to head/title, then to a proposed title, and to the tagline for the source', async () => {
    const headTitled = await importNitf(nitf('<body.content><p>Negotiators met.</p></body.content><body.end><tagline>Source: Wire</tagline></body.end>'));
    expect(headTitled.article.title).toBe('Head title');
    expect(headTitled.article.source).toBe('Wire');
    const untitled = await importNitf(nitf('<body.content><p>Negotiators met on Sunday, officials said.</p></body.content>', ''));
    expect(untitled.article.title).toBe('Negotiators met on Sunday, officials said');
  });

  it('accepts a bare DOCTYPE naming an external DTD, which is never fetched', async () => {
    const withDoctype = tagged.replace('?>\n', '?>\n<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">\n');
    const { blocks } = await importNitf(withDoctype, 'story.nitf');
    expect(blocks[0]?.text).toBe('Talks with Faylaq al Rahman stall');
  });

  it('keeps CDATA literally', async () => {
    const { blocks } = await importNitf(nitf('<body.content><p><![CDATA[Fish & chips <b>&amp;</b>]]></p></body.content>'));
    expect(blocks[1]?.text).toBe('Fish & chips <b>&amp;</b>');
  });
});

describe('NITF import: inline tags as annotations', () => {
  it('turns person, org, location and event into entity mentions on exactly their words', async () => {
    const { annotations, covered } = await importNitf(tagged);
    const entities = annotations.filter((record) => record.kind === 'entity');
    const byText = Object.fromEntries(entities.map((record) => [covered(record), record.kind === 'entity' ? record.entityType : '']));
    expect(byText).toEqual({
      'Faylaq al Rahman': 'organisation',
      'eastern Ghouta': 'place',
      'Rami Abdel Rahman': 'person',
      'Geneva talks': 'event',
      Douma: 'place',
      'UN Geneva office': 'organisation',
      Geneva: 'place',
    });
    for (const record of annotations) {
      expect(record).toMatchObject({ status: 'accepted', author: 'import' });
      expect(record.quote).toBe(covered(record));
    }
    const rami = entities.find((record) => record.quote === 'Rami Abdel Rahman');
    expect(rami?.note).toBe('wikidata: Q123');
  });

  it('turns num, money and chron into figures with normalised values', async () => {
    const { annotations } = await importNitf(tagged);
    const figures = Object.fromEntries(annotations.filter((record) => record.kind === 'figure').map((record) => [record.quote, record.kind === 'figure' ? record.figure : null]));
    expect(figures['1,100']).toMatchObject({ figureKind: 'count', value: { type: 'number', value: 1100 }, unit: 'civilians' });
    expect(figures.$400).toMatchObject({ figureKind: 'money', value: { type: 'number', value: 400 }, currency: 'USD', unit: '' });
    expect(figures.Sunday).toMatchObject({ figureKind: 'date', value: { type: 'date', iso: '2018-03-11' } });
  });

  it('reads NITF number separators, basic-format dates and percentages', async () => {
    const { annotations } = await importNitf(
      nitf('<body.content><p><num thousands-ch="." decimal-ch="," units="%">1.234,5</num> on <chron norm="20180311T120000">that day</chron> and <chron norm="soon">later</chron>.</p></body.content>'),
    );
    const [percent, date, vague] = annotations.map((record) => (record.kind === 'figure' ? record : null));
    expect(percent?.figure).toMatchObject({ figureKind: 'percent', value: { type: 'number', value: 1234.5 } });
    expect(date?.figure.value).toEqual({ type: 'date', iso: '2018-03-11' });
    expect(vague?.figure.value).toBeNull();
    expect(vague?.note).toBe('NITF norm: soon');
  });

  it('turns q into a direct attribution whose speaker is linked to the mention of the same name', async () => {
    const { annotations, covered } = await importNitf(tagged);
    const quote = annotations.find((record) => record.kind === 'attribution');
    const speaker = annotations.find((record) => record.kind === 'entity' && record.quote === 'Rami Abdel Rahman');
    expect(quote && covered(quote)).toBe('"A decision could be taken any moment,"');
    expect(quote).toMatchObject({ mode: 'direct', speaker: { type: 'entity', name: 'Rami Abdel Rahman', entityId: null, mentionId: speaker?.id } });
  });

  it('nests tags as the source does and tags the headline too', async () => {
    const { article, annotations } = await importNitf(tagged);
    const doc = parseArticleDocument(article.doc);
    const geneva = doc.child(6).child(1);
    expect(geneva.text).toBe('Geneva');
    expect(geneva.marks.map((mark) => mark.attrs.label).sort()).toEqual(['organisation', 'place']);
    const headlineTag = doc.child(0).child(1);
    expect(headlineTag.text).toBe('Faylaq al Rahman');
    expect(annotations.find((record) => record.id === headlineTag.marks[0]?.attrs.id)?.kind).toBe('entity');
  });

  it('drops a tag with no words in it, leaving no record behind', async () => {
    const { annotations } = await importNitf(nitf('<body.content><p>Talks <person> </person>resumed.</p></body.content>'));
    expect(annotations).toEqual([]);
  });
});

describe('NITF import: this app\'s own export, read back from its record', () => {
  const fixtures = { sample: taggedSample, unicode: unicodeArticle, markup: markupArticle };

  it.each(Object.keys(fixtures) as (keyof typeof fixtures)[])('%s: export, import and export again gives the same NITF', async (name) => {
    // What the app stores holds no lone surrogate (common/wellFormedText.ts repairs them where text comes in),
    // so the round trip starts from the fixture as the store would hold it.
    const raw = fixtures[name]();
    const stored = parseArticleDocument(wellFormedJson(raw.doc.toJSON()));
    const input = { ...raw, doc: stored, annotations: annotationsOf(stored) };
    const xml = exportNitf(input).files[0]!.content;
    const imported = await parseImportedFile('story.nitf.xml', new TextEncoder().encode(xml));
    expect(imported.warnings).toEqual([]);
    const doc = parseArticleDocument(imported.doc);
    const entities = new Map((imported.entities ?? []).map((entity) => [entity.id, entity]));
    expect(exportNitf({ article: input.article, doc, annotations: annotationsOf(doc), entities }).files[0]!.content).toBe(xml);
    // Records (ids, fields, authors, notes, cues) and entities come back whole, not rebuilt from inline tags.
    expect(annotationsOf(doc)).toEqual(input.annotations);
    expect(entities).toEqual(input.entities);
    expect(imported.origin).toEqual({ id: input.article.id, createdAt: input.article.createdAt });
  });

  it('keeps text exactly, with CR LF, tabs, double spaces and an empty paragraph, where inline reading would collapse them', async () => {
    const input = makeArticle(
      [{ type: 'paragraph', text: 'Line one\r\nline  two\twith a tab ' }, { type: 'paragraph', text: '' }, { type: 'credit', text: 'Source: Desk' }],
      [{ kind: 'entity', entityType: 'place', text: 'line  two' }],
      { source: '' },
    );
    const xml = exportNitf(input).files[0]!.content;
    const imported = await parseImportedFile('story.xml', new TextEncoder().encode(xml));
    const doc = parseArticleDocument(imported.doc);
    expect(articleText(doc).text).toBe(articleText(input.doc).text);
    // The credit line is not taken as the source: the export had none.
    expect(imported.source).toBe('');
  });
});

describe('NITF import: hostile and wrong XML', () => {
  it('refuses a billion-laughs entity expansion before parsing', async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE nitf [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<nitf><body><body.content><p>&lol3;</p></body.content></body></nitf>`;
    const error = await refusal(laughs, 'laughs.xml');
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/^"laughs\.xml" declares XML entities .*"billion laughs".*so it was not imported\.$/);
  });

  it('refuses an external entity that would read a local file', async () => {
    const external = `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY secret SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&secret;</p></body.content></body></nitf>`;
    const error = await refusal(external);
    expect(error.message).toMatch(/declares XML entities/);
    expect(error.message).not.toContain('root:');
  });

  it('refuses any DOCTYPE with an internal subset, even without entities', async () => {
    const subset = `<?xml version="1.0"?><!DOCTYPE nitf [<!ATTLIST p id CDATA #IMPLIED>]><nitf><body><body.content><p>x</p></body.content></body></nitf>`;
    expect((await refusal(subset)).message).toMatch(/has a DOCTYPE with its own declarations/);
  });

  it('refuses malformed XML, saying where', async () => {
    const error = await refusal(nitf('<body.content><p>Unclosed paragraph</body.content>'), 'broken.xml');
    expect(error.message).toMatch(/^"broken\.xml" is not well-formed XML \(line 2, column \d+: .+\), so it was not imported\.$/);
  });

  it('refuses XML that is not NITF, naming its root element', async () => {
    const error = await refusal('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>', 'feed.xml');
    expect(error.message).toBe('"feed.xml" is XML but not NITF: its root element is <rss>, where an NITF document has <nitf>.');
  });

  it('refuses an NITF document without any article text', async () => {
    expect((await refusal(nitf('<body.content> </body.content>', ''))).message).toBe('"story.xml" contains no article text to import.');
  });
});
