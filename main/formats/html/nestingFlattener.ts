import { maxMarkupDepth } from '../shared/expansionLimits';

/**
 * Flattening HTML that nests deeper than any page does, before the sanitiser sees it. htmlparser2 (inside
 * sanitize-html) keeps its open elements with Array.unshift, so every tag costs as much as the nesting is
 * deep: 200,000 unclosed <div>s took 83 s. This pass reads the tags with one linear scan, follows the nesting
 * as the parser will (void elements, and <p>, <li> and the like closing an open one of their kind), and drops
 * the tags of elements deeper than maxMarkupDepth together with their closing tags. Their text stays, in
 * order; only element boundaries nobody could see go.
 */

// A tag: its name, then attributes (quoted values bounded, so an unclosed quote cannot make the scan quadratic).
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]{0,60})((?:[^>"']|"[^"]{0,4096}"|'[^']{0,4096}'){0,8192})>|<!--/g;

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
// Elements an opening tag of the same name closes, as browsers and htmlparser2 do.
const closedBySibling = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'rt', 'rp']);

/** The HTML with tags nested deeper than maxMarkupDepth removed; unchanged when it nests less deeply. */
export function flattenDeepNesting(html: string): string {
  const open: string[] = [];
  // Elements opened too deep, by name, whose closing tags are dropped too.
  const dropped = new Map<string, number>();
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let changed = false;
  tagPattern.lastIndex = 0;
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    if (match[0] === '<!--') {
      // A comment's insides are not tags; an unclosed one runs to the end.
      const end = html.indexOf('-->', match.index + 4);
      tagPattern.lastIndex = end < 0 ? html.length : end + 3;
      continue;
    }
    const [whole, closing, rawName, attributes] = match as unknown as [string, string, string, string];
    const name = rawName.toLowerCase();
    let drop = false;
    if (closing) {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0) {
        dropped.set(name, pending - 1);
        drop = true;
      } else {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.length = at;
      }
    } else if (!voidElements.has(name) && !attributes.trimEnd().endsWith('/')) {
      if (closedBySibling.has(name) && open[open.length - 1] === name) open.pop();
      if (open.length >= maxMarkupDepth) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        drop = true;
      } else open.push(name);
    }
    if (drop) {
      pieces.push(html.slice(copiedUpTo, match.index));
      copiedUpTo = match.index + whole.length;
      changed = true;
    }
  }
  if (!changed) return html;
  pieces.push(html.slice(copiedUpTo));
  return pieces.join('');
}
