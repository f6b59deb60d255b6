import { EditorView } from 'prosemirror-view';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { redo, undo } from 'prosemirror-history';
import { AddMarkStep, RemoveMarkStep } from 'prosemirror-transform';
import type { AnnotatorApi, ArticleStatus } from '../../../common/api';
import type { Annotation, AnnotationMap } from '../../../common/model/annotation';
import { articleText } from '../../../common/articleText';
import type { Command } from '../../../common/editor/annotationCommands';
import { annotationIdsAt, annotationRanges } from '../../../common/editor/annotationRanges';
import { annotationMapOf, articleDocumentJson } from '../../../common/editor/annotationRecords';
import { nextAnnotationId, type StepFilter } from '../../../common/editor/annotationStepping';
import { landingSuggestionsMeta } from '../../../common/editor/suggestionPlacing';
import { AutosaveController } from './autosave';
import { ArticleJournal, journalledDocument, type JournalEntry, type JournalStorage } from './unsavedJournal';
import { createArticleEditorState, stripPastedAnnotations } from './editorState';
import type { EditorArticle } from './editorArticle';
import { editorKeymapPlugin, type ShortcutCommandName } from './editorKeymap';
import type { EditorContext } from './editorContext';
import { articleDocumentJsonText } from './documentJsonText';
import { EditorScreen, shownChange, shownEditorState, type EditorScreenSnapshot } from './editorScreen';
import { pointerMeta } from './followCaret';
import { hideEditableFromReactCommits } from './reactSelectionGuard';
import { selectAnnotation, selectedAnnotationId } from './selectedAnnotation';
import { shortcutCommands } from './shortcutCommands';
import { SuggestionActions } from './suggestionActions';
import { TagFieldActions } from './tagFieldActions';
import { TaggingActions } from './taggingActions';

export type { ArticleHeading, EditorDialog, EditorScreenSnapshot } from './editorScreen';

/** What a controller needs: the API, the article as opened, who tags, and where to paint. */
export interface EditorControllerOptions {
  api: AnnotatorApi;
  article: EditorArticle;
  userName: string;
  // Quiet time of the autosave; tests shorten it.
  saveDebounceMs?: number;
  // The clock that stamps records; tests fix it.
  now?: () => string;
  // Where unacknowledged work is journalled; none, and nothing outlives the page.
  journal?: JournalStorage;
  // Work journalled earlier to open with instead of the stored document, saved on top of `article`.
  replay?: JournalEntry;
}

// Browsers paint between animation frames; Node (tests) has none and runs the follow-up at once.
const afterPaint: (callback: () => void) => void =
  (globalThis as { requestAnimationFrame?: (callback: () => void) => unknown }).requestAnimationFrame?.bind(globalThis) ?? ((callback) => callback());

/**
 * The editor of one open article, as plain TypeScript: the lifecycle that owns the ProseMirror state (and the
 * view, once mounted), the autosave and the journal, and wires the editor's parts (tagging, suggestions, the
 * inspector's fields, the shortcuts) to them. React subscribes to its screen snapshot and renders it. Every
 * change, from the view or from a part, goes through `dispatch`.
 */
export class EditorController {
  private editorState: EditorState;
  private readonly screen: EditorScreen;
  private readonly autosave: AutosaveController;
  private readonly journal: ArticleJournal | null;
  private view: EditorView | null = null;
  private textTimer: ReturnType<typeof setTimeout> | null = null;
  // Records of landed suggestions that the lists show with the next plain text rather than in the landing's task.
  private recordsShownWithText: AnnotationMap | null = null;
  private destroyed = false;
  private userName: string;
  private readonly api: AnnotatorApi;
  private readonly now: () => string;
  private readonly commands: Record<ShortcutCommandName, Command>;
  /** Tagging by hand and the registry links of mentions. */
  readonly tagging: TaggingActions;
  /** Suggested tags: asking for them and working through them. */
  readonly suggestions: SuggestionActions;
  /** The inspector's changes to the selected tag. */
  readonly fields: TagFieldActions;

  constructor(options: EditorControllerOptions) {
    this.api = options.api;
    this.userName = options.userName;
    this.now = options.now ?? (() => new Date().toISOString());
    const { article } = options;
    const context = this.context();
    this.tagging = new TaggingActions(context);
    this.suggestions = new SuggestionActions(context);
    this.fields = new TagFieldActions(context, this.suggestions.acceptIds);
    this.commands = shortcutCommands({ editor: context, tagging: this.tagging, suggestions: this.suggestions, step: this.step });
    const keymap = editorKeymapPlugin({ named: this.commands, tag: (action) => this.tagging.tagCommand(action) });
    const state = createArticleEditorState(options.replay ? journalledDocument(options.replay.doc) : article.doc, keymap);
    this.editorState = state;
    // The store holds the article as stored, whatever the editor opens with: a replay is saved as a patch on it.
    const storedState = options.replay ? createArticleEditorState(article.doc, keymap) : state;
    this.journal = options.journal ? new ArticleJournal({ storage: options.journal, articleId: article.id }) : null;
    this.screen = new EditorScreen({
      ...shownEditorState(state),
      plainText: null,
      saveStatus: { state: 'saved', at: article.updatedAt },
      article: { id: article.id, title: article.title, status: article.status, revision: article.revision },
      notice: null,
      dialog: null,
      entities: {},
      focusSpeaker: false,
      suggesting: false,
    });
    this.autosave = new AutosaveController({
      revision: article.revision,
      opened: { doc: storedState.doc, records: annotationMapOf(storedState) },
      save: (payload, baseRevision) => this.api.saveArticle({ id: article.id, baseRevision, ...payload }),
      // Every key typed reports "pending" again: only a change of status makes a new snapshot.
      onStatus: (saveStatus) => {
        if (saveStatus.state === 'pending' && this.screen.getSnapshot().saveStatus.state === 'pending') return;
        this.screen.show({ saveStatus });
      },
      onSaved: (result, newerPending) => {
        this.journal?.acknowledged(result.revision, newerPending);
        this.screen.show({ article: { ...this.screen.getSnapshot().article, title: result.title, revision: result.revision } });
      },
      debounceMs: options.saveDebounceMs,
    });
    // The text is painted first; the lists beside it follow a frame later.
    this.refreshPlainText(0);
    if (options.replay) {
      // Saved at once, and journalled again until the store acknowledges it.
      this.recordChange(state);
      this.setNotice('Your unsaved changes from last time were restored and are being saved.');
    }
  }

  // What the parts share; read lazily, so the parts can be made before the state they work on.
  private context(): EditorContext {
    // A getter, because the screen is made after the parts that use it.
    const controller = this;
    return {
      api: this.api,
      get screen() {
        return controller.screen;
      },
      state: () => this.editorState,
      dispatch: (tr) => this.dispatch(tr),
      run: (command, focusText) => this.run(command, focusText),
      focusText: () => this.view?.focus(),
      select: (id, scroll) => this.select(id, scroll),
      selectedRecord: () => this.selectedRecord(),
      setNotice: (notice) => this.setNotice(notice),
      rememberEntity: (entity) => this.screen.show({ entities: { ...this.screen.getSnapshot().entities, [entity.id]: entity } }),
      now: () => this.now(),
      userName: () => this.userName,
      isClosed: () => this.destroyed,
    };
  }

  // ---- The snapshot React reads ----

  /** Registers a listener called after each new snapshot; returns the function that removes it. */
  subscribe = (listener: () => void): (() => void) => this.screen.subscribe(listener);

  /** The latest snapshot; the same object until something React shows changes. */
  getSnapshot = (): EditorScreenSnapshot => this.screen.getSnapshot();

  /** The editor state now, which may be newer than the snapshot: typing changes no snapshot. */
  get state(): EditorState {
    return this.editorState;
  }

  // ---- The view and the one path of every change ----

  /** Paints the editor into `place` (a DOM element); the controller works without a view too, as in tests. */
  mount(place: ConstructorParameters<typeof EditorView>[0], onFilesDropped: (dataTransfer: DataTransfer) => void): void {
    this.view = new EditorView(place, {
      state: this.state,
      // An explicit tab stop: contenteditable is focusable anyway, but checkers of scrollable regions look for a tabindex.
      attributes: { 'aria-label': 'Article text', class: 'article-text', spellcheck: 'true', tabindex: '0' },
      transformPasted: stripPastedAnnotations,
      dispatchTransaction: (tr) => this.dispatch(tr),
      handleClick: (view, pos) => {
        const ids = annotationIdsAt(view.state.doc, pos);
        const current = selectedAnnotationId(view.state);
        // Clicking again where tags nest steps outward through them.
        const next = ids.length === 0 ? null : ids[(ids.indexOf(current ?? '') + 1) % ids.length]!;
        this.dispatch(selectAnnotation(view.state.tr, next).setMeta(pointerMeta, true));
        return false;
      },
      handleDrop: (_view, event) => {
        if (!event.dataTransfer || event.dataTransfer.files.length === 0) return false;
        event.preventDefault();
        onFilesDropped(event.dataTransfer);
        return true;
      },
    });
    hideEditableFromReactCommits(this.view.dom);
    // The browser's own focus, not view.focus(): ProseMirror's first focus on a page reads the scroll position
    // of every ancestor (to undo a scroll it cannot yet rule out), which lays out the whole article before its
    // first frame. The caret lands at the start, where the editor's selection is, and ProseMirror takes the
    // focus from its focus event.
    this.view.dom.focus({ preventScroll: true });
  }

  /** Hands a changed document to the autosave and to the journal that keeps it until the save lands. */
  private recordChange(next: EditorState): void {
    this.autosave.schedule({ doc: next.doc, records: annotationMapOf(next), fullJson: () => articleDocumentJson(next) });
    this.journal?.changed(() => articleDocumentJsonText(next), this.screen.getSnapshot().article.revision);
  }

  /**
   * Applies a transaction: the new state goes to the view and the autosave, and to React only when it changes
   * what React shows. React committing a render per key costs milliseconds on a long article (its commit reads
   * the selection of the whole editable text), so plain typing reaches React only through the delayed plain text.
   */
  dispatch = (tr: Transaction): void => {
    if (this.destroyed) return;
    const before = this.editorState;
    const next = before.apply(tr);
    this.editorState = next;
    this.suggestions.noteTransaction(tr);
    this.view?.updateState(next);
    const recordsChanged = annotationMapOf(next) !== annotationMapOf(before);
    if (next.doc !== before.doc || recordsChanged) {
      this.recordChange(next);
      // The lists follow a little later, so a keystroke never waits for a pass over the whole document; a
      // change of tags (records or marks) shows at once.
      const tagsChanged = recordsChanged || tr.steps.some((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep);
      this.refreshPlainText(tagsChanged ? 0 : 300);
    }
    const snapshot = this.screen.getSnapshot();
    const shown = shownEditorState(next);
    // Suggestions landing while the editor types would make React render every list and the inspector in the
    // task of the landing, and again when the plain text follows: their records go to React once, with the text.
    if (tr.getMeta(landingSuggestionsMeta) === true) this.recordsShownWithText = shown.records;
    const change: Partial<EditorScreenSnapshot> = shownChange({ ...snapshot, records: this.recordsShownWithText ?? snapshot.records }, shown) ?? {};
    // A tag chosen meanwhile may be one of them: the inspector needs its record now.
    if (this.recordsShownWithText && change.selectedId !== undefined) change.records = shown.records;
    if (change.records) this.recordsShownWithText = null;
    if (selectedAnnotationId(next) === null && snapshot.focusSpeaker) change.focusSpeaker = false;
    if (Object.keys(change).length > 0) this.screen.show(change);
  };

  /** Runs a command on the current state. Commands from the toolbar and shortcuts give the focus back to the text. */
  run(command: Command, focusText = true): boolean {
    const done = command(this.state, this.dispatch);
    if (focusText) this.view?.focus();
    return done;
  }

  private refreshPlainText(delayMs: number): void {
    if (this.textTimer) clearTimeout(this.textTimer);
    this.textTimer = null;
    afterPaint(() => {
      if (this.destroyed) return;
      if (this.textTimer) clearTimeout(this.textTimer);
      this.textTimer = setTimeout(() => {
        this.textTimer = null;
        this.recordsShownWithText = null;
        this.screen.show({ plainText: articleText(this.state.doc), records: annotationMapOf(this.state) });
      }, delayMs);
    });
  }

  /** Shows a one-line message over the text, or hides it with null. */
  setNotice = (notice: string | null): void => this.screen.show({ notice });

  /** Records who tags from now on. */
  setUserName(userName: string): void {
    this.userName = userName;
  }

  // ---- Choosing tags ----

  /** Shows tag `id` in the inspector (null: none); with `scroll`, puts the caret at its words and focuses the text. */
  select = (id: string | null, scroll = false): void => {
    let tr = selectAnnotation(this.state.tr, id);
    if (id && scroll) {
      const first = annotationRanges(this.state.doc, id)[0];
      // The caret goes to the tag's start rather than selecting its words, so a stray key cannot replace them.
      if (first) tr = tr.setSelection(TextSelection.create(tr.doc, first.from)).scrollIntoView();
    }
    this.dispatch(tr);
    if (scroll && this.view) {
      this.view.focus();
      // Brought to the middle of the view, with the text around it, rather than to its edge.
      const { node } = this.view.domAtPos(this.state.selection.from);
      (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
    }
  };

  /** The tag the inspector shows. */
  selectedRecord(): Annotation | null {
    const id = selectedAnnotationId(this.state);
    return id ? annotationMapOf(this.state)[id] ?? null : null;
  }

  /** Steps to the next (1) or previous (-1) tag in text order, or only through those needing review. */
  step = (direction: 1 | -1, filter: StepFilter = 'all'): boolean => {
    const textOrder = articleText(this.state.doc).spans.keys();
    const next = nextAnnotationId(annotationMapOf(this.state), textOrder, selectedAnnotationId(this.state), direction, filter);
    if (next === null) {
      if (filter === 'needs_review') this.setNotice('Nothing needs review in this article.');
      return false;
    }
    this.select(next, true);
    return true;
  };

  /**
   * Back from the inspector, the caret goes after the words just tagged rather than leaving them selected,
   * where the next key typed would replace them; the inspector keeps showing the same tag.
   */
  returnToText = (): void => {
    const { selection } = this.state;
    if (!selection.empty) {
      this.dispatch(selectAnnotation(this.state.tr.setSelection(TextSelection.create(this.state.doc, selection.to)), selectedAnnotationId(this.state)));
    }
    this.view?.focus();
  };

  // ---- Commands with shortcuts ----

  /** Runs the command of a named shortcut, as the inspector's buttons do. */
  runShortcut(name: ShortcutCommandName): void {
    this.commands[name](this.state, this.dispatch);
  }

  /** Undoes the last change to the text or the tags. */
  undo = (): boolean => this.run(undo);

  /** Redoes the last undone change. */
  redo = (): boolean => this.run(redo);

  // ---- The article and its saving ----

  /** Changes the article's workflow status (draft, in review, done). */
  setArticleStatus = async (status: ArticleStatus): Promise<void> => {
    try {
      const summary = await this.api.setArticleStatus({ id: this.screen.getSnapshot().article.id, status });
      this.screen.show({ article: { ...this.screen.getSnapshot().article, status: summary.status } });
    } catch (error) {
      this.setNotice(`Could not change the status: ${(error as Error).message}`);
    }
  };

  /** Saves now; resolves false when the work could not be saved. */
  flush = (): Promise<boolean> => this.autosave.flush();

  /** Writes the journal of unsaved work now, as the page is being left. */
  flushJournal = (): Promise<void> => this.journal?.flush() ?? Promise.resolve();

  /** Saves before the editor closes; a failure keeps it open and says so. */
  flushBeforeLeaving = async (): Promise<boolean> => {
    const saved = await this.autosave.flush();
    if (!saved) this.setNotice('Your latest changes are not saved yet, so the article stays open. Nothing is lost: it retries, or use “Retry now”.');
    return saved;
  };

  /** Whether a change has not reached the store yet. */
  hasUnsavedChanges(): boolean {
    return this.autosave.hasUnsavedChanges();
  }

  /** Replaces the stored copy that changed elsewhere with this one. */
  keepMine = async (): Promise<void> => {
    // Only the stored revision is needed: the newest history entry, not the whole article (megabytes when long).
    let newest: number | undefined;
    try {
      newest = (await this.api.listRevisions({ id: this.screen.getSnapshot().article.id, limit: 1 }))[0]?.revision;
    } catch (error) {
      this.setNotice(`Could not overwrite the stored copy: ${(error as Error).message} Your text is still here.`);
      return;
    }
    if (newest === undefined) return;
    await this.autosave.overwrite(newest);
  };

  /** Saves what is pending, then stops timers and takes the view down. */
  destroy(): void {
    const autosave = this.autosave;
    void this.journal?.flush();
    void autosave.flush().finally(() => autosave.stop());
    this.destroyed = true;
    if (this.textTimer) clearTimeout(this.textTimer);
    this.view?.destroy();
    this.view = null;
    this.screen.close();
  }
}
