import { Mapping } from 'prosemirror-transform';
import type { Transaction } from 'prosemirror-state';
import { newId, type Annotation, type EntityType } from '../../../common/model/annotation';
import { articleText } from '../../../common/articleText';
import { annotationMapOf } from '../../../common/editor/annotationRecords';
import { acceptSuggestions, goToSuggestion, rejectSuggestions, suggestionIdsLike, suggestionIdsOfKind, waitingSuggestionIds } from '../../../common/editor/suggestionCommands';
import { addPlacedSuggestions, landingSuggestionsMeta } from '../../../common/editor/suggestionPlacing';
import { entityLookupKey } from '../../../common/model/names';
import { placeSuggestions, rejectionKeyOf, taggedWordsOf } from '../../../common/model/suggestions';
import { suggestionKinds, type SuggestionKind } from '../../../common/suggestions/types';
import type { EditorContext } from './editorContext';
import { selectAnnotation, selectedAnnotationId } from './selectedAnnotation';
import { suggestionShortcuts } from './tagShortcuts';
import { countOf } from '../ui/plural';

// How many suggestions land in one transaction: a slice takes a few milliseconds, well inside a frame.
const suggestionsPerSlice = 500;
// While suggestions are computed, each edit has them wait this long from now (see suggestionPause.ts in main);
// a new wait is asked for at most this often while the edits go on.
const pauseWhileTypingMs = 800;
const pauseRenewalMs = 250;
// Suggestions are asked for once the editor has not edited for this long (the article's opening counts as an edit):
// starting the services' worker and loading its model take both cores for half a second or more and cannot be paused.
const quietBeforeAskingMs = 1_000;

/**
 * Suggested tags in an open editor: asking the services for them without blocking typing, placing the answer on
 * the text as it stands, and working through them (accept, reject, by one, by name, by kind, all).
 */
export class SuggestionActions {
  // One mapping per suggestion request in flight: every transaction since the text was read, to place the answer on today's text.
  private readonly editsSinceReading = new Set<Mapping>();
  // Rejections of this session, for answers computed before the services heard of them.
  private readonly rejectedKeys = new Set<string>();
  // The suggestion request running or queued last, if any.
  private pendingSuggestions: Promise<number> | null = null;
  /** How long the slowest slice of the last suggestions took to land on the text, in milliseconds (one transaction). */
  lastApplyMs: number | null = null;
  // When this editor last asked the services to pause the suggestions being computed (performance.now()).
  private pauseAskedAt = Number.NEGATIVE_INFINITY;
  // When the text last changed by the editor's hand, or the article opened (performance.now()).
  private lastEditAt = performance.now();

  constructor(private readonly editor: EditorContext) {}

  /** Carries the requests in flight through a transaction the editor applied; an edit meanwhile pauses their computing. */
  noteTransaction(tr: Transaction): void {
    for (const mapping of this.editsSinceReading) mapping.appendMapping(tr.mapping);
    if (!tr.docChanged || tr.getMeta(landingSuggestionsMeta) === true) return;
    this.lastEditAt = performance.now();
    if (this.editsSinceReading.size > 0) this.pauseWhileTyping();
  }

  // Resolves once the editor has not edited for quietBeforeAskingMs (at once when it has not).
  private async quietMoment(): Promise<void> {
    for (;;) {
      const wait = this.lastEditAt + quietBeforeAskingMs - performance.now();
      if (wait <= 0 || this.editor.isClosed()) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  // On a machine with few cores the pipeline's work slows every key: it waits while the editor types.
  private pauseWhileTyping(): void {
    const now = performance.now();
    if (now - this.pauseAskedAt < pauseRenewalMs) return;
    this.pauseAskedAt = now;
    // A pause that does not reach the services only leaves the suggestions computed sooner.
    this.editor.api.pauseSuggestions({ forMs: pauseWhileTypingMs }).catch(() => undefined);
  }

  /** Computes suggestions when the article opens, if the preferences say so (and name at least one kind). */
  suggestOnOpen = async (): Promise<void> => {
    try {
      const { suggestions } = await this.editor.api.getPreferences({});
      if (suggestions.onOpen && suggestions.kinds.length > 0) await this.suggest(suggestions.kinds, false);
    } catch (error) {
      this.editor.setNotice(`Could not read the preferences for suggestions: ${(error as Error).message}`);
    }
  };

  /** Computes suggestions now (the menu item, the button, the shortcut), of the kinds the preferences choose, or all when none is chosen. */
  suggestNow = async (): Promise<void> => {
    let kinds: readonly SuggestionKind[] = suggestionKinds;
    try {
      const chosen = (await this.editor.api.getPreferences({})).suggestions.kinds;
      if (chosen.length > 0) kinds = chosen;
    } catch {
      // The preferences only narrow the kinds; without them every kind is suggested.
    }
    await this.suggest(kinds, true);
  };

  /**
   * Asks the services for suggestions on the text as it stands once the editor stops typing (computing pauses
   * while it types again), without blocking typing, and places the answer on the text as it stands when it comes:
   * carried through every edit made meanwhile, in one transaction that undo passes over. Returns how many
   * suggestions were added.
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
    const { editor } = this;
    if (editor.isClosed()) return 0;
    editor.screen.show({ suggesting: true });
    if (announce) editor.setNotice('Suggesting tags…');
    // The text is read once the keys stop, and computed on from there.
    await this.quietMoment();
    if (editor.isClosed()) return 0;
    const reading = editor.state();
    const read = reading.doc;
    const text = articleText(read);
    const mapping = new Mapping();
    this.editsSinceReading.add(mapping);
    try {
      const answer = await editor.api.suggestAnnotations({
        articleId: editor.screen.getSnapshot().article.id,
        blocks: text.blocks.map((block) => ({ text: block.text, type: block.type })),
        kinds: [...kinds],
        tagged: taggedWordsOf(text, annotationMapOf(reading)),
      });
      if (editor.isClosed()) return 0;
      const placed = placeSuggestions(answer.result, {
        text,
        existing: annotationMapOf(editor.state()),
        // The services left out what the tags covered when the text was read: the request sent those words.
        tagged: {},
        rejected: new Set([...answer.rejectedKeys, ...this.rejectedKeys]),
        now: editor.now(),
        newId,
      });
      const before = annotationMapOf(editor.state());
      let slowest = 0;
      // A long article gets thousands: they land a slice per task, so typing is served between slices, and each
      // slice is carried through the edits made meanwhile like the first.
      for (let from = 0; from < placed.length; from += suggestionsPerSlice) {
        if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
        if (editor.isClosed()) return 0;
        const started = performance.now();
        editor.run(addPlacedSuggestions(placed.slice(from, from + suggestionsPerSlice), { doc: read, text, mapping }), false);
        slowest = Math.max(slowest, performance.now() - started);
      }
      this.lastApplyMs = slowest;
      const after = annotationMapOf(editor.state());
      const added = after === before ? 0 : Object.keys(after).length - Object.keys(before).length;
      if (announce) editor.setNotice(added > 0 ? `${countOf(added, 'suggestion')} added.` : 'No new suggestions.');
      return added;
    } catch (error) {
      editor.setNotice(`Suggestions failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.editsSinceReading.delete(mapping);
      editor.screen.show({ suggesting: false });
    }
  }

  /** How many suggestions wait in the article. */
  waiting(): number {
    return waitingSuggestionIds(annotationMapOf(this.editor.state())).length;
  }

  /** Moves to the next (1) or previous (-1) suggestion and shows it in the inspector. */
  step = (direction: 1 | -1): boolean => {
    const moved = this.editor.run(goToSuggestion(direction, selectedAnnotationId(this.editor.state()), selectAnnotation));
    if (!moved) this.editor.setNotice(`No suggestions wait. Ask for them with “Suggest tags” (${suggestionShortcuts.suggestNow.label}).`);
    return moved;
  };

  // The selected tag when it is a suggestion; otherwise says how to pick one.
  private selectedSuggestion(): Annotation | null {
    const record = this.editor.selectedRecord();
    if (record?.status === 'suggested') return record;
    this.editor.setNotice(`Go to a suggestion first (${suggestionShortcuts.nextSuggestion.label}), or click one.`);
    return null;
  }

  /**
   * Links the suggested mentions among `ids` that have no registry entity yet, as tagging by hand does: one lookup
   * (found or added) per name and type. Returns the entity id of each mention linked.
   */
  private async registryLinks(ids: readonly string[]): Promise<Map<string, string>> {
    const { editor } = this;
    const records = annotationMapOf(editor.state());
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
        const resolved = await editor.api.resolveEntity({ name: group.name, type: group.type });
        editor.rememberEntity(resolved.entity);
        for (const id of group.ids) links.set(id, resolved.entity.id);
      } catch (error) {
        failures.push(`${group.name}: ${(error as Error).message}`);
      }
    }
    if (failures.length > 0) editor.setNotice(`Accepted without a registry link: ${failures.join('; ')}`);
    return links;
  }

  /** Accepts the suggestions `ids` as the user's tags, their mentions linked to the registry; one undo step. */
  acceptIds = async (ids: readonly string[]): Promise<boolean> => {
    const entityIds = await this.registryLinks(ids);
    if (this.editor.isClosed()) return false;
    return this.editor.run(acceptSuggestions(ids, { author: this.editor.userName(), now: this.editor.now(), entityIds }));
  };

  /**
   * Rejects the suggestions `ids`: they leave the text (undo brings them back) and the services remember them so
   * that they do not come back. A rejection one by one also counts the name against its type across the desk;
   * rejecting everything at once says nothing about any one name.
   */
  rejectIds = (ids: readonly string[], countAgainstType: boolean): boolean => {
    const { editor } = this;
    const records = annotationMapOf(editor.state());
    const rejections = new Map<string, { key: string; name: string; entityType: EntityType | null }>();
    for (const id of ids) {
      const record = records[id];
      if (record?.status !== 'suggested') continue;
      const key = rejectionKeyOf(record);
      rejections.set(key, { key, name: record.quote.slice(0, 500), entityType: countAgainstType && record.kind === 'entity' ? record.entityType : null });
    }
    if (!editor.run(rejectSuggestions(ids))) return false;
    for (const key of rejections.keys()) this.rejectedKeys.add(key);
    const all = [...rejections.values()];
    // The contract takes at most 10,000 rejections a call.
    for (let start = 0; start < all.length; start += 10_000) {
      editor.api
        .rejectSuggestions({ articleId: editor.screen.getSnapshot().article.id, rejections: all.slice(start, start + 10_000) })
        .catch((error: Error) => editor.setNotice(`Rejected here, but not remembered for next time: ${error.message}`));
    }
    return true;
  };

  /** Accepts the selected suggestion. */
  acceptSelected = async (): Promise<boolean> => {
    const record = this.selectedSuggestion();
    return record !== null && this.acceptIds([record.id]);
  };

  /** Rejects the selected suggestion. */
  rejectSelected = (): boolean => {
    const record = this.selectedSuggestion();
    return record !== null && this.rejectIds([record.id], true);
  };

  /** Accepts every suggestion of the same name as the selected one: the same words, kind and type. */
  acceptSameName = async (): Promise<boolean> => {
    const record = this.selectedSuggestion();
    if (!record) return false;
    const ids = suggestionIdsLike(annotationMapOf(this.editor.state()), record.id);
    const accepted = await this.acceptIds(ids);
    if (accepted) this.editor.setNotice(`Accepted ${countOf(ids.length, 'suggestion')} of “${record.quote}”. Undo takes them back.`);
    return accepted;
  };

  /** Accepts every suggestion of the selected tag's kind (entity, figure or attribution). */
  acceptSameKind = async (): Promise<boolean> => {
    const record = this.editor.selectedRecord();
    if (!record) {
      this.editor.setNotice(`Go to a suggestion of the kind to accept first (${suggestionShortcuts.nextSuggestion.label}).`);
      return false;
    }
    const ids = suggestionIdsOfKind(annotationMapOf(this.editor.state()), record.kind);
    const accepted = await this.acceptIds(ids);
    if (accepted) this.editor.setNotice(`Accepted ${countOf(ids.length, `${record.kind} suggestion`)}. Undo takes them back.`);
    return accepted;
  };

  /** Rejects every suggestion waiting in the article. */
  rejectAll = (): boolean => {
    const ids = waitingSuggestionIds(annotationMapOf(this.editor.state()));
    const rejected = ids.length > 0 && this.rejectIds(ids, false);
    this.editor.setNotice(rejected ? `Rejected ${countOf(ids.length, 'suggestion')}. Undo brings them back.` : 'No suggestions wait.');
    return rejected;
  };
}
