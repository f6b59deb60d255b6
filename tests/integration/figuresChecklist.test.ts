import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord, FigureChecklist, FigureChecklistRow, RevisionEntry } from '../../common/api';
import type { FigureAnnotation } from '../../common/model/annotation';
import { openServices, type AppServices } from '../../main/services/index';
import { figuresDeskCounts, seedFiguresDesk } from '../support/figuresDesk';
import { apiCalls, makeTempDir } from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
const { call, callError } = apiCalls(() => services);
let desk: { douma: string; harbour: string };

beforeEach(() => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite'), userName: 'fact checker' });
  desk = seedFiguresDesk(services);
});
afterEach(() => {
  services.close();
  temp.remove();
});

const checklist = (input: Record<string, unknown> = {}) => call<FigureChecklist>('figuresChecklist', input);
const ids = (list: FigureChecklist) => list.rows.map((row) => row.annotationId);
const row = (list: FigureChecklist, annotationId: string) => list.rows.find((candidate) => candidate.annotationId === annotationId)!;

describe('the figures checklist, counted by hand', () => {
  it('lists the figures still to check, newest article first and in text order, with the counts of the desk', async () => {
    const list = await checklist();
    expect(list.total).toBe(figuresDeskCounts.open);
    expect(list.byVerification).toEqual({ unchecked: figuresDeskCounts.unchecked, disputed: figuresDeskCounts.disputed, verified: figuresDeskCounts.verified });
    expect(list.flagged).toBe(figuresDeskCounts.flagged);
    expect(list.suggestionsWaiting).toBe(figuresDeskCounts.suggestionsWaiting);
    expect(ids(list)).toEqual(['killed', 'children', 'trapped', 'remain', 'euros', 'turnout', 'cost', 'weeks', 'share', 'families', 'kids']);
    const children = row(list, 'children');
    expect(children.sentence!.text).toBe('At least 52 civilians, including 60 children, were killed in Douma on Wednesday, the monitor said.');
    expect(children.sentence!.text.slice(children.sentence!.start, children.sentence!.end)).toBe('60 children');
    expect(children).toMatchObject({ articleTitle: 'Shelling kills 52 in Douma', articleStatus: 'draft', articleRevision: 1, status: 'accepted' });
    expect(children.flags).toEqual([expect.objectContaining({ check: 'part_exceeds_whole', role: 'part', otherId: 'killed' })]);
    expect(row(list, 'trapped').flags).toEqual([expect.objectContaining({ check: 'conflicting_values', otherId: 'remain' })]);
    expect(row(list, 'turnout').flags).toEqual([expect.objectContaining({ check: 'percent_over_100' })]);
    expect(row(list, 'kids').flags).toEqual([]);
    expect(row(list, 'euros').figure).toMatchObject({ figureKind: 'money', currency: 'EUR', value: { type: 'number', value: 422000 } });
  });

  it('still lists every figure when an article\'s stored spans are damaged, placing none of that article\'s', async () => {
    services.db.prepare("UPDATE article_blocks SET packed_spans = '[[0, 5, ' WHERE article_id = ? AND packed_spans IS NOT NULL").run(desk.douma);
    const list = await checklist();
    expect(list.total).toBe(figuresDeskCounts.open);
    expect(row(list, 'children').sentence).toBeNull();
    expect(row(list, 'cost').sentence).not.toBeNull();
  });

  it('filters by kind, verification, article status, selection and flags, sorts by value and pages', async () => {
    expect(ids(await checklist({ figureKind: 'money' }))).toEqual(['euros', 'cost']);
    expect(ids(await checklist({ verification: 'verified' }))).toEqual(['since']);
    expect(ids(await checklist({ verification: 'disputed' }))).toEqual(['share']);
    expect((await checklist({ verification: 'all' })).total).toBe(figuresDeskCounts.figures);
    const inReview = await checklist({ selection: { status: 'in_review' } });
    expect(inReview.total).toBe(5);
    expect(inReview.suggestionsWaiting).toBe(0);
    expect((await checklist({ selection: { query: 'harbour' } })).total).toBe(5);
    const flagged = await checklist({ flaggedOnly: true });
    expect(ids(flagged)).toEqual(['killed', 'children', 'trapped', 'remain', 'turnout']);
    expect(flagged.byVerification).toEqual({ unchecked: 5, disputed: 0, verified: 0 });
    // Numbers by value, then the one duration (an ISO text) after them.
    const byValue = await checklist({ order: 'value', descending: false });
    expect(ids(byValue)).toEqual(['kids', 'families', 'share', 'killed', 'children', 'turnout', 'remain', 'trapped', 'euros', 'cost', 'weeks']);
    expect(ids(await checklist({ order: 'title', descending: false }))[0]).toBe('cost');
    // Either way round, an article's figures keep their text order.
    expect(ids(await checklist({ order: 'title', descending: true })).slice(0, 3)).toEqual(['killed', 'children', 'trapped']);
    expect(ids(await checklist({ order: 'article', descending: false })).slice(0, 3)).toEqual(['cost', 'weeks', 'share']);
    const lastPage = await checklist({ pageSize: 4, page: 2 });
    expect(lastPage).toMatchObject({ total: 11, page: 2, pageSize: 4 });
    expect(ids(lastPage)).toEqual(['share', 'families', 'kids']);
  });
});

describe('a verdict from the checklist', () => {
  it('is saved as a new revision of the article, shows in the record, and is undone by restoring the revision before', async () => {
    const saved = await call<FigureChecklistRow>('setFigureVerification', { articleId: desk.douma, annotationId: 'euros', baseRevision: 1, verification: 'verified', sourceNote: ' Agency accounts, p. 4 ' });
    expect(saved).toMatchObject({ articleRevision: 2, figure: { verification: 'verified', sourceNote: 'Agency accounts, p. 4' } });
    const history = await call<RevisionEntry[]>('listRevisions', { id: desk.douma });
    expect(history.map((entry) => [entry.revision, entry.reason, entry.summary.changedRecords])).toEqual([
      [2, 'saved', 1],
      [1, 'created', 8],
    ]);
    expect(history[0]!.savedBy).toBe('fact checker');
    const article = await call<ArticleRecord>('getArticle', { id: desk.douma });
    const record = (article.doc as { attrs: { annotations: Record<string, FigureAnnotation> } }).attrs.annotations.euros!;
    expect(record.figure).toMatchObject({ verification: 'verified', sourceNote: 'Agency accounts, p. 4' });
    const after = await checklist();
    expect(after.byVerification).toEqual({ unchecked: 9, disputed: 1, verified: 2 });
    expect(ids(after)).not.toContain('euros');

    await call('restoreRevision', { id: desk.douma, revision: 1, baseRevision: 2 });
    expect(row(await checklist(), 'euros').figure.verification).toBe('unchecked');
  });

  it('goes on top of a newer revision that left the figure alone, and is refused when that revision changed it', async () => {
    // An editor saves a change to "60 children" (now 20) as revision 2: that figure's flag goes with it.
    const article = await call<ArticleRecord>('getArticle', { id: desk.douma });
    const records = (article.doc as { attrs: { annotations: Record<string, FigureAnnotation> } }).attrs.annotations;
    const children = { ...records.children!, figure: { ...records.children!.figure, value: { type: 'number' as const, value: 20 } }, updatedAt: '2026-11-30T10:00:00.000Z' };
    await call('saveArticle', { id: desk.douma, baseRevision: 1, patch: { from: 0, to: 0, blocks: [], records: { children }, removedRecordIds: [] } });
    const list = await checklist();
    expect(row(list, 'children').flags).toEqual([]);
    expect(list.flagged).toBe(3);

    const conflict = await callError('setFigureVerification', { articleId: desk.douma, annotationId: 'children', baseRevision: 1, verification: 'verified', sourceNote: 'Monitor' });
    expect(conflict.code).toBe('conflict');
    expect((await call<ArticleRecord>('getArticle', { id: desk.douma })).revision).toBe(2);
    const untouched = await call<FigureChecklistRow>('setFigureVerification', { articleId: desk.douma, annotationId: 'killed', baseRevision: 1, verification: 'verified', sourceNote: 'Monitor' });
    expect(untouched.articleRevision).toBe(3);
    // An open editor still on revision 2 is told of the newer revision instead of overwriting the verdict.
    expect((await callError('saveArticle', { id: desk.douma, baseRevision: 2, patch: { from: 0, to: 0, blocks: [], records: {}, removedRecordIds: [] } })).code).toBe('conflict');
  });

  it('refuses a dispute without a note, a suggestion and a figure that is gone, and writes nothing', async () => {
    expect(await callError('setFigureVerification', { articleId: desk.harbour, annotationId: 'cost', baseRevision: 1, verification: 'disputed', sourceNote: '  ' })).toEqual({
      code: 'invalid_argument',
      message: 'Say why the figure is disputed in its source note.',
    });
    expect((await callError('setFigureVerification', { articleId: desk.douma, annotationId: 'districts', baseRevision: 1, verification: 'verified', sourceNote: '' })).message).toMatch(/still a suggestion/);
    expect((await callError('setFigureVerification', { articleId: desk.douma, annotationId: 'nothing', baseRevision: 1, verification: 'verified', sourceNote: '' })).code).toBe('not_found');
    expect((await call<RevisionEntry[]>('listRevisions', { id: desk.harbour })).length).toBe(1);
    // The same verdict again changes nothing and writes no revision.
    await call('setFigureVerification', { articleId: desk.harbour, annotationId: 'share', baseRevision: 1, verification: 'disputed', sourceNote: 'Poll says 40%' });
    expect((await call<RevisionEntry[]>('listRevisions', { id: desk.harbour })).length).toBe(1);
  });
});
