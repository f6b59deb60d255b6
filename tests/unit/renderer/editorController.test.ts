import { importedArticle } from '../../support/importedArticle';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { ApiError, apiMethodNames, type AnnotatorApi } from '../../../common/api';
import { articleText } from '../../../common/articleText';
import { annotationMapOf } from '../../../common/editor/annotationRecords';
import { annotationRanges } from '../../../common/editor/annotationRanges';
import { needsReviewIds } from '../../../common/editor/needsReviewTags';
import { dispatchApiCall } from '../../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../../main/services/index';
import { EditorController } from '../../../renderer/src/editor/editorController';
import { shortcutTable } from '../../../renderer/src/editor/editorKeymap';
import { selectedAnnotationId } from '../../../renderer/src/editor/selectedAnnotation';
import { annotationShortcuts, suggestionShortcuts, tagActions } from '../../../renderer/src/editor/tagShortcuts';
import { makeTempDir } from '../../integration/storeFixtures';
import { editorArticleOf } from '../../../renderer/src/editor/editorArticle';

// The controller runs in Node on a real editor state, against the real services on a real SQLite file,
// called through the same validating dispatch the hosts use. Only the view (the DOM) is absent.

const articleBody = [
  'Zolotukhin speaks',
  '"We will not leave," said Vladimir Zolotukhin, and he told Interfax the talks had failed.',
  'Zolotukhin later spoke to reporters.',
].join('\n\n');

/** The renderer's API as the hosts serve it: every call validated, failures thrown as ApiError. */
function apiOver(services: AppServices, intercept: { saveArticle?: () => ApiError | null } = {}): AnnotatorApi {
  const entries = apiMethodNames.map((name) => [
    name,
    async (input: unknown) => {
      const refusal = name === 'saveArticle' ? intercept.saveArticle?.() : null;
      if (refusal) throw refusal;
      const result = await dispatchApiCall(services.handlers, name, input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value;
    },
  ]);
  return Object.fromEntries(entries) as AnnotatorApi;
}

function spanTextOf(plain: ReturnType<typeof articleText>, id: string): string {
  return (plain.spans.get(id) ?? []).filter((span) => span.part === 'content').map((span) => plain.text.slice(span.start, span.end)).join(' … ');
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the editor controller', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: AppServices;
  let controller: EditorController;
  let articleId: string;
  let saveRefusal: ApiError | null;

  beforeEach(async () => {
    temp = makeTempDir();
    services = openServices({ databasePath: join(temp.dir, 'controller.sqlite'), userName: 'tester' });
    // These tests tag by hand; suggestions on import would add tags of their own.
    await services.handlers.setPreferences({ suggestions: { onImport: false, onOpen: false, kinds: ['entity', 'figure', 'attribution'] } });
    articleId = importedArticle(await services.handlers.importText({ text: articleBody })).id;
    saveRefusal = null;
    const api = apiOver(services, { saveArticle: () => saveRefusal });
    controller = new EditorController({ api, article: editorArticleOf(await api.openArticle({ id: articleId })), userName: 'Desk editor', saveDebounceMs: 5 });
    await tick();
  });
  afterEach(async () => {
    controller.destroy();
    await tick(20);
    services.close();
    temp.remove();
  });

  function selectWords(words: string, occurrence = 0): void {
    const plain = articleText(controller.state.doc);
    let index = -1;
    for (let seen = 0; seen <= occurrence; seen++) index = plain.text.indexOf(words, index + 1);
    const block = plain.blocks.find((candidate) => index >= candidate.start && index < candidate.start + candidate.text.length)!;
    const from = block.docStart + index - block.start;
    controller.dispatch(controller.state.tr.setSelection(TextSelection.create(controller.state.doc, from, from + words.length)));
  }

  const action = (name: string) => tagActions.find((candidate) => candidate.name === name)!;
  const records = () => annotationMapOf(controller.state);
  const selected = () => selectedAnnotationId(controller.state);

  it('makes a new snapshot only when a transaction changes what React shows: typing makes none, selecting a tag one', async () => {
    selectWords('Interfax');
    await controller.tagging.tag(action('Organisation'));
    const interfax = selected()!;
    controller.select(null);
    await tick(50);
    // The first key after a save shows "unsaved changes"; the keys after it show nothing new.
    controller.dispatch(controller.state.tr.insertText('Breaking: ', 1));
    expect(controller.getSnapshot().saveStatus.state).toBe('pending');
    let snapshots = 0;
    const unsubscribe = controller.subscribe(() => snapshots++);
    const before = controller.getSnapshot();
    // Moving the caret and typing plain text change nothing beside the text.
    selectWords('Zolotukhin');
    controller.dispatch(controller.state.tr.insertText('x', 2));
    controller.dispatch(controller.state.tr.insertText('y', 3));
    expect(snapshots).toBe(0);
    expect(controller.getSnapshot()).toBe(before);
    expect(controller.state.doc.textContent).toContain('Bxyreaking: ');
    // Selecting a tag shows in the inspector: one new snapshot, holding the tag.
    controller.select(interfax);
    expect(snapshots).toBe(1);
    expect(controller.getSnapshot().selectedId).toBe(interfax);
    expect(controller.getSnapshot().records).toBe(records());
    // Changing a tag's record shows too.
    expect(controller.fields.toggleReview()).toBe(true);
    expect(snapshots).toBe(2);
    expect(controller.getSnapshot().records[interfax]?.status).toBe('needs_review');
    unsubscribe();
    // The lists' plain text follows the typing a little later, in a snapshot of its own.
    await tick(400);
    expect(controller.getSnapshot().plainText?.text).toContain('Bxyreaking: ');
  });

  it('shows undo and redo becoming possible, once each', () => {
    expect(controller.getSnapshot()).toMatchObject({ canUndo: false, canRedo: false });
    let snapshots = 0;
    const unsubscribe = controller.subscribe(() => snapshots++);
    controller.dispatch(controller.state.tr.insertText('A', 1));
    expect(controller.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });
    const afterFirst = snapshots;
    controller.dispatch(controller.state.tr.insertText('B', 2));
    expect(snapshots).toBe(afterFirst);
    controller.undo();
    expect(controller.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });
    unsubscribe();
  });

  it('tags a person linked to the registry, selects the tag, and the store has it after the flush', async () => {
    selectWords('Vladimir Zolotukhin');
    expect(await controller.tagging.tag(action('Person'))).toBe(true);
    const id = selected()!;
    const record = records()[id]!;
    expect(record).toMatchObject({ kind: 'entity', entityType: 'person', author: 'Desk editor', quote: 'Vladimir Zolotukhin' });
    const entity = (await services.handlers.listEntities({ query: 'Vladimir Zolotukhin' }))[0]!;
    expect(record.kind === 'entity' && record.entityId).toBe(entity.id);
    expect(controller.getSnapshot().notice).toBe('Added Vladimir Zolotukhin to the registry.');
    expect(controller.getSnapshot().entities[entity.id]?.name).toBe('Vladimir Zolotukhin');
    expect(await controller.flush()).toBe(true);
    const stored = await services.handlers.getArticle({ id: articleId });
    expect((stored.doc as { attrs: { annotations: Record<string, unknown> } }).attrs.annotations[id]).toMatchObject({ entityId: entity.id });
    expect(controller.getSnapshot().saveStatus.state).toBe('saved');
  });

  it('asks for words before tagging, and refuses when the text changed while the registry answered', async () => {
    expect(await controller.tagging.tag(action('Organisation'))).toBe(false);
    expect(controller.getSnapshot().notice).toMatch(/^Select some words first/);
    selectWords('Interfax');
    const pending = controller.tagging.tag(action('Organisation'));
    controller.dispatch(controller.state.tr.insertText('Breaking: ', 1));
    expect(await pending).toBe(false);
    expect(Object.keys(records())).toHaveLength(0);
    expect(controller.getSnapshot().notice).toMatch(/^The text changed before the tag was made/);
  });

  it('tags all the other mentions in one step and teaches the registry the surname', async () => {
    selectWords('Vladimir Zolotukhin');
    await controller.tagging.tag(action('Person'));
    expect(controller.tagging.openTagAll()).toBe(true);
    const dialog = controller.getSnapshot().dialog;
    expect(dialog?.type).toBe('tagAll');
    if (dialog?.type !== 'tagAll') return;
    expect(dialog.names).toEqual(['Vladimir Zolotukhin', 'Zolotukhin']);
    // The headline's and the last paragraph's; the surname inside the tagged full name is not offered again.
    const untagged = dialog.candidates.filter((candidate) => !candidate.alreadyTagged);
    expect(untagged.map((candidate) => candidate.text)).toEqual(['Zolotukhin', 'Zolotukhin']);
    controller.tagging.applyTagAll(untagged);
    expect(controller.getSnapshot().dialog).toBeNull();
    expect(Object.values(records()).filter((record) => record.kind === 'entity' && record.quote === 'Zolotukhin')).toHaveLength(2);
    await tick(20);
    const entity = (await services.handlers.listEntities({ query: 'Vladimir Zolotukhin' }))[0]!;
    expect(entity.aliases).toEqual(['Zolotukhin']);
  });

  it('marks the selected tag for review by shortcut, steps to it, and Escape leaves it', async () => {
    selectWords('Interfax');
    await controller.tagging.tag(action('Organisation'));
    const interfax = selected()!;
    selectWords('Zolotukhin', 2);
    await controller.tagging.tag(action('Person'));
    controller.select(interfax);
    controller.runShortcut('toggleReview');
    expect(records()[interfax]).toMatchObject({ status: 'needs_review', review: { reason: 'set_by_editor', detail: '' } });
    expect([...needsReviewIds(controller.state)]).toEqual([interfax]);
    controller.runShortcut('nextAnnotation');
    expect(selected()).not.toBe(interfax);
    controller.runShortcut('nextToReview');
    expect(selected()).toBe(interfax);
    controller.runShortcut('clearSelection');
    expect(selected()).toBeNull();
    controller.select(interfax);
    expect(controller.fields.toggleReview()).toBe(true);
    expect(records()[interfax]).toMatchObject({ status: 'accepted', review: null });
    controller.runShortcut('nextToReview');
    expect(controller.getSnapshot().notice).toBe('Nothing needs review in this article.');
  });

  it('removes one cue span of the selected attribution, read from the delayed plain text', async () => {
    selectWords('"We will not leave,"');
    await controller.tagging.tag(action('Attribution'));
    const quote = selected()!;
    expect(controller.getSnapshot().focusSpeaker).toBe(true);
    selectWords('told Interfax');
    controller.runShortcut('markCue');
    controller.select(quote);
    await tick();
    const plain = controller.getSnapshot().plainText!;
    const cues = plain.spans.get(quote)!.filter((span) => span.part === 'cue');
    expect(cues.map((span) => plain.text.slice(span.start, span.end))).toEqual(['said', 'told Interfax']);
    expect(controller.fields.removeCue(cues[0]!)).toBe(true);
    // The same button pressed twice finds no cue there any more and removes nothing else.
    expect(controller.fields.removeCue(cues[0]!)).toBe(false);
    await tick();
    const after = controller.getSnapshot().plainText!;
    expect(after.spans.get(quote)!.filter((span) => span.part === 'cue').map((span) => after.text.slice(span.start, span.end))).toEqual(['told Interfax']);
    controller.undo();
    expect(articleText(controller.state.doc).spans.get(quote)!.filter((span) => span.part === 'cue')).toHaveLength(2);
  });

  it('keeps the editor open when the save fails on leaving, and "keep mine" wins a conflict with another window', async () => {
    saveRefusal = new ApiError('internal', 'The disk is full');
    controller.dispatch(controller.state.tr.insertText(' Late words.', controller.state.doc.content.size - 1));
    expect(await controller.flushBeforeLeaving()).toBe(false);
    expect(controller.getSnapshot().notice).toMatch(/not saved yet/);
    expect(controller.getSnapshot().saveStatus).toMatchObject({ state: 'failed', conflict: false });
    saveRefusal = null;
    // Another window saves first: this editor's revision is stale now.
    const other = await services.handlers.getArticle({ id: articleId });
    await services.handlers.saveArticle({ id: articleId, baseRevision: other.revision, doc: other.doc });
    expect(await controller.flush()).toBe(false);
    expect(controller.getSnapshot().saveStatus).toMatchObject({ state: 'failed', conflict: true });
    await controller.keepMine();
    expect(controller.getSnapshot().saveStatus.state).toBe('saved');
    expect(JSON.stringify((await services.handlers.getArticle({ id: articleId })).doc)).toContain('Late words.');
  });

  it('"keep mine" on an article deleted elsewhere says so and keeps the editor\'s text', async () => {
    controller.dispatch(controller.state.tr.insertText(' Late words.', controller.state.doc.content.size - 1));
    const other = await services.handlers.getArticle({ id: articleId });
    await services.handlers.saveArticle({ id: articleId, baseRevision: other.revision, doc: other.doc });
    expect(await controller.flush()).toBe(false);
    await services.handlers.deleteArticle({ id: articleId });
    await controller.keepMine();
    expect(controller.getSnapshot().notice).toMatch(/^Could not overwrite the stored copy: This article no longer exists.*Your text is still here\.$/);
    expect(articleText(controller.state.doc).text).toContain('Late words.');
  });

  it('places suggestions computed while the editor typed on the words as they now stand, and works through them', async () => {
    // The request reads the text; the edit is made before the worker answers.
    const asked = controller.suggestions.suggest(['entity', 'attribution'], true);
    expect(controller.getSnapshot().suggesting).toBe(true);
    controller.dispatch(controller.state.tr.insertText('Moscow. ', articleText(controller.state.doc).blocks[1]!.docStart));
    expect(await asked).toBeGreaterThan(0);
    const plain = articleText(controller.state.doc);
    expect(plain.text).toContain('Moscow. "We will not leave');
    const wordsOf = (id: string) => spanTextOf(plain, id);
    const waiting = Object.values(records()).filter((record) => record.status === 'suggested');
    const zolotukhin = waiting.find((record) => record.kind === 'entity' && wordsOf(record.id) === 'Vladimir Zolotukhin');
    expect(zolotukhin).toMatchObject({ entityType: 'person', author: 'suggestions' });
    const quote = waiting.find((record) => record.kind === 'attribution');
    expect(quote && wordsOf(quote.id)).toContain('We will not leave');
    // Undo takes back the editor's typing, not the suggestions.
    controller.undo();
    expect(articleText(controller.state.doc).text).not.toContain('Moscow. ');
    expect(Object.values(records()).filter((record) => record.status === 'suggested')).toHaveLength(waiting.length);

    // Accepting links the mention to the registry, as tagging by hand does.
    controller.select(zolotukhin!.id);
    expect(await controller.suggestions.acceptSelected()).toBe(true);
    const entity = (await services.handlers.listEntities({ query: 'Vladimir Zolotukhin' }))[0]!;
    expect(records()[zolotukhin!.id]).toMatchObject({ status: 'accepted', author: 'Desk editor', entityId: entity.id });

    // Rejecting removes it here and in the services: suggesting again does not bring it back.
    const rejected = Object.values(records()).find((record) => record.status === 'suggested' && record.kind === 'entity')!;
    controller.select(rejected.id);
    expect(controller.suggestions.rejectSelected()).toBe(true);
    expect(records()[rejected.id]).toBeUndefined();
    const sameWords = () => Object.values(records()).filter((record) => record.kind === 'entity' && record.quote === rejected.quote).length;
    const left = sameWords();
    await tick(20);
    expect(await controller.suggestions.suggest(['entity', 'attribution'], true)).toBe(0);
    expect(sameWords()).toBe(left);
    expect(controller.getSnapshot().notice).toBe('No new suggestions.');
    expect(controller.suggestions.lastApplyMs).not.toBeNull();
  });

  it('accepts a suggestion from the status field as from the key, and its marks stop looking like a suggestion', async () => {
    expect(await controller.suggestions.suggest(['entity'], false)).toBeGreaterThan(0);
    const suggestion = Object.values(records()).find((record) => record.status === 'suggested')!;
    controller.select(suggestion.id);
    expect(controller.fields.setStatus('accepted')).toBe(true);
    await expect.poll(() => records()[suggestion.id]?.status).toBe('accepted');
    expect(records()[suggestion.id]?.author).toBe('Desk editor');
    const ranges = annotationRanges(controller.state.doc, suggestion.id);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((range) => range.mark.attrs.suggested === false)).toBe(true);
  });

  it('binds every named shortcut in one table', () => {
    const keys = shortcutTable.map((entry) => entry.key);
    for (const shortcut of Object.values(annotationShortcuts)) expect(keys).toContain(shortcut.key);
    for (const shortcut of Object.values(suggestionShortcuts)) expect(keys).toContain(shortcut.key);
    expect(keys).toContain('Escape');
    expect(new Set([...keys, ...tagActions.map((tagAction) => tagAction.key)]).size).toBe(keys.length + tagActions.length);
  });
});
