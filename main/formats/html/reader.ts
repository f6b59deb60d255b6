import sanitizeHtml from 'sanitize-html';
import { emptyDraft, type DraftArticle, type DraftBlock } from '../shared/articleDraft';
import { applyCopyConventions } from '../shared/copyConventions';
import { maxMarkupDepth } from '../shared/expansionLimits';
import { flattenDeepNesting } from './nestingFlattener';

/**
 * Web pages (and Word files converted to HTML) as articles. sanitize-html, a maintained sanitiser, first
 * reduces the page to a fixed set of structural tags whose only attributes are a few known classes and a
 * caption's data-credit: scripts, styles, event handlers, embedded objects and every inline tag are gone
 * before this module looks at the markup. What remains is regular enough to read with a small tokenizer,
 * from which the article's main content is taken.
 */

const blockTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'figcaption', 'li', 'pre', 'td', 'th'];
const containerTags = ['article', 'main', 'section', 'div', 'header', 'footer', 'nav', 'aside', 'figure', 'blockquote', 'ul', 'ol', 'table', 'tr'];

// Paragraph classes that mark a standfirst, a credit or a dateline, including those of this app's own schema.
const standfirstClasses = ['standfirst', 'block-standfirst', 'lede', 'dek', 'summary'];
const creditClasses = ['credit', 'block-credit'];
const datelineClasses = ['dateline', 'block-dateline'];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...blockTags, ...containerTags, 'title', 'br'],
  allowedAttributes: { figcaption: ['data-credit'] },
  allowedClasses: { p: [...standfirstClasses, ...creditClasses, ...datelineClasses] },
  // Elements whose text is never article copy, dropped with everything inside them.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'select', 'button', 'noscript', 'iframe', 'object', 'svg', 'math', 'template', 'canvas', 'audio', 'video'],
  disallowedTagsMode: 'discard',
};

interface HtmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
}
type HtmlNode = HtmlElement | string;

// The sanitiser escapes exactly these in its output.
const escapes: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };
function unescapeSanitized(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot);/gu, (entity) => escapes[entity] ?? entity);
}

// Reads the sanitiser's output, which holds only allowed tags, quoted attributes and escaped text. Elements
// nested deeper than maxMarkupDepth are flattened into the element at that depth (their text stays, in
// order), so the readers below recurse no deeper than that whatever the page: nestingFlattener.ts does the
// same before the sanitiser, but by a reading of raw HTML this exact parse does not depend on.
function parseSanitized(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attributes: {}, children: [] };
  const open: HtmlElement[] = [root];
  // Tags opened past the depth limit and not yet closed, by name, so their closing tags close nothing real.
  const flattened = new Map<string, number>();
  const tagPattern = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/gu;
  let last = 0;
  for (const match of html.matchAll(tagPattern)) {
    const parent = open[open.length - 1] as HtmlElement;
    if (match.index > last) parent.children.push(unescapeSanitized(html.slice(last, match.index)));
    last = match.index + match[0].length;
    const [, closing, tag, attributeText] = match as unknown as [string, string, string, string];
    if (closing) {
      const unmatched = flattened.get(tag) ?? 0;
      if (unmatched > 0) {
        flattened.set(tag, unmatched - 1);
        continue;
      }
      let at = open.length - 1;
      while (at > 0 && open[at]!.tag !== tag) at--;
      if (at > 0) open.length = at;
      continue;
    }
    if (tag !== 'br' && open.length > maxMarkupDepth) {
      flattened.set(tag, (flattened.get(tag) ?? 0) + 1);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of attributeText.matchAll(/([a-z-]+)="([^"]*)"/gu)) {
      attributes[attribute[1] as string] = unescapeSanitized(attribute[2] as string);
    }
    const element: HtmlElement = { tag, attributes, children: [] };
    parent.children.push(element);
    if (tag !== 'br') open.push(element);
  }
  if (last < html.length) (open[open.length - 1] as HtmlElement).children.push(unescapeSanitized(html.slice(last)));
  return root;
}

function elementsIn(node: HtmlElement, tag: string): HtmlElement[] {
  return node.children.flatMap((child) =>
    typeof child === 'string' ? [] : [...(child.tag === tag ? [child] : []), ...elementsIn(child, tag)],
  );
}

function textOf(node: HtmlNode): string {
  return typeof node === 'string' ? node : node.tag === 'br' ? ' ' : node.children.map(textOf).join('');
}

// HTML collapses ASCII whitespace only; a no-break space in copy is meant.
function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\f\r]+/gu, ' ').replace(/^ | $/gu, '');
}

// The article is the page's <article> with the most text, else its <main>, else the whole page.
function mainContent(root: HtmlElement): { content: HtmlElement; isWholePage: boolean } {
  const articles = elementsIn(root, 'article').sort((a, b) => textOf(b).length - textOf(a).length);
  const content = articles[0] ?? elementsIn(root, 'main')[0];
  return content ? { content, isWholePage: false } : { content: root, isWholePage: true };
}

interface BlockReader {
  draft: DraftArticle;
  blocks: DraftBlock[];
  // Page chrome: always navigation and asides; headers and footers too unless they belong to the article.
  chromeTags: ReadonlySet<string>;
}

function blockFor(element: HtmlElement, text: string, reader: BlockReader): DraftBlock | null {
  const classes = (element.attributes.class ?? '').split(' ');
  switch (element.tag) {
    case 'h1':
      if (reader.draft.title === null) {
        reader.draft.title = text;
        return null;
      }
      return { type: 'subhead', text };
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return { type: 'subhead', text };
    case 'figcaption':
      return { type: 'caption', text, credit: element.attributes['data-credit'] ?? '' };
    case 'p':
      if (classes.some((name) => standfirstClasses.includes(name))) return { type: 'standfirst', text };
      if (classes.some((name) => creditClasses.includes(name))) return { type: 'credit', text };
      if (classes.some((name) => datelineClasses.includes(name))) return { type: 'dateline', text };
      return { type: 'paragraph', text };
    default:
      return { type: 'paragraph', text };
  }
}

function readBlocks(element: HtmlElement, reader: BlockReader): void {
  let loose = '';
  // Text outside any block element (a bare <div>, text beside a list) is a paragraph of its own.
  const flushLoose = (): void => {
    const text = collapseWhitespace(loose);
    if (text) reader.blocks.push({ type: 'paragraph', text });
    loose = '';
  };
  let ordinal = 0;
  for (const child of element.children) {
    if (typeof child === 'string' || child.tag === 'br') {
      loose += textOf(child);
      continue;
    }
    flushLoose();
    if (reader.chromeTags.has(child.tag) || child.tag === 'title') continue;
    if (child.tag === 'li') {
      ordinal++;
      const marker = element.tag === 'ol' ? `${ordinal}. ` : '• ';
      const before = reader.blocks.length;
      readBlocks(child, reader);
      // A list item's first block carries its marker, so "1." or "•" survives into the copy.
      const first = reader.blocks[before];
      if (first) first.text = marker + first.text;
    } else if (blockTags.includes(child.tag) && !child.children.some((grandchild) => typeof grandchild !== 'string' && grandchild.tag !== 'br')) {
      const text = collapseWhitespace(textOf(child));
      const block = text ? blockFor(child, text, reader) : null;
      if (block) reader.blocks.push(block);
    } else {
      readBlocks(child, reader);
    }
  }
  flushLoose();
}

/** Reads the sanitised blocks of an HTML document or fragment, with its first <h1> (or <title>) as title. */
export function parseHtml(html: string): DraftArticle {
  const root = parseSanitized(sanitizeHtml(flattenDeepNesting(html), sanitizeOptions));
  const draft = emptyDraft();
  const { content, isWholePage } = mainContent(root);
  const chromeTags = new Set(isWholePage ? ['nav', 'aside', 'header', 'footer'] : ['nav', 'aside']);
  const reader: BlockReader = { draft, blocks: [], chromeTags };
  readBlocks(content, reader);
  const pageTitle = elementsIn(root, 'title')[0];
  if (draft.title === null && pageTitle) draft.title = collapseWhitespace(textOf(pageTitle)) || null;
  draft.blocks = applyCopyConventions(reader.blocks);
  return draft;
}
