import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { blockTextAndSpans, type BlockSpan } from '../../common/packedDocument';

export type { BlockSpan };

/** A top-level block as the store keeps it: its type, its JSON, its plain text and its annotation spans. */
export interface StoredBlock {
  type: string;
  json: string;
  text: string;
  spans: BlockSpan[];
}

/** Reads one top-level block into what the store keeps of it; its text and spans as the packed document has them. */
export function storedBlockOf(block: ProseMirrorNode): StoredBlock {
  const { text, spans } = blockTextAndSpans(block);
  return { type: block.type.name, json: JSON.stringify(block.toJSON()), text, spans };
}
