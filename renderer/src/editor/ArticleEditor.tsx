import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EditorView } from 'prosemirror-view';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { keymap } from 'prosemirror-keymap';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { redo, undo, undoDepth, redoDepth } from 'prosemirror-history';
import { articleStatusLabels, articleStatuses, type AnnotatorApi, type ArticleRecord, type ArticleStatus, type EntityRecord } from '../../../common/api';
import { newId, type Annotation, type AnnotationMap, type EntityType } from '../../../common/annotation';
import { articleText, spanText, type ArticleText } from '../../../common/articleText';
import {
  addSpanToAnnotation,
  annotationMapOf,
  removeAnnotation,
  tagRange,
  tagRanges,
  taggableRange,
  updateAnnotation,
  type TagRequest,
} from '../../../common/editor/annotationCommands';
import { annotationIdsAt, annotationRanges } from '../../../common/editor/annotationRanges';
import { articleDocumentJson } from '../../../common/editor/annotationRecords';
import { createArticleEditorState, stripPastedAnnotations } from './editorState';
import { selectAnnotation, selectedAnnotationId, selectedAnnotationKey } from './selectedAnnotation';
import { AutosaveController, type SaveStatus } from './autosave';
import { annotationShortcuts, tagActions, type TagAction } from './tagShortcuts';
import { Legend, Toolbar } from './Toolbar';
import { Inspector } from './Inspector';
import { AnnotationsPanel } from './AnnotationsPanel';
import { SaveIndicator } from './SaveIndicator';
import type { SpeakerCandidate } from './SpeakerPicker';
import { proposeTagRequest } from './tagProposals';
import { tagAllCandidates, type OccurrenceCandidate } from '../../../common/editor/tagAll';
import { TagAllDialog } from './TagAllDialog';
import { EntityLinkPicker } from './EntityLinkPicker';
import { FiguresPanel } from './FiguresPanel';
import { SourcesPanel } from './SourcesPanel';
import { ExportControls, exportArticles } from '../exports/ExportControls';
import type { ExportFormatName } from '../../../common/api';

const sideTabs = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'figures', label: 'Figures' },
  { id: 'sources', label: 'Sources' },
] as const;
type SideTab = (typeof sideTabs)[number]['id'];

/** The last word of a name of two words or more, when it is long enough to be a surname. */
function surnameOf(name: string): string | null {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return words.length >= 2 && [...last].length >= 3 && /^\p{Lu}/u.test(last) ? last : null;
}

type EditorDialog =
  // `doc` is the document the candidates' positions belong to.
  | { type: 'tagAll'; mentionId: string; entityName: string; names: string[]; candidates: OccurrenceCandidate[]; doc: ProseMirrorNode }
  | { type: 'relink'; mentionId: string; query: string; entityType: EntityType };

interface ArticleEditorProps {
  api: AnnotatorApi;
  articleId: string;
  // A tag to select and scroll to once the article is open (from the registry's mention list).
  focusAnnotationId?: string;
  userName: string;
  onClose: () => void;
  onFilesDropped: (dataTransfer: DataTransfer) => void;
  // Lets the app flush this editor's pending save before it closes or switches views.
  // The flush resolves false when the work could not be saved; the app then keeps this editor open.
  registerFlush: (flush: (() => Promise<boolean>) | null) => void;
}

/** The editor screen: toolbar and text in the middle, inspector and annotation list beside it. */
export function ArticleEditor({ api, articleId, focusAnnotationId, userName, onClose, onFilesDropped, registerFlush }: ArticleEditorProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const autosaveRef = useRef<AutosaveController | null>(null);
  const [article, setArticle] = useState<ArticleRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [annotations, setAnnotations] = useState<AnnotationMap>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusSpeaker, setFocusSpeaker] = useState(false);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'saved', at: '' });
  const [plainText, setPlainText] = useState<ArticleText | null>(null);
  const [historyDepth, setHistoryDepth] = useState({ undo: 0, redo: 0 });
  const [notice, setNotice] = useState<string | null>(null);
  // Registry entries of the article's mentions, fetched when first needed.
  const [entities, setEntities] = useState<Record<string, EntityRecord>>({});
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('annotations');
  const textTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The drop handler is read through a ref so that a new callback from the app never remounts the editor.
  const filesDropped = useRef(onFilesDropped);
  filesDropped.current = onFilesDropped;

  const view = () => viewRef.current;
  const now = () => new Date().toISOString();

  const refreshPlainText = useCallback((state: EditorState, delayMs: number) => {
    if (textTimer.current) clearTimeout(textTimer.current);
    // The list's texts follow a little later, after the edit has been painted, so a keystroke or a tag
    // never waits for a pass over the whole document.
    requestAnimationFrame(() => {
      if (textTimer.current) clearTimeout(textTimer.current);
      textTimer.current = setTimeout(() => setPlainText(articleText(state.doc)), delayMs);
    });
  }, []);

  // Commands from the toolbar and shortcuts return focus to the text; edits from inspector fields leave
  // focus where the user is typing, or a key meant for the field would land in the text.
  const run = useCallback((command: (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean, focusText = true) => {
    const current = view();
    if (!current) return false;
    const done = command(current.state, current.dispatch);
    if (focusText) current.focus();
    return done;
  }, []);

  const choose = useCallback((id: string | null, scroll: boolean) => {
    const current = view();
    if (!current) return;
    let tr = selectAnnotation(current.state.tr, id);
    if (id && scroll) {
      const first = annotationRanges(current.state.doc, id)[0];
      // The caret goes to the tag's start rather than selecting its words, so a stray key cannot replace them.
      if (first) tr = tr.setSelection(TextSelection.create(tr.doc, first.from)).scrollIntoView();
    }
    current.dispatch(tr);
    if (scroll) current.focus();
  }, []);

  const tag = useCallback(
    async (action: TagAction) => {
      const current = view();
      if (!current) return;
      const range = taggableRange(current.state);
      if (!range) {
        setNotice(`Select some words first, then press ${action.name} (${action.shortcutLabel}).`);
        current.focus();
        return;
      }
      const docBefore = current.state.doc;
      const quote = docBefore.textBetween(range.from, range.to, ' ', ' ');
      let request = proposeTagRequest(action.request, current.state, range);
      let linkNotice: string | null = null;
      if (request.kind === 'entity') {
        // The registry link is made before the tag, so the tag and its link are one undo step.
        try {
          const resolved = await api.resolveEntity({ name: quote, type: request.entityType });
          request = { ...request, entityId: resolved.entity.id };
          setEntities((known) => ({ ...known, [resolved.entity.id]: resolved.entity }));
          linkNotice = resolved.matchedBy
            ? `Linked “${quote}” to ${resolved.entity.name} in the registry (matched by ${resolved.matchedBy}).`
            : `Added ${resolved.entity.name} to the registry.`;
        } catch (error) {
          linkNotice = `Tagged without a registry link: ${(error as Error).message}`;
        }
      }
      const latest = view();
      if (!latest) return;
      if (latest.state.doc !== docBefore) {
        // The copy changed while the registry answered, so `range` may now cover other words.
        setNotice(`The text changed before the tag was made. Select the words and press ${action.name} again.`);
        return;
      }
      const id = newId('ann');
      // The words selected when the user asked, even if the selection moved while the registry answered.
      if (!run(tagRange(range, request, { id, author: userName, now: now() }))) return;
      setNotice(linkNotice);
      choose(id, false);
      setFocusSpeaker(request.kind === 'attribution');
    },
    [api, run, choose, userName],
  );

  const openTagAll = useCallback(() => {
    const current = view();
    const id = current && selectedAnnotationId(current.state);
    const record = id ? annotationMapOf(current!.state)[id] : undefined;
    if (!current || !id || record?.kind !== 'entity') {
      setNotice('Select an entity tag first, then “Tag all occurrences”.');
      return;
    }
    const entity = record.entityId ? entities[record.entityId] : undefined;
    const plain = articleText(current.state.doc);
    const ownText = spanText(plain.text, plain.spans.get(id) ?? []) || record.quote;
    const known = [ownText, ...(entity ? [entity.name, ...entity.aliases] : [])];
    // A person is named in full once and by surname after: "Vladimir Zolotukhin", then "Zolotukhin".
    const surnames = record.entityType === 'person' ? known.map(surnameOf).filter((surname): surname is string => surname !== null) : [];
    const names = [...new Set([...known, ...surnames].map((name) => name.trim()).filter((name) => name !== ''))];
    const candidates = tagAllCandidates(current.state, names, record.entityId, id);
    setDialog({ type: 'tagAll', mentionId: id, entityName: entity?.name ?? ownText, names, candidates, doc: current.state.doc });
  }, [entities]);

  const applyTagAll = useCallback(
    (mentionId: string, chosen: OccurrenceCandidate[], candidatesDoc: ProseMirrorNode) => {
      const current = view();
      const record = current && annotationMapOf(current.state)[mentionId];
      setDialog(null);
      if (!current || record?.kind !== 'entity') return;
      if (current.state.doc !== candidatesDoc) {
        // The positions were found in an older text and could now fall on other words.
        setNotice('The text changed while the list was open; nothing was tagged. Open “Tag all occurrences” again.');
        return;
      }
      const stamp = now();
      run(
        tagRanges(
          chosen.map((candidate) => ({
            from: candidate.from,
            to: candidate.to,
            request: { kind: 'entity', entityType: record.entityType, entityId: record.entityId },
            context: { id: newId('ann'), author: userName, now: stamp },
          })),
        ),
      );
      setNotice(`Tagged ${chosen.length} more ${chosen.length === 1 ? 'occurrence' : 'occurrences'}. Undo removes them all.`);
      // Forms of the name found only by surname become aliases, so the registry links them next time.
      const entity = record.entityId ? entities[record.entityId] : undefined;
      if (entity) {
        const newAliases = [...new Set(chosen.map((candidate) => candidate.text))].filter(
          (text) => text !== entity.name && !entity.aliases.some((alias) => alias.toLowerCase() === text.toLowerCase()),
        );
        if (newAliases.length > 0) {
          api
            .updateEntity({ id: entity.id, aliases: [...entity.aliases, ...newAliases] })
            .then((updated) => setEntities((cached) => ({ ...cached, [updated.id]: updated })))
            .catch((error: Error) => setNotice(`Tagged, but the new aliases were not saved: ${error.message}`));
        }
      }
    },
    [api, entities, run, userName],
  );

  const relinkTo = useCallback(
    (mentionId: string, entity: EntityRecord) => {
      setEntities((known) => ({ ...known, [entity.id]: entity }));
      run(updateAnnotation(mentionId, (record) => (record.kind === 'entity' ? { ...record, entityId: entity.id, entityType: entity.type } : record), now()));
      setDialog(null);
      setNotice(`Linked to ${entity.name}.`);
    },
    [run],
  );

  const splitOff = useCallback(async () => {
    const current = view();
    const id = current && selectedAnnotationId(current.state);
    const record = id ? annotationMapOf(current!.state)[id] : undefined;
    if (!id || record?.kind !== 'entity') return;
    const spans = articleText(current!.state.doc);
    const name = spanText(spans.text, spans.spans.get(id) ?? []) || record.quote;
    try {
      const entity = await api.createEntity({ name, type: record.entityType });
      relinkTo(id, entity);
      setNotice(`“${name}” is now an entity of its own in the registry.`);
    } catch (error) {
      setNotice(`Could not split it off: ${(error as Error).message}`);
    }
  }, [api, relinkTo]);

  // Back from the inspector, the caret goes after the words just tagged rather than leaving them selected,
  // where the next key typed would replace them; the inspector keeps showing the same tag.
  const returnToText = useCallback(() => {
    const current = view();
    if (!current) return;
    const { selection } = current.state;
    if (!selection.empty) {
      current.dispatch(selectAnnotation(current.state.tr.setSelection(TextSelection.create(current.state.doc, selection.to)), selectedAnnotationId(current.state)));
    }
    current.focus();
  }, []);

  const selectFromList = useCallback((id: string) => choose(id, true), [choose]);
  const handlers = useRef({ tag: (_action: TagAction) => {}, tagAll: () => {}, remove: () => {}, markCue: () => {}, addSpan: () => {}, step: (_direction: 1 | -1, _onlyNeedingReview?: boolean) => {} });

  const onRemove = useCallback(() => {
    const id = selectedAnnotationId(view()!.state);
    if (id) run(removeAnnotation(id));
  }, [run]);
  const onMarkCue = useCallback(() => {
    const id = selectedAnnotationId(view()!.state);
    if (!id || !run(addSpanToAnnotation(id, 'cue'))) setNotice('Select an attribution, then select its reporting verb (“said”, “told AFP”) in the text.');
  }, [run]);
  const onAddSpan = useCallback(() => {
    const id = selectedAnnotationId(view()!.state);
    if (!id || !run(addSpanToAnnotation(id, 'content'))) setNotice('Select the words to add to the selected tag.');
  }, [run]);
  const stepThrough = useCallback(
    (direction: 1 | -1, onlyNeedingReview = false) => {
      const current = view();
      if (!current) return;
      const records = annotationMapOf(current.state);
      const spans = articleText(current.state.doc).spans;
      // Text order; tags whose words are gone come last, since they have no place in the text.
      const inText = [...spans.keys()].filter((id) => records[id]);
      const ordered = [...inText, ...Object.keys(records).filter((id) => !spans.has(id))].filter(
        (id) => !onlyNeedingReview || records[id]!.status === 'needs_review',
      );
      if (ordered.length === 0) {
        if (onlyNeedingReview) setNotice('Nothing needs review in this article.');
        return;
      }
      const at = ordered.indexOf(selectedAnnotationId(current.state) ?? '');
      choose(ordered[(at + direction + ordered.length) % ordered.length]!, true);
    },
    [choose],
  );
  handlers.current = { tag: (action) => void tag(action), tagAll: openTagAll, remove: onRemove, markCue: onMarkCue, addSpan: onAddSpan, step: stepThrough };

  // Load the article and mount ProseMirror once per article.
  useEffect(() => {
    let cancelled = false;
    setArticle(null);
    setLoadError(null);
    api
      .getArticle({ id: articleId })
      .then((record) => {
        if (cancelled || !mountRef.current) return;
        const bindings: Record<string, () => boolean> = {};
        for (const action of tagActions) {
          bindings[action.key] = () => {
            handlers.current.tag(action);
            return true;
          };
        }
        const act = (fn: () => void) => () => {
          fn();
          return true;
        };
        bindings[annotationShortcuts.remove.key] = act(() => handlers.current.remove());
        bindings[annotationShortcuts.tagAll.key] = act(() => handlers.current.tagAll());
        bindings[annotationShortcuts.nextToReview.key] = act(() => handlers.current.step(1, true));
        bindings[annotationShortcuts.markCue.key] = act(() => handlers.current.markCue());
        bindings[annotationShortcuts.addSpan.key] = act(() => handlers.current.addSpan());
        bindings[annotationShortcuts.nextAnnotation.key] = act(() => handlers.current.step(1));
        bindings[annotationShortcuts.previousAnnotation.key] = act(() => handlers.current.step(-1));
        bindings['Escape'] = () => {
          const current = view();
          if (!current || !selectedAnnotationId(current.state)) return false;
          current.dispatch(selectAnnotation(current.state.tr, null));
          return true;
        };
        const state = createArticleEditorState(record.doc, keymap(bindings));
        const autosave = new AutosaveController({
          revision: record.revision,
          opened: { doc: state.doc, records: annotationMapOf(state) },
          save: (payload, baseRevision) => api.saveArticle({ id: articleId, baseRevision, ...payload }),
          onStatus: setSaveStatus,
          onSaved: (result) => setArticle((previous) => (previous ? { ...previous, title: result.title, revision: result.revision } : previous)),
        });
        autosaveRef.current = autosave;
        const editorView: EditorView = new EditorView(mountRef.current, {
          state,
          attributes: { 'aria-label': 'Article text', class: 'article-text', spellcheck: 'true' },
          transformPasted: stripPastedAnnotations,
          dispatchTransaction(tr) {
            const before = editorView.state;
            const next = before.apply(tr);
            editorView.updateState(next);
            const recordsChanged = annotationMapOf(next) !== annotationMapOf(before);
            if (next.doc !== before.doc || recordsChanged) {
              autosave.schedule({ doc: next.doc, records: annotationMapOf(next), fullJson: () => articleDocumentJson(next) });
              setHistoryDepth({ undo: undoDepth(next), redo: redoDepth(next) });
            }
            if (recordsChanged) {
              setAnnotations(annotationMapOf(next));
              refreshPlainText(next, 0);
            } else if (next.doc !== before.doc) {
              refreshPlainText(next, 300);
            }
            const selected = selectedAnnotationId(next);
            // Moving the caret into a highlight with the keyboard shows that tag, as a click would.
            if (!tr.getMeta('pointer') && tr.getMeta(selectedAnnotationKey) === undefined && next.selection.empty && !tr.docChanged && tr.selectionSet) {
              const inner = annotationIdsAt(next.doc, next.selection.from)[0];
              if (inner && inner !== selected) {
                editorView.dispatch(selectAnnotation(editorView.state.tr, inner));
                return;
              }
            }
            setSelectedId(selected);
            if (selected === null) setFocusSpeaker(false);
          },
          handleClick(clickedView, pos) {
            const ids = annotationIdsAt(clickedView.state.doc, pos);
            const current = selectedAnnotationId(clickedView.state);
            // Clicking again where tags nest steps outward through them.
            const next = ids.length === 0 ? null : ids[(ids.indexOf(current ?? '') + 1) % ids.length]!;
            clickedView.dispatch(selectAnnotation(clickedView.state.tr, next).setMeta('pointer', true));
            return false;
          },
          handleDrop(_dropView, event) {
            if (!event.dataTransfer || event.dataTransfer.files.length === 0) return false;
            event.preventDefault();
            filesDropped.current(event.dataTransfer);
            return true;
          },
        });
        viewRef.current = editorView;
        setArticle(record);
        // The text is painted first; the lists beside it follow a frame later.
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (cancelled || viewRef.current !== editorView) return;
            setAnnotations(annotationMapOf(editorView.state));
            setPlainText(articleText(editorView.state.doc));
          }, 0),
        );
        setSaveStatus({ state: 'saved', at: record.updatedAt });
        registerFlush(async () => {
          const saved = await autosave.flush();
          if (!saved) setNotice('Your latest changes are not saved yet, so the article stays open. Nothing is lost: it retries, or use “Retry now”.');
          return saved;
        });
        editorView.focus();
        if (focusAnnotationId) choose(focusAnnotationId, true);
      })
      .catch((error: Error) => {
        if (!cancelled) setLoadError(error.message);
      });
    return () => {
      cancelled = true;
      registerFlush(null);
      const autosave = autosaveRef.current;
      if (autosave) void autosave.flush().finally(() => autosave.stop());
      viewRef.current?.destroy();
      viewRef.current = null;
      if (textTimer.current) clearTimeout(textTimer.current);
    };
  }, [api, articleId, focusAnnotationId, choose, refreshPlainText, registerFlush]);

  // Warn before the page goes away with a save in flight (the browser host; Electron asks main to flush).
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      const autosave = autosaveRef.current;
      if (autosave?.hasUnsavedChanges()) {
        void autosave.flush();
        event.preventDefault();
      }
    };
    // Leaving or hiding the page saves at once rather than after the quiet time.
    const flushNow = () => void autosaveRef.current?.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);

  const textOf = useCallback(
    (id: string) => {
      const spans = plainText?.spans.get(id);
      return spans && plainText ? spanText(plainText.text, spans) : '';
    },
    [plainText],
  );

  const textOrder = useMemo(() => (plainText ? [...plainText.spans.keys()] : []), [plainText]);
  const entityNameOf = useCallback((entityId: string) => entities[entityId]?.name, [entities]);

  const speakerCandidates = useMemo<SpeakerCandidate[]>(
    () =>
      Object.values(annotations)
        .filter((annotation): annotation is Extract<Annotation, { kind: 'entity' }> => annotation.kind === 'entity' && (annotation.entityType === 'person' || annotation.entityType === 'organisation'))
        .map((annotation) => ({ mentionId: annotation.id, entityId: annotation.entityId, name: textOf(annotation.id) || annotation.quote, type: annotation.entityType as 'person' | 'organisation' })),
    [annotations, textOf],
  );

  const selected = selectedId ? annotations[selectedId] ?? null : null;
  const selectedEntityId = selected?.kind === 'entity' ? selected.entityId : null;
  useEffect(() => {
    if (!selectedEntityId || entities[selectedEntityId]) return;
    api
      .getEntity({ id: selectedEntityId })
      .then((entity) => setEntities((known) => ({ ...known, [entity.id]: entity })))
      .catch(() => {});
  }, [api, selectedEntityId, entities]);
  const selectedCue = selected && plainText?.spans.get(selected.id) ? spanText(plainText.text, plainText.spans.get(selected.id)!, 'cue') : '';

  const onSideTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = sideTabs.findIndex((tab) => tab.id === sideTab);
    const target =
      event.key === 'ArrowRight' ? (at + 1) % sideTabs.length
      : event.key === 'ArrowLeft' ? (at - 1 + sideTabs.length) % sideTabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? sideTabs.length - 1
      : null;
    if (target === null) return;
    event.preventDefault();
    setSideTab(sideTabs[target]!.id);
    document.getElementById(`tab-${sideTabs[target]!.id}`)?.focus();
  };

  const exportThis = async (format: ExportFormatName) => {
    // The export reads the stored copy: without the latest save it would silently leave out the newest edits.
    if (autosaveRef.current && !(await autosaveRef.current.flush())) {
      setNotice('Not exported: the latest changes could not be saved yet. Try again once the article is saved.');
      return;
    }
    const outcome = await exportArticles(api, [articleId], format, () => {}, new AbortController().signal);
    if (outcome.failures.length > 0) setNotice(`Export failed: ${outcome.failures[0]!.message}`);
    else setNotice(outcome.warnings.length > 0 ? `Exported with notes: ${outcome.warnings.join(' ')}` : `Exported as ${format.toUpperCase()}.`);
  };

  const setStatus = async (status: ArticleStatus) => {
    try {
      const summary = await api.setArticleStatus({ id: articleId, status });
      setArticle((previous) => (previous ? { ...previous, status: summary.status } : previous));
    } catch (error) {
      setNotice(`Could not change the status: ${(error as Error).message}`);
    }
  };

  return (
    <div className="editor-screen">
      <header className="editor-header">
        <button type="button" className="link-button" onClick={onClose} title="Back to the library">
          ← Library
        </button>
        <h1 className="editor-title">{article?.title ?? 'Loading…'}</h1>
        {article && (
          <label className="status-select">
            <span className="visually-hidden">Article status</span>
            <select aria-label="Article status" value={article.status} onChange={(event) => void setStatus(event.target.value as ArticleStatus)}>
              {articleStatuses.map((status) => (
                <option key={status} value={status}>
                  {articleStatusLabels[status]}
                </option>
              ))}
            </select>
          </label>
        )}
        {article && <ExportControls label="Export" onExport={(format) => void exportThis(format)} />}
        <SaveIndicator status={saveStatus} onRetry={() => void autosaveRef.current?.flush()} onOverwrite={async () => {
          const latest = await api.getArticle({ id: articleId });
          await autosaveRef.current?.overwrite(latest.revision);
        }} />
      </header>
      <div className="editor-body">
        <main className="editor-main">
          <Toolbar
            onTag={(action) => handlers.current.tag(action)}
            onUndo={() => run(undo)}
            onRedo={() => run(redo)}
            canUndo={historyDepth.undo > 0}
            canRedo={historyDepth.redo > 0}
          />
          <Legend />
          {notice && (
            <p className="notice" role="status">
              {notice}
              <button type="button" className="link-button" aria-label="Dismiss" onClick={() => setNotice(null)}>
                ×
              </button>
            </p>
          )}
          {loadError && <p className="error" role="alert">Could not open this article: {loadError}</p>}
          <div className="editor-scroll">
            <div ref={mountRef} className="editor-mount" />
          </div>
        </main>
        <aside className="editor-side">
          <Inspector
            annotation={selected}
            text={selected ? textOf(selected.id) : ''}
            cueText={selectedCue}
            entity={selected?.kind === 'entity' && selected.entityId ? entities[selected.entityId] ?? null : null}
            onTagAll={openTagAll}
            onRelink={() => selected?.kind === 'entity' && setDialog({ type: 'relink', mentionId: selected.id, query: textOf(selected.id) || selected.quote, entityType: selected.entityType })}
            onSplit={() => void splitOff()}
            speakerCandidates={speakerCandidates}
            focusSpeaker={focusSpeaker}
            onChange={(change) => selected && run(updateAnnotation(selected.id, change, now()), false)}
            onRemove={onRemove}
            onMarkCue={onMarkCue}
            onAddSpan={onAddSpan}
            onReturnToText={returnToText}
          />
          <div className="side-tabs" role="tablist" aria-label="Article lists" onKeyDown={onSideTabKey}>
            {sideTabs.map((tab) => (
              <button
                key={tab.id}
                type="button"
                role="tab"
                id={`tab-${tab.id}`}
                aria-selected={sideTab === tab.id}
                aria-controls={`panel-${tab.id}`}
                // One tab stop for the whole list; arrows move between the tabs (the WAI-ARIA tabs pattern).
                tabIndex={sideTab === tab.id ? 0 : -1}
                onClick={() => setSideTab(tab.id)}
              >
                {tab.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${sideTab}`} aria-labelledby={`tab-${sideTab}`}>
            {sideTab === 'annotations' && (
              <AnnotationsPanel
                annotations={annotations}
                textOf={textOf}
                selectedId={selectedId}
                onSelect={selectFromList}
                onNextToReview={() => stepThrough(1, true)}
              />
            )}
            {sideTab === 'figures' && <FiguresPanel annotations={annotations} textOf={textOf} order={textOrder} onSelect={selectFromList} />}
            {sideTab === 'sources' && <SourcesPanel annotations={annotations} entityNames={entityNameOf} order={textOrder} onSelect={selectFromList} />}
          </div>
        </aside>
      </div>
      {dialog?.type === 'tagAll' && (
        <TagAllDialog entityName={dialog.entityName} names={dialog.names} candidates={dialog.candidates} onCancel={() => setDialog(null)} onApply={(chosen) => applyTagAll(dialog.mentionId, chosen, dialog.doc)} />
      )}
      {dialog?.type === 'relink' && (
        <EntityLinkPicker api={api} title="Link this mention to…" initialQuery={dialog.query} onCancel={() => setDialog(null)} onPick={(entity) => relinkTo(dialog.mentionId, entity)} />
      )}
    </div>
  );
}
