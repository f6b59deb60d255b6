import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { emptyDraft, type DraftArticle, type DraftBlock } from '../shared/articleDraft';
import { applyCopyConventions } from '../shared/copyConventions';
import { parseHtml } from '../html/reader';
import { defaultWindowLines, readReferences, tokenWindows } from './tokenChunks';

/**
 * Markdown articles: the first level-one heading is the headline, other headings are subheads, an
 * image standing alone is a photo caption (its title, else its alt text), list items keep their marker.
 * Raw HTML inside the Markdown goes through the HTML reader's sanitiser, so scripts never survive.
 */

const markdown = new MarkdownIt({ html: true });

// markdown-it stops reading, silently, where blocks nest past its maxNesting (100 levels; a blockquote takes
// one, a list item two): 10,000 nested quotes imported as nothing. Container markers are therefore cut to
// this many per line, and indentation to this many columns, before it reads the text; nothing that deep is
// meant, and the words after the markers are kept.
const maxContainerMarkers = 30;
const maxIndentColumns = 60;
// One container marker: a quote's '>', or a list marker ('-', '+', '*', '1.', '1)') that a space follows.
const containerMarker = /^[ \t]{0,3}(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]))[ \t]?/u;

function flattenDeepContainers(source: string): string {
  return source
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/u.exec(line)![0];
      let rest = indent.length > maxIndentColumns ? `${' '.repeat(maxIndentColumns)}${line.slice(indent.length)}` : line;
      let prefix = '';
      for (let markers = 0; ; markers++) {
        const marker = containerMarker.exec(rest);
        if (!marker) break;
        if (markers < maxContainerMarkers) prefix += marker[0];
        rest = rest.slice(marker[0].length);
      }
      return prefix + rest;
    })
    .join('\n');
}

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => {
      if (child.type === 'text' || child.type === 'code_inline') return child.content;
      return child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : '';
    })
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

// A paragraph holding only images is a picture; its words are captions.
function imageCaptions(token: Token): DraftBlock[] | null {
  const children = (token.children ?? []).filter(
    (child) => !(child.type === 'softbreak' || child.type === 'hardbreak' || (child.type === 'text' && child.content.trim() === '')),
  );
  if (children.length === 0 || children.some((child) => child.type !== 'image')) return null;
  return children
    .map((image) => String(image.attrGet('title') ?? image.content).trim())
    .filter(Boolean)
    .map((text) => ({ type: 'caption', text }));
}

// Every token of the text, window by window: a window's tokens are let go once the next is read.
function* windowTokens(source: string, env: Record<string, unknown>, windowLines: number): Generator<Token> {
  for (const tokens of tokenWindows(source, (window) => markdown.parse(window, env), windowLines)) yield* tokens;
}

/**
 * Reads a Markdown article into blocks, headings and captions as the module comment describes. markdown-it
 * reads it a window of `windowLines` lines at a time (see tokenChunks.ts), so that a long text never holds all
 * its tokens at once; the windows give the same article as one reading of the whole text.
 */
export function parseMarkdown(text: string, windowLines = defaultWindowLines): DraftArticle {
  const draft = emptyDraft();
  const blocks: DraftBlock[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let listMarker = '';
  let opener: Token | null = null;
  const push = (block: DraftBlock): void => {
    blocks.push({ ...block, text: listMarker + block.text });
    listMarker = '';
  };
  const source = flattenDeepContainers(text);
  const env: Record<string, unknown> = {};
  readReferences(markdown, source, env, windowLines);
  for (const token of windowTokens(source, env, windowLines)) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        listMarker = list?.ordered ? `${list.next++}. ` : '• ';
        break;
      }
      case 'heading_open':
      case 'paragraph_open':
      case 'td_open':
      case 'th_open':
        opener = token;
        break;
      case 'inline': {
        const content = inlineText(token);
        if (opener?.type === 'heading_open') {
          if (opener.tag === 'h1' && draft.title === null) draft.title = content || null;
          else if (content) push({ type: 'subhead', text: content });
        } else {
          const captions = opener?.type === 'paragraph_open' ? imageCaptions(token) : null;
          if (captions) captions.forEach(push);
          else if (content) push({ type: 'paragraph', text: content });
        }
        break;
      }
      case 'fence':
      case 'code_block':
        token.content.split(/\n\s*\n/u).map((part) => part.replace(/\s+/gu, ' ').trim()).filter(Boolean).forEach((part) => push({ type: 'paragraph', text: part }));
        break;
      case 'html_block': {
        const fragment = parseHtml(token.content);
        if (fragment.title !== null && draft.title === null) draft.title = fragment.title;
        else if (fragment.title !== null) push({ type: 'subhead', text: fragment.title });
        fragment.blocks.forEach(push);
        break;
      }
    }
  }
  draft.blocks = applyCopyConventions(blocks);
  return draft;
}
