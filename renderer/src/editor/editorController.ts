import { EditorView } from 'prosemirror-view';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { redo, undo } from 'prosemirror-history';
import { AddMarkStep, Mapping, RemoveMarkStep } from 'prosemirror-transform';
import type { AnnotatorApi, ArticleRecord, ArticleStatus, EntityRecord } from '../../../common/api';
import { newId, type Annotation, type AnnotationStatus, type EntityType } from '../../../common/model/annotation';
import { articleText, spanText, type ArticleText } from '../../../common/articleText';
import { addSpanToAnnotation, removeAnnotation, tagRange, taggableRange, updateAnnotation, type Command } from '../../../common/editor/annotationCommands';
import { annotationIdsAt, annotationRanges } from '../../../common/editor/annotationRanges';
import { annotationMapOf, articleDocumentJson } from '../../../common/editor/annotationRecords';
import { nextAnnotationId, type StepFilter } from '../../../common/editor/annotationStepping';
import { removeCueSpan } from '../../../common/editor/cueSpans';
import { acceptSuggestions, goToSuggestion, rejectSuggestions, suggestionIdsLike, suggestionIdsOfKind, waitingSuggestionIds } from '../../../common/editor/suggestionCommands';
import { addPlacedSuggestions } from '../../../common/editor/suggestionPlacing';
import { entityLookupKey } from '../../../common/model/names';
import { placeSuggestions, rejectionKeyOf } from '../../../common/model/suggestions';
import { suggestionKinds, type SuggestionKind } from '../../../common/suggestions/types';
import { setAnnotationStatus, toggleNeedsReview } from '../../../common/editor/reviewCommands';
import { tagAllCandidates, type OccurrenceCandidate } from '../../../common/editor/tagAll';
import { newAliasesFrom, tagAllNames, tagOccurrences } from '../../../common/editor/tagAllOccurrences';
import { AutosaveController, type SaveStatus } from './autosave';
import { ArticleJournal, type JournalEntry, type JournalStorage } from './unsavedJournal';
import { createArticleEditorState, stripPastedAnnotations } from './editorState';
import { editorKeymapPlugin, type ShortcutCommandName } from './editorKeymap';
import { pointerMeta } from './followCaret';
import { selectAnnotation, selectedAnnotationId } from './selectedAnnotation';
import { proposeTagRequest } from './tagProposals';
import { suggestionShortcuts, type TagAction } from './tagShortcuts';

/** A dialog the editor screen shows over the text. `doc` is the document the candidates' positions belong to. */
export type EditorDialog =
  | { type: 'tagAll'; mentionId: string; entityName: string; names: string[]; candidates: OccurrenceCandidate[]; doc: ProseMirrorNode }
  | { type: 'relink'; mentionId: string; query: string; entityType: EntityType };

/** The article's fields the editor's header shows, kept current by saves and status changes. */
export type ArticleHeading = Pick<ArticleRecord, 'id' | 'title' | 'status' | 'revision'>;

/**
 * Everything the editor screen shows, as of the latest change. A new snapshot is made once per transaction
 * (and per save status, notice or dialog); React reads it whole, so no part of the screen lags another.
 */
export interface EditorScreenSnapshot {
  state: EditorState;
  // The plain text and spans of `state` a little later: lists beside the text follow after the edit is painted.
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

/** What a controller needs: the API, the article as opened, who tags, and where to paint. */
export interface EditorControllerOptions {
  api: AnnotatorApi;
  article: ArticleRecord;
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
 * The editor of one open article, as plain TypeScript: it owns the ProseMirror state (and the view, once
 * mounted), the autosave and the editor's actions; React subscribes to its snapshot and renders it. Every
 * change, from the view or from a command, goes through `dispatch`.
 */
// How many suggestions land in one transaction: a slice takes a few milliseconds, well inside a frame.
const suggestionsPerSlice = 500;

export class EditorController {
  private snapshot: EditorScreenSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly autosave: AutosaveController;
  private readonly journal: ArticleJournal | null;
  private view: EditorView | null = null;
  private textTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private userName: string;
  private readonly api: AnnotatorApi;
  private readonly now: () => string;
  private readonly commands: Record<ShortcutCommandName, Command>;
  // One mapping per suggestion request in flight: every transaction since the text was read, to place the answer on today's text.
  private readonly editsSinceReading = new Set<Mapping>();
  // Rejections of this session, for answers computed before the services heard of them.
  private readonly rejectedKeys = new Set<string>();
  // How long the slowest slice of the last suggestions took to land on the text, in milliseconds (one transaction).
  lastSuggestionApplyMs: number | null = null;
  // The suggestion request running or queued last, if any.
  private pendingSuggestions: Promise<number> | null = null;

  constructor(options: EditorControllerOptions) {
    this.api = options.api;
    this.userName = options.userName;
    this.now = options.now ?? (() => new Date().toISOString());
    const { article } = options;
    this.commands = this.shortcutCommands();
    const keymap = editorKeymapPlugin({ named: this.commands, tag: (action) => this.tagCommand(action) });
    const state = createArticleEditorState(options.replay?.doc ?? article.doc, keymap);
    // The store holds the article as stored, whatever the editor opens with: a replay is saved as a patch on it.
    const storedState = options.replay ? createArticleEditorState(article.doc, keymap) : state;
    this.journal = options.journal ? new ArticleJournal({ storage: options.journal, articleId: article.id }) : null;
    this.autosave = new AutosaveController({
      revision: article.revision,
      opened: { doc: storedState.doc, records: annotationMapOf(storedState) },
      save: (payload, baseRevision) => this.api.saveArticle({ id: article.id, baseRevision, ...payload }),
      // Every key typed reports "pending" again: only a change of status makes a new snapshot.
      onStatus: (saveStatus) => {
        if (saveStatus.state === 'pending' && this.snapshot.saveStatus.state === 'pending') return;
        this.update({ saveStatus });
      },
      onSaved: (result, newerPending) => {
        this.journal?.acknowledged(result.revision, newerPending);
        this.update({ article: { ...this.snapshot.article, title: result.title, revision: result.revision } });
      },
      debounceMs: options.saveDebounceMs,
    });
    this.snapshot = {
      state,
      plainText: null,
      saveStatus: { state: 'saved', at: article.updatedAt },
      article: { id: article.id, title: article.title, status: article.status, revision: article.revision },
      notice: null,
      dialog: null,
      entities: {},
      focusSpeaker: false,
      suggesting: false,
    };
    // The text is painted first; the lists beside it follow a frame later.
    this.refreshPlainText(0);
    if (options.replay) {
      // Saved at once, and journalled again until the store acknowledges it.
      this.recordChange(state);
      this.update({ notice: 'Your unsaved changes from last time were restored and are being saved.' });
    }
  }

  // ---- The snapshot React reads ----

  /** Registers a listener called after each new snapshot; returns the function that removes it. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The latest snapshot; the same object until something changes. */
  getSnapshot = (): EditorScreenSnapshot => this.snapshot;

  /** The editor state now. */
  get state(): EditorState {
    return this.snapshot.state;
  }

  private update(change: Partial<EditorScreenSnapshot>): void {
    if (this.destroyed) return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
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
    this.view.focus();
  }

  /** Hands a changed document to the autosave and to the journal that keeps it until the save lands. */
  private recordChange(next: EditorState): void {
    const fullJson = () => articleDocumentJson(next);
    this.autosave.schedule({ doc: next.doc, records: annotationMapOf(next), fullJson });
    this.journal?.changed(fullJson, this.snapshot.article.revision);
  }

  /** Applies a transaction: the new state goes to the view, the autosave and the snapshot. */
  dispatch = (tr: Transaction): void => {
    if (this.destroyed) return;
    const before = this.state;
    const next = before.apply(tr);
    for (const mapping of this.editsSinceReading) mapping.appendMapping(tr.mapping);
    this.view?.updateState(next);
    const recordsChanged = annotationMapOf(next) !== annotationMapOf(before);
    if (next.doc !== before.doc || recordsChanged) {
      this.recordChange(next);
      // The lists follow a little later, so a keystroke never waits for a pass over the whole document; a
      // change of tags (records or marks) shows at once.
      const tagsChanged = recordsChanged || tr.steps.some((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep);
      this.refreshPlainText(tagsChanged ? 0 : 300);
    }
    const change: Partial<EditorScreenSnapshot> = { state: next };
    if (selectedAnnotationId(next) === null && this.snapshot.focusSpeaker) change.focusSpeaker = false;
    this.update(change);
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
        this.update({ plainText: articleText(this.state.doc) });
      }, delayMs);
    });
  }

  /** Shows a one-line message over the text, or hides it with null. */
  setNotice = (notice: string | null): void => this.update({ notice });

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
    if (scroll) this.view?.focus();
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

  // ---- Tagging ----

  /**
   * Tags the selected words as `action` says. An entity is first linked to the registry (found or added), so
   * the tag and its link are one undo step; the words tagged are those selected when the user asked.
   */
  tag = async (action: TagAction): Promise<boolean> => {
    const range = taggableRange(this.state);
    if (!range) {
      this.setNotice(`Select some words first, then press ${action.name} (${action.shortcutLabel}).`);
      this.view?.focus();
      return false;
    }
    const docBefore = this.state.doc;
    const quote = docBefore.textBetween(range.from, range.to, ' ', ' ');
    let request = proposeTagRequest(action.request, this.state, range);
    let linkNotice: string | null = null;
    if (request.kind === 'entity') {
      try {
        const resolved = await this.api.resolveEntity({ name: quote, type: request.entityType });
        request = { ...request, entityId: resolved.entity.id };
        this.rememberEntity(resolved.entity);
        linkNotice = resolved.matchedBy
          ? `Linked “${quote}” to ${resolved.entity.name} in the registry (matched by ${resolved.matchedBy}).`
          : `Added ${resolved.entity.name} to the registry.`;
      } catch (error) {
        linkNotice = `Tagged without a registry link: ${(error as Error).message}`;
      }
    }
    if (this.destroyed) return false;
    if (this.state.doc !== docBefore) {
      // The copy changed while the registry answered, so `range` may now cover other words.
      this.setNotice(`The text changed before the tag was made. Select the words and press ${action.name} again.`);
      return false;
    }
    const id = newId('ann');
    if (!this.run(tagRange(range, request, { id, author: this.userName, now: this.now() }))) return false;
    this.update({ notice: linkNotice, focusSpeaker: request.kind === 'attribution' });
    this.select(id);
    return true;
  };

  private tagCommand(action: TagAction): Command {
    return (_state, dispatch) => {
      if (dispatch) void this.tag(action);
      return true;
    };
  }

  /** Opens "Tag all occurrences" for the selected entity mention, with the names to look for and where they are. */
  openTagAll = (): boolean => {
    const record = this.selectedRecord();
    if (record?.kind !== 'entity') {
      this.setNotice('Select an entity tag first, then “Tag all occurrences”.');
      return false;
    }
    const entity = record.entityId ? this.snapshot.entities[record.entityId] ?? null : null;
    const plain = articleText(this.state.doc);
    const ownText = spanText(plain.text, plain.spans.get(record.id) ?? []) || record.quote;
    const names = tagAllNames(record, ownText, entity);
    const candidates = tagAllCandidates(this.state, names, record.entityId, record.id);
    this.update({ dialog: { type: 'tagAll', mentionId: record.id, entityName: entity?.name ?? ownText, names, candidates, doc: this.state.doc } });
    return true;
  };

  /** Tags the occurrences chosen in the dialog, in one undo step, and teaches the registry the new forms of the name. */
  applyTagAll = (chosen: OccurrenceCandidate[]): void => {
    const dialog = this.snapshot.dialog;
    this.update({ dialog: null });
    if (dialog?.type !== 'tagAll') return;
    const stamp = this.now();
    const tagged = this.run(tagOccurrences(dialog.mentionId, chosen, dialog.doc, () => ({ id: newId('ann'), author: this.userName, now: stamp })));
    if (!tagged) {
      if (this.state.doc !== dialog.doc) this.setNotice('The text changed while the list was open; nothing was tagged. Open “Tag all occurrences” again.');
      return;
    }
    this.setNotice(`Tagged ${chosen.length} more ${chosen.length === 1 ? 'occurrence' : 'occurrences'}. Undo removes them all.`);
    const mention = annotationMapOf(this.state)[dialog.mentionId];
    const entity = mention?.kind === 'entity' && mention.entityId ? this.snapshot.entities[mention.entityId] : undefined;
    const aliases = entity ? newAliasesFrom(entity, chosen) : [];
    if (!entity || aliases.length === 0) return;
    this.api
      .updateEntity({ id: entity.id, aliases: [...entity.aliases, ...aliases] })
      .then((updated) => this.rememberEntity(updated))
      .catch((error: Error) => this.setNotice(`Tagged, but the new aliases were not saved: ${error.message}`));
  };

  /** Opens the registry picker to link the selected mention to another entity. */
  openRelink = (): void => {
    const record = this.selectedRecord();
    if (record?.kind !== 'entity') return;
    const plain = this.snapshot.plainText;
    const words = plain ? spanText(plain.text, plain.spans.get(record.id) ?? []) : '';
    this.update({ dialog: { type: 'relink', mentionId: record.id, query: words || record.quote, entityType: record.entityType } });
  };

  /** Closes the open dialog without doing anything. */
  closeDialog = (): void => this.update({ dialog: null });

  /** Links a mention to `entity` (and takes its type). */
  relinkTo = (mentionId: string, entity: EntityRecord): void => {
    this.rememberEntity(entity);
    this.run(updateAnnotation(mentionId, (record) => (record.kind === 'entity' ? { ...record, entityId: entity.id, entityType: entity.type } : record), this.now()));
    this.update({ dialog: null, notice: `Linked to ${entity.name}.` });
  };

  /** Makes the selected mention an entity of its own in the registry. */
  splitOff = async (): Promise<void> => {
    const record = this.selectedRecord();
    if (record?.kind !== 'entity') return;
    const plain = articleText(this.state.doc);
    const name = spanText(plain.text, plain.spans.get(record.id) ?? []) || record.quote;
    try {
      const entity = await this.api.createEntity({ name, type: record.entityType });
      this.relinkTo(record.id, entity);
      this.setNotice(`“${name}” is now an entity of its own in the registry.`);
    } catch (error) {
      this.setNotice(`Could not split it off: ${(error as Error).message}`);
    }
  };

  // ---- The selected tag's fields ----

  /** Changes fields of the selected tag; the focus stays in the inspector field the user is typing in. */
  updateSelected = (change: (record: Annotation) => Annotation): boolean => {
    const id = selectedAnnotationId(this.state);
    return id !== null && this.run(updateAnnotation(id, change, this.now()), false);
  };

  /** Sets the selected tag's status; needing review records that the editor set it. */
  setSelectedStatus = (status: AnnotationStatus): boolean => {
    const id = selectedAnnotationId(this.state);
    const record = id ? annotationMapOf(this.state)[id] : undefined;
    if (!id || !record) return false;
    if (record.status === 'suggested' && status === 'accepted') {
      // Accepting from the status field is accepting the suggestion: the same registry link and author as the key.
      void this.acceptSuggestionIds([id]);
      return true;
    }
    if (record.status === 'suggested' || status === 'suggested') {
      // Into or out of a suggestion, the marks change look too, which updating the record does.
      const review = status === 'needs_review' ? { reason: 'set_by_editor' as const, detail: '' } : null;
      return this.run(updateAnnotation(id, (current) => ({ ...current, status, review }), this.now()), false);
    }
    return this.run(setAnnotationStatus(id, status, this.now()), false);
  };

  /** Marks the selected tag for review, or clears its review flag; the focus stays in the inspector. */
  toggleSelectedReview = (): boolean => {
    const id = selectedAnnotationId(this.state);
    return id !== null && this.run(toggleNeedsReview(id, this.now()), false);
  };

  /** Removes one cue span of the selected attribution, leaving its other cues. */
  removeCue = (span: { from: number; to: number }): boolean => {
    const id = selectedAnnotationId(this.state);
    if (id !== null && this.run(removeCueSpan(id, span), false)) return true;
    this.setNotice('That cue moved with an edit; try again in a moment.');
    return false;
  };

  /** Fetches the registry entry of a mention's entity once, for the inspector and "Tag all occurrences". */
  loadEntity = (entityId: string): void => {
    if (this.snapshot.entities[entityId]) return;
    this.api
      .getEntity({ id: entityId })
      .then((entity) => this.rememberEntity(entity))
      .catch(() => {});
  };

  private rememberEntity(entity: EntityRecord): void {
    this.update({ entities: { ...this.snapshot.entities, [entity.id]: entity } });
  }

  // ---- Suggestions ----

  /** Computes suggestions when the article opens, if the preferences say so (and name at least one kind). */
  suggestOnOpen = async (): Promise<void> => {
    try {
      const { suggestions } = await this.api.getPreferences({});
      if (suggestions.onOpen && suggestions.kinds.length > 0) await this.suggest(suggestions.kinds, false);
    } catch (error) {
      this.setNotice(`Could not read the preferences for suggestions: ${(error as Error).message}`);
    }
  };

  /** Computes suggestions now (the menu item, the button, the shortcut), of the kinds the preferences choose, or all when none is chosen. */
  suggestNow = async (): Promise<void> => {
    let kinds: readonly SuggestionKind[] = suggestionKinds;
    try {
      const chosen = (await this.api.getPreferences({})).suggestions.kinds;
      if (chosen.length > 0) kinds = chosen;
    } catch {
      // The preferences only narrow the kinds; without them every kind is suggested.
    }
    await this.suggest(kinds, true);
  };

  /**
   * Asks the services for suggestions on the text as it stands, without blocking typing, and places the answer on
   * the text as it stands when it comes: carried through every edit made meanwhile, in one transaction that undo
   * passes over. Returns how many suggestions were added.
   */
  suggest = (kinds: readonly SuggestionKind[], announce: boolean): Promise<number> => {
    // One request at a time: one asked for while another runs (on demand while the one on open is computed) follows it.
    const previous = this.pendingSuggestions;
    const request = previous ? previous.then(() => this.suggestOnce(kinds, announce)) : this.suggestOnce(kinds, announce);
    this.pendingSuggestions = request;
    void request.finally(() => {
      if (this.pendingSuggestions === request) this.pendingSuggestions = null;
    });
    return request;
  };

  // One request, from reading the text to placing the answer; failures become a notice, never a rejection.
  private async suggestOnce(kinds: readonly SuggestionKind[], announce: boolean): Promise<number> {
    if (this.destroyed) return 0;
    const read = this.state.doc;
    const text = articleText(read);
    const mapping = new Mapping();
    this.editsSinceReading.add(mapping);
    this.update({ suggesting: true });
    if (announce) this.setNotice('Suggesting tags…');
    try {
      const answer = await this.api.suggestAnnotations({
        articleId: this.snapshot.article.id,
        blocks: text.blocks.map((block) => ({ text: block.text, type: block.type })),
        kinds: [...kinds],
      });
      if (this.destroyed) return 0;
      const placed = placeSuggestions(answer.result, {
        text,
        existing: annotationMapOf(this.state),
        rejected: new Set([...answer.rejectedKeys, ...this.rejectedKeys]),
        now: this.now(),
        newId,
      });
      const before = annotationMapOf(this.state);
      let slowest = 0;
      // A long article gets thousands: they land a slice per task, so typing is served between slices, and each
      // slice is carried through the edits made meanwhile like the first.
      for (let from = 0; from < placed.length; from += suggestionsPerSlice) {
        if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
        if (this.destroyed) return 0;
        const started = performance.now();
        this.run(addPlacedSuggestions(placed.slice(from, from + suggestionsPerSlice), { doc: read, text, mapping }), false);
        slowest = Math.max(slowest, performance.now() - started);
      }
      this.lastSuggestionApplyMs = slowest;
      const after = annotationMapOf(this.state);
      const added = after === before ? 0 : Object.keys(after).length - Object.keys(before).length;
      if (announce) this.setNotice(added > 0 ? `${added} ${added === 1 ? 'suggestion' : 'suggestions'} added.` : 'No new suggestions.');
      return added;
    } catch (error) {
      this.setNotice(`Suggestions failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.editsSinceReading.delete(mapping);
      this.update({ suggesting: false });
    }
  }

  /** How many suggestions wait in the article. */
  waitingSuggestions(): number {
    return waitingSuggestionIds(annotationMapOf(this.state)).length;
  }

  /** Moves to the next (1) or previous (-1) suggestion and shows it in the inspector. */
  stepSuggestion = (direction: 1 | -1): boolean => {
    const moved = this.run(goToSuggestion(direction, selectedAnnotationId(this.state), selectAnnotation));
    if (!moved) this.setNotice(`No suggestions wait. Ask for them with “Suggest tags” (${suggestionShortcuts.suggestNow.label}).`);
    return moved;
  };

  // The selected tag when it is a suggestion; otherwise says how to pick one.
  private selectedSuggestion(): Annotation | null {
    const record = this.selectedRecord();
    if (record?.status === 'suggested') return record;
    this.setNotice(`Go to a suggestion first (${suggestionShortcuts.nextSuggestion.label}), or click one.`);
    return null;
  }

  /**
   * Links the suggested mentions among `ids` that have no registry entity yet, as tagging by hand does: one lookup
   * (found or added) per name and type. Returns the entity id of each mention linked.
   */
  private async registryLinks(ids: readonly string[]): Promise<Map<string, string>> {
    const records = annotationMapOf(this.state);
    const byName = new Map<string, { name: string; type: EntityType; ids: string[] }>();
    for (const id of ids) {
      const record = records[id];
      if (record?.kind !== 'entity' || record.entityId) continue;
      const key = `${record.entityType}|${entityLookupKey(record.quote)}`;
      const group = byName.get(key) ?? byName.set(key, { name: record.quote, type: record.entityType, ids: [] }).get(key)!;
      group.ids.push(id);
    }
    const links = new Map<string, string>();
    const failures: string[] = [];
    for (const group of byName.values()) {
      try {
        const resolved = await this.api.resolveEntity({ name: group.name, type: group.type });
        this.rememberEntity(resolved.entity);
        for (const id of group.ids) links.set(id, resolved.entity.id);
      } catch (error) {
        failures.push(`${group.name}: ${(error as Error).message}`);
      }
    }
    if (failures.length > 0) this.setNotice(`Accepted without a registry link: ${failures.join('; ')}`);
    return links;
  }

  /** Accepts the suggestions `ids` as the user's tags, their mentions linked to the registry; one undo step. */
  acceptSuggestionIds = async (ids: readonly string[]): Promise<boolean> => {
    const entityIds = await this.registryLinks(ids);
    if (this.destroyed) return false;
    return this.run(acceptSuggestions(ids, { author: this.userName, now: this.now(), entityIds }));
  };

  /**
   * Rejects the suggestions `ids`: they leave the text (undo brings them back) and the services remember them so
   * that they do not come back. A rejection one by one also counts the name against its type across the desk;
   * rejecting everything at once says nothing about any one name.
   */
  rejectSuggestionIds = (ids: readonly string[], countAgainstType: boolean): boolean => {
    const records = annotationMapOf(this.state);
    const rejections = new Map<string, { key: string; name: string; entityType: EntityType | null }>();
    for (const id of ids) {
      const record = records[id];
      if (record?.status !== 'suggested') continue;
      const key = rejectionKeyOf(record);
      rejections.set(key, { key, name: record.quote.slice(0, 500), entityType: countAgainstType && record.kind === 'entity' ? record.entityType : null });
    }
    if (!this.run(rejectSuggestions(ids))) return false;
    for (const key of rejections.keys()) this.rejectedKeys.add(key);
    const all = [...rejections.values()];
    // The contract takes at most 10,000 rejections a call.
    for (let start = 0; start < all.length; start += 10_000) {
      this.api
        .rejectSuggestions({ articleId: this.snapshot.article.id, rejections: all.slice(start, start + 10_000) })
        .catch((error: Error) => this.setNotice(`Rejected here, but not remembered for next time: ${error.message}`));
    }
    return true;
  };

  /** Accepts the selected suggestion. */
  acceptSelectedSuggestion = async (): Promise<boolean> => {
    const record = this.selectedSuggestion();
    return record !== null && this.acceptSuggestionIds([record.id]);
  };

  /** Rejects the selected suggestion. */
  rejectSelectedSuggestion = (): boolean => {
    const record = this.selectedSuggestion();
    return record !== null && this.rejectSuggestionIds([record.id], true);
  };

  /** Accepts every suggestion of the same name as the selected one: the same words, kind and type. */
  acceptSameName = async (): Promise<boolean> => {
    const record = this.selectedSuggestion();
    if (!record) return false;
    const ids = suggestionIdsLike(annotationMapOf(this.state), record.id);
    const accepted = await this.acceptSuggestionIds(ids);
    if (accepted) this.setNotice(`Accepted ${ids.length} ${ids.length === 1 ? 'suggestion' : 'suggestions'} of “${record.quote}”. Undo takes them back.`);
    return accepted;
  };

  /** Accepts every suggestion of the selected tag's kind (entity, figure or attribution). */
  acceptSameKind = async (): Promise<boolean> => {
    const record = this.selectedRecord();
    if (!record) {
      this.setNotice(`Go to a suggestion of the kind to accept first (${suggestionShortcuts.nextSuggestion.label}).`);
      return false;
    }
    const ids = suggestionIdsOfKind(annotationMapOf(this.state), record.kind);
    const accepted = await this.acceptSuggestionIds(ids);
    if (accepted) this.setNotice(`Accepted ${ids.length} ${record.kind} ${ids.length === 1 ? 'suggestion' : 'suggestions'}. Undo takes them back.`);
    return accepted;
  };

  /** Rejects every suggestion waiting in the article. */
  rejectAllSuggestions = (): boolean => {
    const ids = waitingSuggestionIds(annotationMapOf(this.state));
    const rejected = ids.length > 0 && this.rejectSuggestionIds(ids, false);
    this.setNotice(rejected ? `Rejected ${ids.length} ${ids.length === 1 ? 'suggestion' : 'suggestions'}. Undo brings them back.` : 'No suggestions wait.');
    return rejected;
  };

  // ---- Commands with shortcuts ----

  // A command on the selected tag that tells the user what to do when it cannot run; keys are always taken.
  private onSelected(command: (id: string) => Command, hint: string | null, focusText = true): Command {
    return (state, dispatch) => {
      if (!dispatch) return true;
      const id = selectedAnnotationId(state);
      if (!id || !this.run(command(id), focusText)) {
        if (hint) this.setNotice(hint);
      }
      return true;
    };
  }

  private shortcutCommands(): Record<ShortcutCommandName, Command> {
    const always = (action: () => unknown): Command => (_state, dispatch) => {
      if (dispatch) action();
      return true;
    };
    return {
      // Removing a suggestion rejects it, so that it is not suggested again.
      remove: (state, dispatch) => {
        const id = selectedAnnotationId(state);
        if (dispatch && id && annotationMapOf(state)[id]?.status === 'suggested') {
          this.rejectSelectedSuggestion();
          return true;
        }
        return this.onSelected(removeAnnotation, null)(state, dispatch);
      },
      markCue: this.onSelected((id) => addSpanToAnnotation(id, 'cue'), 'Select an attribution, then select its reporting verb (“said”, “told AFP”) in the text.'),
      addSpan: this.onSelected((id) => addSpanToAnnotation(id, 'content'), 'Select the words to add to the selected tag.'),
      toggleReview: this.onSelected((id) => toggleNeedsReview(id, this.now()), 'Select a tag first, then mark it as needing review.'),
      tagAll: always(this.openTagAll),
      nextToReview: always(() => this.step(1, 'needs_review')),
      nextAnnotation: always(() => this.step(1)),
      suggestNow: always(() => void this.suggestNow()),
      nextSuggestion: always(() => this.stepSuggestion(1)),
      previousSuggestion: always(() => this.stepSuggestion(-1)),
      acceptSuggestion: always(() => void this.acceptSelectedSuggestion()),
      rejectSuggestion: always(this.rejectSelectedSuggestion),
      acceptSameName: always(() => void this.acceptSameName()),
      acceptKind: always(() => void this.acceptSameKind()),
      rejectAll: always(this.rejectAllSuggestions),
      previousAnnotation: always(() => this.step(-1)),
      // Escape leaves the tag when one is shown, and otherwise does what it would anyway.
      clearSelection: (state, dispatch) => {
        if (!selectedAnnotationId(state)) return false;
        if (dispatch) dispatch(selectAnnotation(state.tr, null));
        return true;
      },
    };
  }

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
      const summary = await this.api.setArticleStatus({ id: this.snapshot.article.id, status });
      this.update({ article: { ...this.snapshot.article, status: summary.status } });
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
    const latest = await this.api.getArticle({ id: this.snapshot.article.id });
    await this.autosave.overwrite(latest.revision);
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
    this.listeners.clear();
  }
}
