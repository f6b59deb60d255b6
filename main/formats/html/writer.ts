import { labels, type Annotation, type EntityType } from '../../../common/model/annotation';
import { articleStatusLabels } from '../../../common/api';
import { highlightColours, highlightRgba, type HighlightName } from '../../../common/highlightColours';
import type { BlockTypeName } from '../../../common/schema';
import { annotationType, entityById, mediumText, speakerText } from '../shared/annotationFields';
import type { ExportableArticle, ExportResult, FormatWriter } from '../adapter';
import { figureSummary, figureValueText } from '../../../common/model/fieldText';
import { exportFileName } from '../shared/fileNames';
import { nestInline, type InlineNode, type InlineSpan } from '../shared/inlineNesting';
import { externalIdUrl, externalIds, type ExternalId } from '../shared/iris';
import { buildSpanTable, contentText, type PlacedAnnotation, type SpanTable, type TableBlock } from '../shared/spanTable';
import { escapeXmlAttribute, escapeXmlText } from '../shared/xmlWriter';

/**
 * A standalone HTML page of an article: its blocks as headings, paragraphs and captions, every tag a `<span>`
 * (a `<q>` for a direct quote) with `data-` attributes, entity mentions as schema.org microdata items, and a
 * legend. The page has no script and a Content-Security-Policy that forbids any, and every text and attribute
 * is escaped. Tags that cross each other are split into fragments sharing one `data-annotation-id`.
 * The page's text is the article's plain text with LF line ends (an HTML parser turns CR LF into LF anyway)
 * and U+FFFD for the few characters markup cannot carry (controls, lone surrogates), one for one;
 * `data-start`/`data-end` give each fragment's code-point offsets in that text.
 */

/** The schema.org type of each entity type's microdata item. */
export const schemaOrgTypes: Record<EntityType, string> = {
  person: 'https://schema.org/Person',
  organisation: 'https://schema.org/Organization',
  place: 'https://schema.org/Place',
  event: 'https://schema.org/Event',
  other: 'https://schema.org/Thing',
};

/** The policy the page declares: nothing may load or run; only its own inline style applies. */
export const htmlContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Attributes as written: `true` for a boolean attribute, null or undefined to leave one out. */
function attributes(pairs: ReadonlyArray<[name: string, value: string | true | null | undefined]>): string {
  return pairs
    .map(([name, value]) => (value === null || value === undefined ? '' : value === true ? ` ${name}` : ` ${name}="${escapeXmlAttribute(value)}"`))
    .join('');
}

/** A class token made safe from any type name. */
function classToken(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}

/** One span of one annotation inside a block: the value each inline element of the page carries. */
interface Interval {
  placed: PlacedAnnotation;
  part: 'content' | 'cue';
}

/** The page of an external id for schema.org's sameAs: Wikidata's entity page, else the id's own web address. */
function sameAsUrl(id: ExternalId): string | null {
  if (id.scheme.toLowerCase() === 'wikidata' && /^Q[1-9][0-9]*$/.test(id.value)) return `https://www.wikidata.org/wiki/${id.value}`;
  return externalIdUrl(id);
}

/** The tooltip of a tag: its type and what it says, in words. */
function titleOf(input: ExportableArticle, placed: PlacedAnnotation, part: 'content' | 'cue'): string {
  const annotation = placed.annotation;
  const status = labels[annotation.status];
  if (part === 'cue') return `Cue of an attribution (${status})`;
  switch (annotation.kind) {
    case 'entity': {
      const entity = entityById(input, annotation.entityId);
      return `${labels[annotation.entityType]}${entity ? `: ${entity.name}` : ''} (${status})`;
    }
    case 'figure': {
      const summary = figureSummary(annotation.figure);
      return `Figure${summary ? `: ${summary}` : ''} (${status}, ${annotation.figure.verification})`;
    }
    case 'attribution': {
      const speaker = speakerText(input, annotation);
      return `Attribution, ${annotation.mode}${speaker ? `: ${speaker}` : ''} (${status})`;
    }
  }
}

/** The data attributes of a tag's kind. */
function kindAttributes(input: ExportableArticle, annotation: Annotation): Array<[string, string | null]> {
  switch (annotation.kind) {
    case 'entity': {
      const entity = entityById(input, annotation.entityId);
      return [
        ['data-entity-id', annotation.entityId],
        ['data-entity-name', entity?.name ?? null],
      ];
    }
    case 'figure': {
      const figure = annotation.figure;
      return [
        ['data-value', figure.value ? figureValueText(figure.value) : null],
        ['data-value-type', figure.value?.type ?? null],
        ['data-qualifier', figure.qualifier],
        ['data-unit', figure.unit || null],
        ['data-currency', figure.currency],
        ['data-verification', figure.verification],
        ['data-source-note', figure.sourceNote || null],
      ];
    }
    case 'attribution': {
      const speaker = annotation.speaker;
      return [
        ['data-mode', annotation.mode],
        ['data-speaker', speaker ? speakerText(input, annotation) : null],
        ['data-speaker-type', speaker?.type ?? null],
        ['data-speaker-entity-id', speaker?.type === 'entity' ? speaker.entityId : null],
        ['data-speaker-mention-id', speaker?.type === 'entity' ? speaker.mentionId : null],
        ['data-anonymity-reason', speaker?.type === 'anonymous' && speaker.anonymityReason ? speaker.anonymityReason : null],
        ['data-medium', mediumText(input, annotation) || null],
        ['data-medium-entity-id', annotation.mediumEntityId],
      ];
    }
  }
}

// The opening tag (with its microdata) and the closing tag of one annotation element.
function elementTags(input: ExportableArticle, table: SpanTable, block: TableBlock, node: Extract<InlineNode<Interval>, { type: 'element' }>, seen: Set<Interval>): { open: string; close: string } {
  const first = !seen.has(node.value);
  seen.add(node.value);
  const { placed, part } = node.value;
  const annotation = placed.annotation;
  const element = annotation.kind === 'attribution' && part === 'content' && annotation.mode === 'direct' ? 'q' : 'span';
  const type = part === 'cue' ? 'cue' : annotationType(annotation);
  const classes = ['ann', `ann-${annotation.kind}`, part === 'cue' ? 'ann-cue' : annotation.kind === 'entity' ? `ann-${classToken(annotation.entityType)}` : ''].filter(Boolean);
  // Only an entity's first fragment is a microdata item, so a split mention is not two things.
  const item = annotation.kind === 'entity' && part === 'content' && first;
  const entity = annotation.kind === 'entity' ? entityById(input, annotation.entityId) : undefined;
  const open = attributes([
    ['class', classes.join(' ')],
    ['data-annotation-id', annotation.id],
    ['data-kind', annotation.kind],
    ['data-type', type],
    ['data-part', part],
    ['data-status', annotation.status],
    ['data-start', String(table.toCodePoint(block.start + node.start))],
    ['data-end', String(table.toCodePoint(block.start + node.end))],
    ...(part === 'content' ? kindAttributes(input, annotation) : []),
    ['data-note', part === 'content' && annotation.note ? annotation.note : null],
    ['title', titleOf(input, placed, part)],
    ['itemscope', item ? true : null],
    ['itemtype', item && annotation.kind === 'entity' ? schemaOrgTypes[annotation.entityType] : null],
  ]);
  let microdata = '';
  if (item) {
    microdata += `<meta${attributes([['itemprop', 'name'], ['content', entity?.name ?? contentText(placed)]])}>`;
    for (const id of entity ? externalIds(entity.externalIds) : []) {
      const url = sameAsUrl(id);
      if (url) microdata += `<link${attributes([['itemprop', 'sameAs'], ['href', url]])}>`;
    }
  }
  return { open: `<${element}${open}>${microdata}`, close: `</${element}>` };
}

/**
 * Writes a block's nested tags as elements. `seen` holds the spans already written, so that a span split into
 * fragments (it crosses another tag) is a microdata item only once. Offsets are relative to the block. The
 * tree is walked with a stack of its own, not by recursion: 20,000 tags on one word nest 20,000 deep.
 */
function writeFragments(input: ExportableArticle, table: SpanTable, block: TableBlock, nodes: ReadonlyArray<InlineNode<Interval>>, seen: Set<Interval>): string {
  const out: string[] = [];
  // One frame per open element: its children, the next one to write, and the tag that closes it.
  const stack: Array<{ nodes: ReadonlyArray<InlineNode<Interval>>; next: number; close: string }> = [{ nodes, next: 0, close: '' }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.nodes[frame.next++];
    if (!node) {
      out.push(frame.close);
      stack.pop();
    } else if (node.type === 'text') {
      out.push(escapeXmlText(node.text));
    } else {
      const { open, close } = elementTags(input, table, block, node, seen);
      out.push(open);
      stack.push({ nodes: node.children, next: 0, close });
    }
  }
  return out.join('');
}

const blockElements: Record<BlockTypeName, { tag: string; className: string }> = {
  headline: { tag: 'h1', className: 'headline' },
  dateline: { tag: 'p', className: 'dateline' },
  standfirst: { tag: 'p', className: 'standfirst' },
  paragraph: { tag: 'p', className: 'paragraph' },
  subhead: { tag: 'h2', className: 'subhead' },
  caption: { tag: 'figcaption', className: 'caption' },
  credit: { tag: 'p', className: 'credit' },
};

/** Writes one block with its tags; tags that cross are split into fragments (see inlineNesting.ts). */
function writeBlock(input: ExportableArticle, table: SpanTable, block: TableBlock, spans: ReadonlyArray<InlineSpan<Interval>>): string {
  const { tag, className } = blockElements[block.type];
  const open = attributes([
    ['class', className],
    ['data-block', block.type],
    ['dir', 'auto'],
    ['itemprop', block.type === 'headline' ? 'headline' : null],
    // The photo credit is shown by the style sheet, so that it is not part of the article's text.
    ['data-credit', block.type === 'caption' && block.credit ? block.credit : null],
  ]);
  const nested = nestInline(table.text.slice(block.start, block.end), spans, { crossing: 'split' });
  const body = `<${tag}${open}>${writeFragments(input, table, block, nested.nodes, new Set())}</${tag}>`;
  return block.type === 'caption' ? `<figure>${body}</figure>` : body;
}

/** The legend's entries: what each colour means, with how many tags of it the article has. */
function legend(table: SpanTable): string {
  const count = (predicate: (placed: PlacedAnnotation) => boolean) => table.placed.filter(predicate).length;
  const entries: Array<[className: string, label: string, total: number]> = [
    ...(['person', 'organisation', 'place', 'event', 'other'] as const).map((type): [string, string, number] => [
      `ann ann-entity ann-${type}`,
      labels[type],
      count((placed) => placed.annotation.kind === 'entity' && placed.annotation.entityType === type),
    ]),
    ['ann ann-figure', labels.figure, count((placed) => placed.annotation.kind === 'figure')],
    ['ann ann-attribution', `${labels.attribution} (quoted words)`, count((placed) => placed.annotation.kind === 'attribution')],
    ['ann ann-attribution ann-cue', 'Cue (reporting words)', count((placed) => placed.cue.length > 0)],
  ];
  const items = entries.map(([className, label, total]) => `<li><span class="${escapeXmlAttribute(className)} swatch">${escapeXmlText(label)}</span> <span class="count">${total}</span></li>`);
  return `<aside class="legend" aria-labelledby="legend-title">\n<h2 id="legend-title">Legend</h2>\n<ul>\n${items.join('\n')}\n</ul>\n<p class="hint">Hover a tag to see its fields.</p>\n</aside>`;
}

// The highlights in the editor's colours (common/highlightColours.ts): a tint with an underline, an attribution
// with a rule beneath, a cue with a dotted underline.
function highlightRules(): string {
  const line = (name: HighlightName) => highlightRgba(name, highlightColours[name].line);
  const tint = (name: HighlightName) => highlightRgba(name, highlightColours[name].tint);
  const tagged = (['person', 'organisation', 'place', 'event', 'other', 'figure'] as const).map(
    (name) => `.ann-${name} { background: ${tint(name)}; box-shadow: inset 0 -2px ${line(name)}; }`,
  );
  return [
    ...tagged,
    `.ann-attribution { background: ${tint('attribution')}; border-bottom: 2px solid ${line('attribution')}; }`,
    `.ann-cue { background: none; border-bottom: none; text-decoration: underline dotted ${line('cue')} 2px; text-underline-offset: 3px; font-style: italic; }`,
  ].join('\n');
}

const styleSheet = `
:root { color-scheme: light; font-family: Georgia, 'Times New Roman', serif; line-height: 1.55; color: #1d1d1f; background: #fff; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; }
header.meta { font: 0.85rem/1.4 system-ui, sans-serif; color: #555; border-bottom: 1px solid #ddd; margin-bottom: 1.5rem; padding-bottom: 0.5rem; }
[data-block] { white-space: pre-wrap; overflow-wrap: anywhere; }
h1[data-block] { font-size: 2rem; line-height: 1.2; }
p.dateline { font: 600 0.9rem system-ui, sans-serif; color: #555; }
p.standfirst { font-size: 1.2rem; color: #333; }
figure { margin: 1.5rem 0; padding: 0.5rem 0.75rem; border-left: 3px solid #ccc; }
figcaption { font: 0.9rem/1.4 system-ui, sans-serif; color: #444; }
figcaption[data-credit]::after { content: " (" attr(data-credit) ")"; color: #777; }
p.credit { font: 0.85rem system-ui, sans-serif; color: #666; }
q::before, q::after { content: none; }
.ann { border-radius: 3px; padding: 0 1px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.ann .ann { padding: 0; }
${highlightRules()}
[data-status="needs_review"] { outline: 1px dashed #c0392b; }
[data-status="suggested"] { opacity: 0.8; }
aside.legend { font: 0.85rem/1.4 system-ui, sans-serif; margin-top: 3rem; border-top: 1px solid #ddd; }
aside.legend h2 { font-size: 1rem; }
aside.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
aside.legend .count { color: #777; }
`.trim();

/** The whole page of an article. */
export function htmlDocument(input: ExportableArticle): { content: string; warnings: string[] } {
  const table = buildSpanTable(input, { normaliseLineEnds: true });
  // Listed in document order, content before cue: nestInline keeps this order for spans of equal extent.
  const spans = table.placed.flatMap((placed) => [...placed.content, ...placed.cue].map((span) => ({ start: span.start, end: span.end, value: { placed, part: span.part } })));
  const blocks = table.blocks.map((block) =>
    writeBlock(
      input,
      table,
      block,
      spans.filter((span) => span.start >= block.start && span.end <= block.end).map((span) => ({ ...span, start: span.start - block.start, end: span.end - block.start })),
    ),
  );
  const article = input.article;
  const meta = [article.source ? `Source: ${article.source}` : '', `Status: ${articleStatusLabels[article.status]}`, `Updated: ${article.updatedAt}`, `Article id: ${article.id}`].filter(Boolean);
  const content = [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeXmlAttribute(htmlContentSecurityPolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Newsroom Annotator">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeXmlText(article.title)}</title>`,
    `<style>\n${styleSheet}\n</style>`,
    '</head>',
    '<body>',
    `<header class="meta"><p>${meta.map(escapeXmlText).join(' · ')}</p></header>`,
    `<article itemscope itemtype="https://schema.org/NewsArticle"${attributes([['data-article-id', article.id]])}>`,
    ...blocks,
    '</article>',
    legend(table),
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const warnings = table.unplaced.map((annotation) => `HTML: annotation ${annotation.id} has no text left in the article and is not shown.`);
  return { content, warnings };
}

/** A standalone, script-free HTML page with the tags highlighted. */
export const htmlWriter: FormatWriter = {
  write(input: ExportableArticle): ExportResult {
    const { content, warnings } = htmlDocument(input);
    return {
      files: [{ fileName: exportFileName(input.article.title, input.article.id, 'html'), mimeType: 'text/html; charset=utf-8', content }],
      warnings,
    };
  },
};
