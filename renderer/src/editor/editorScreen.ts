import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { redoDepth, undoDepth } from 'prosemirror-history';
import type { ArticleRecord, EntityRecord } from '../../../common/api';
import type { AnnotationMap, EntityType } from '../../../common/model/annotation';
import type { ArticleText } from '../../../common/articleText';
import type { OccurrenceCandidate } from '../../../common/editor/tagAll';
import { annotationMapOf } from '../../../common/editor/annotationRecords';
import type { SaveStatus } from './autosave';
import { selectedAnnotationId } from './selectedAnnotation';

/** A dialog the editor screen shows over the text. `doc` is the document the candidates' positions belong to. */
export type EditorDialog =
  | { type: 'tagAll'; mentionId: string; entityName: string; names: string[]; candidates: OccurrenceCandidate[]; doc: ProseMirrorNode }
  | { type: 'relink'; mentionId: string; query: string; entityType: EntityType };

/** The article's fields the editor's header shows, kept current by saves and status changes. */
export type ArticleHeading = Pick<ArticleRecord, 'id' | 'title' | 'status' | 'revision'>;

/** What React shows of the editor state: the text itself is ProseMirror's to paint, not React's. */
export interface ShownEditorState {
  records: AnnotationMap;
  // The tag the inspector shows.
  selectedId: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Everything the editor screen shows beside the text, as of the latest change that shows. A transaction makes
 * a new snapshot only when it changes what React shows (the records, the selected tag, undo or redo becoming
 * possible), so typing plain text commits no React render; React reads the snapshot whole, so no part of the
 * screen lags another.
 */
export interface EditorScreenSnapshot extends ShownEditorState {
  // The plain text and spans of the document a little later: lists beside the text follow after the edit is painted.
  plainText: ArticleText | null;
  saveStatus: SaveStatus;
  article: ArticleHeading;
  notice: string | null;
  dialog: EditorDialog | null;
  // Registry entries of the article's mentions, fetched when first needed.
  entities: Readonly<Record<string, EntityRecord>>;
  // The speaker picker takes the focus once, right after an attribution is made.
  focusSpeaker: boolean;
  // Suggestions are being computed for this article.
  suggesting: boolean;
}

/** What React shows of `state`. */
export function shownEditorState(state: EditorState): ShownEditorState {
  return { records: annotationMapOf(state), selectedId: selectedAnnotationId(state), canUndo: undoDepth(state) > 0, canRedo: redoDepth(state) > 0 };
}

/** The parts of `shown` that differ from `snapshot`, or null when React would show the same. */
export function shownChange(snapshot: ShownEditorState, shown: ShownEditorState): Partial<ShownEditorState> | null {
  const change: Partial<ShownEditorState> = {};
  if (shown.records !== snapshot.records) change.records = shown.records;
  if (shown.selectedId !== snapshot.selectedId) change.selectedId = shown.selectedId;
  if (shown.canUndo !== snapshot.canUndo) change.canUndo = shown.canUndo;
  if (shown.canRedo !== snapshot.canRedo) change.canRedo = shown.canRedo;
  return Object.keys(change).length > 0 ? change : null;
}

/**
 * The editor screen's snapshot and its listeners, in the shape React's useSyncExternalStore reads: the same
 * object until something shown changes.
 */
export class EditorScreen {
  private snapshot: EditorScreenSnapshot;
  private readonly listeners = new Set<() => void>();
  private closed = false;

  constructor(initial: EditorScreenSnapshot) {
    this.snapshot = initial;
  }

  /** Registers a listener called after each new snapshot; returns the function that removes it. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The latest snapshot. */
  getSnapshot = (): EditorScreenSnapshot => this.snapshot;

  /** Makes a new snapshot with `change` and tells the listeners; nothing after `close`. */
  show(change: Partial<EditorScreenSnapshot>): void {
    if (this.closed) return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  /** Stops every listener: the editor is gone. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }
}
