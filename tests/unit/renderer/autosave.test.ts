import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { articleSchema } from '../../../common/schema';
import type { SaveResult } from '../../../common/api';
import { ApiError } from '../../../common/api';
import { annotationRecordsPlugin, annotationMapOf, articleDocumentJson } from '../../../common/editor/annotationRecords';
import { AutosaveController, type EditorSnapshot, type SavePayload, type SaveStatus } from '../../../renderer/src/editor/autosave';

// The save function is the only fake: it stands where the network would be. Everything else is the real
// autosave over real editor states.

function openedState(): EditorState {
  const doc = articleSchema.node('doc', null, [
    articleSchema.node('headline', null, [articleSchema.text('Budget passes')]),
    articleSchema.node('paragraph', null, [articleSchema.text('The council voted.')]),
    articleSchema.node('paragraph', null, [articleSchema.text('It was close.')]),
  ]);
  return EditorState.create({ doc, plugins: [annotationRecordsPlugin({})] });
}

function typed(state: EditorState, text: string): EditorState {
  return state.apply(state.tr.insertText(text, state.doc.content.size - 1));
}

function snapshotOf(state: EditorState): EditorSnapshot {
  return { doc: state.doc, records: annotationMapOf(state), fullJson: () => articleDocumentJson(state) };
}

interface SaveCall {
  payload: SavePayload;
  baseRevision: number;
}

/** A save that records its calls and answers as told: with a revision, or with an error. */
function scriptedSave(answers: (Error | 'ok')[]) {
  const calls: SaveCall[] = [];
  let revision = 1;
  const save = async (payload: SavePayload, baseRevision: number): Promise<SaveResult> => {
    calls.push({ payload, baseRevision });
    const answer = answers.shift() ?? 'ok';
    if (answer !== 'ok') throw answer;
    revision += 1;
    return { revision, updatedAt: `t${revision}`, title: 'Budget passes' };
  };
  return { calls, save };
}

describe('autosave', () => {
  let statuses: SaveStatus[];
  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function controller(save: (payload: SavePayload, baseRevision: number) => Promise<SaveResult>, opened: EditorState) {
    return new AutosaveController({ revision: 1, opened: { doc: opened.doc, records: annotationMapOf(opened) }, save, onStatus: (status) => statuses.push(status), debounceMs: 400 });
  }

  it('saves once after the quiet time, as a patch of the changed block against the opened document', async () => {
    const opened = openedState();
    const { calls, save } = scriptedSave([]);
    const autosave = controller(save, opened);
    let state = typed(opened, ' Very');
    autosave.schedule(snapshotOf(state));
    state = typed(state, ' close.');
    autosave.schedule(snapshotOf(state));
    await vi.advanceTimersByTimeAsync(399);
    expect(calls).toHaveLength(0);
    expect(autosave.hasUnsavedChanges()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.baseRevision).toBe(1);
    const payload = calls[0]!.payload as { patch: { from: number; to: number; blocks: unknown[] } };
    expect(payload.patch).toMatchObject({ from: 2, to: 3 });
    expect(payload.patch.blocks).toHaveLength(1);
    expect(statuses.map((status) => status.state)).toEqual(['pending', 'pending', 'saving', 'saved']);
    expect(autosave.hasUnsavedChanges()).toBe(false);
  });

  it('retries a failed save with growing delays, keeps the newest edit, and sends it once it works', async () => {
    const opened = openedState();
    const { calls, save } = scriptedSave([new ApiError('internal', 'The disk is full'), new ApiError('internal', 'The disk is full')]);
    const autosave = controller(save, opened);
    const first = typed(opened, ' A');
    autosave.schedule(snapshotOf(first));
    await vi.advanceTimersByTimeAsync(400);
    expect(statuses.at(-1)).toEqual({ state: 'failed', message: 'The disk is full', retryInMs: 1000, conflict: false });
    // An edit made while the save is failing is newer than the one that failed: it is what gets saved.
    const newer = typed(first, ' B');
    autosave.schedule(snapshotOf(newer));
    await vi.advanceTimersByTimeAsync(400);
    expect(calls).toHaveLength(2);
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', retryInMs: 2000 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: 't2' });
    const blocks = (calls[2]!.payload as { patch: { blocks: { text: string }[] } }).patch.blocks;
    expect(blocks[0]!.text).toBe('It was close. A B');
    // The revision the store gave is the base of the next save.
    autosave.schedule(snapshotOf(typed(newer, ' C')));
    await vi.advanceTimersByTimeAsync(400);
    expect(calls[3]!.baseRevision).toBe(2);
  });

  it('reports a conflict without retrying, and "keep mine" sends the whole document on the current revision', async () => {
    const opened = openedState();
    const { calls, save } = scriptedSave([new ApiError('conflict', 'The article was changed elsewhere')]);
    const autosave = controller(save, opened);
    const mine = typed(opened, ' Mine.');
    autosave.schedule(snapshotOf(mine));
    await vi.advanceTimersByTimeAsync(400);
    expect(statuses.at(-1)).toEqual({ state: 'failed', message: 'The article was changed elsewhere', retryInMs: null, conflict: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(autosave.hasUnsavedChanges()).toBe(true);
    const kept = autosave.overwrite(7);
    await vi.runAllTimersAsync();
    expect(await kept).toBe(true);
    expect(calls[1]!.baseRevision).toBe(7);
    expect('doc' in calls[1]!.payload).toBe(true);
    expect((calls[1]!.payload as { doc: unknown }).doc).toEqual(articleDocumentJson(mine));
  });

  it('flushes at once on leaving: true once the store has the work, false (work kept) when the save fails', async () => {
    const opened = openedState();
    const { calls, save } = scriptedSave([new ApiError('internal', 'offline')]);
    const autosave = controller(save, opened);
    autosave.schedule(snapshotOf(typed(opened, ' X')));
    expect(await autosave.flush()).toBe(false);
    expect(calls).toHaveLength(1);
    expect(autosave.hasUnsavedChanges()).toBe(true);
    expect(await autosave.flush()).toBe(true);
    expect(calls).toHaveLength(2);
    expect(autosave.hasUnsavedChanges()).toBe(false);
    autosave.stop();
    autosave.schedule(snapshotOf(typed(opened, ' Y')));
    await vi.advanceTimersByTimeAsync(10_000);
    // Stopped: no timer saves any more; only an explicit flush does.
    expect(calls).toHaveLength(2);
  });
});
