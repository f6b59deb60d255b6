import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { checkedPackedBlock, packedBlockOf, packedSpansOf, type BlockSpan, type CheckedBlock } from '../../common/packedDocument';

export type { BlockSpan };

/**
 * A top-level block as the store keeps it. Its tags are its spans alone: the marks a document shows are made
 * from the spans and the records when a document is read (common/packedDocument.ts, documentFromPacked), so a
 * save never writes ProseMirror JSON for them.
 */
export interface StoredBlock {
  type: string;
  // The block without its tags, as ProseMirror JSON (its type, attributes and text): what block_json keeps.
  json: string;
  // Its attributes as JSON, for a type that has any.
  attrsJson: string | null;
  text: string;
  // In blockSpanOrder.
  spans: BlockSpan[];
  // The spans packed, as JSON; null without any: what packed_spans keeps.
  packedSpans: string | null;
}

/** A span with the position and text of the block it is in: what a tag's quote is read from. */
export interface PlacedSpan {
  span: BlockSpan;
  position: number;
  blockText: string;
}

/** The JSON of a packed block (common/packedDocument.ts, PackedBlock) joined from its parts, each already JSON but the text. */
export function packedBlockJson(type: string, attrsJson: string | null, text: string, packedSpans: string | null): string {
  return `{"type":${JSON.stringify(type)}${attrsJson === null ? '' : `,"attrs":${attrsJson}`},"text":${JSON.stringify(text)}${packedSpans === null ? '' : `,"spans":${packedSpans}`}}`;
}

/** A stored block's packed JSON, as a revision keeps it and the editor opens it. */
export function packedJsonOfBlock(block: StoredBlock): string {
  return packedBlockJson(block.type, block.attrsJson, block.text, block.packedSpans);
}

/** What the store keeps of a checked packed block. */
export function storedBlockOfChecked(block: CheckedBlock): StoredBlock {
  const attrsJson = block.attrs ? JSON.stringify(block.attrs) : null;
  const content = block.text === '' ? '' : `,"content":[{"type":"text","text":${JSON.stringify(block.text)}}]`;
  return {
    type: block.type,
    json: `{"type":${JSON.stringify(block.type)}${attrsJson === null ? '' : `,"attrs":${attrsJson}`}${content}}`,
    attrsJson,
    text: block.text,
    spans: block.spans,
    packedSpans: block.spans.length === 0 ? null : JSON.stringify(packedSpansOf(block.spans)),
  };
}

/** What the store keeps of one top-level block of a checked document. */
export function storedBlockOf(block: ProseMirrorNode): StoredBlock {
  return storedBlockOfChecked(checkedPackedBlock(packedBlockOf(block)));
}
