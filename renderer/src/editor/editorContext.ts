import type { EditorState, Transaction } from 'prosemirror-state';
import type { AnnotatorApi, EntityRecord } from '../../../common/api';
import type { Annotation } from '../../../common/model/annotation';
import type { Command } from '../../../common/editor/annotationCommands';
import type { EditorScreen } from './editorScreen';

/**
 * What the parts of an open editor (tagging, suggestions, the inspector's fields, the shortcuts) share, supplied
 * by the controller that wires them: the state now, the one path of every change, and the screen beside the text.
 */
export interface EditorContext {
  readonly api: AnnotatorApi;
  readonly screen: EditorScreen;
  // The editor state now.
  state(): EditorState;
  // Applies a transaction: the one path of every change.
  dispatch(tr: Transaction): void;
  // Runs a command on the current state; with `focusText`, the text takes the focus back afterwards.
  run(command: Command, focusText?: boolean): boolean;
  // Gives the focus to the text, when it is painted.
  focusText(): void;
  // Shows tag `id` in the inspector (null: none); with `scroll`, puts the caret at its words.
  select(id: string | null, scroll?: boolean): void;
  // The tag the inspector shows.
  selectedRecord(): Annotation | null;
  // Shows a one-line message over the text, or hides it with null.
  setNotice(notice: string | null): void;
  // Keeps a registry entry for the inspector and "Tag all occurrences".
  rememberEntity(entity: EntityRecord): void;
  // The clock that stamps records.
  now(): string;
  // Who tags.
  userName(): string;
  // The editor was closed: answers that come later change nothing.
  isClosed(): boolean;
}
