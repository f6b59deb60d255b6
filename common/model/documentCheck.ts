import type { Attrs, Mark, MarkType, Node as ProseMirrorNode, NodeType } from 'prosemirror-model';
import { articleSchema } from '../schema';

/**
 * ProseMirror's own Node.check(), with its mark test made linear. check() rebuilds every text node's mark
 * set with addToSet, comparing each mark with all before it: 20,000 tags on one word cost 2·10⁸ comparisons
 * (37 s for one save). This does the same checks (content, attributes, marks in rank order, no mark twice, no
 * mark that excludes another) with one pass and a set of the marks seen. The article schema is three levels
 * deep (doc, blocks, text), but the walk keeps its own stack anyway, so no document can overflow it.
 */

// What Node.check() asks of attributes: each one is declared by the type (the schema declares no validators).
function checkAttrs(type: NodeType | MarkType, attrs: Attrs, what: 'node' | 'mark'): void {
  const declared = type.spec.attrs ?? {};
  for (const name in attrs) {
    if (!Object.hasOwn(declared, name)) throw new RangeError(`Unsupported attribute ${name} for ${what} of type ${type.name}`);
  }
}
// A mark type's place in the schema, which orders every mark set.
const rank = (type: MarkType): number => (type as unknown as { rank: number }).rank;

// Up to this many marks on one text node are compared pair by pair; beyond it, by a set of keys.
const smallMarkSet = 8;
const markKey = (mark: Mark): string => `${mark.type.name}\u0000${JSON.stringify(mark.attrs)}`;

/** Throws a RangeError, as Node.check() does, when `doc` or any node in it does not fit its schema. */
export function checkDocumentLinear(doc: ProseMirrorNode): void {
  const pending: ProseMirrorNode[] = [doc];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (!node.type.validContent(node.content)) throw new RangeError(`Invalid content for node ${node.type.name}`);
    checkAttrs(node.type, node.attrs, 'node');
    // Most text carries one mark or two: the same mark twice is then found by comparing, not by a set.
    const seen = node.marks.length > smallMarkSet ? new Set<string>() : null;
    for (let index = 0; index < node.marks.length; index++) {
      const mark = node.marks[index]!;
      checkAttrs(mark.type, mark.attrs, 'mark');
      const previous = node.marks[index - 1];
      if (previous && rank(previous.type) > rank(mark.type)) throw new RangeError(`Marks out of order on ${node.type.name} node`);
      if (previous && previous.type !== mark.type && (previous.type.excludes(mark.type) || mark.type.excludes(previous.type))) {
        throw new RangeError(`Invalid collection of marks for node ${node.type.name}: ${mark.type.name} and ${previous.type.name} exclude each other`);
      }
      if (index > 0 && mark.type.excludes(mark.type) && previous?.type === mark.type) {
        throw new RangeError(`Invalid collection of marks for node ${node.type.name}: ${mark.type.name} twice`);
      }
      const twice = seen ? seen.has(markKey(mark)) : node.marks.slice(0, index).some((earlier) => earlier.eq(mark));
      if (twice) throw new RangeError(`Invalid collection of marks for node ${node.type.name}: the same ${mark.type.name} mark twice`);
      seen?.add(markKey(mark));
    }
    node.forEach((child) => pending.push(child));
  }
}

/**
 * What is wrong with a block's attributes beyond what the schema checks (it takes any JSON as a value, where
 * the store, the exporters and the DOM expect text), or null: a caption's credit must be text.
 */
export function blockAttrsProblem(type: string, attrs: Attrs): string | null {
  return type === 'caption' && typeof attrs.credit !== 'string' ? "A caption's credit must be text." : null;
}

/**
 * Where a document of blocks of these types, in this order, stops fitting the schema's rule for a document
 * ('headline block+'): the index of the first block that cannot stand where it is, `types.length` when the
 * document ends too soon, or null when it fits. Checking the types alone lets a save or an import check the
 * rule without building the whole document.
 */
export function blockOrderMisfit(types: readonly string[]): number | null {
  let match: ReturnType<typeof articleSchema.topNodeType.contentMatch.matchType> = articleSchema.topNodeType.contentMatch;
  for (let index = 0; index < types.length; index++) {
    const nodeType = articleSchema.nodes[types[index]!];
    match = nodeType ? match.matchType(nodeType) : null;
    if (!match) return index;
  }
  return match.validEnd ? null : types.length;
}
