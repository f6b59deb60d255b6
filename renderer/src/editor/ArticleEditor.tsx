import { useCallback, useEffect, useMemo, useState } from 'react';
import { onMenuCommand } from '../api/client';
import { waitingSuggestionIds } from '../../../common/editor/suggestionCommands';
import type { AnnotatorApi } from '../../../common/api';
import type { AnnotationMap } from '../../../common/model/annotation';
import { spanText } from '../../../common/articleText';
import { useEditorController, useEditorSnapshot } from './useEditorController';
import { Legend, Toolbar } from './Toolbar';
import { Inspector, type InspectorActions } from './Inspector';
import type { CueSpanItem } from './CueSpanList';
import { speakerOffer as speakerOfferFor, type SpeakerOffer } from '../../../common/model/speakerCandidates';
import { TagAllDialog } from './TagAllDialog';
import { EntityLinkPicker } from './EntityLinkPicker';
import { EditorHeader } from './EditorHeader';
import { NoticeBar } from './NoticeBar';
import { SideLists } from './SideLists';
import { JournalConflictPrompt } from './JournalConflictPrompt';
import { HistoryDialog } from '../history/HistoryDialog';
import { blockTextsOfEditor } from '../history/revisionCompare';

const noSpeakerOffer: SpeakerOffer = { candidates: [], anonymous: null };

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

const noAnnotations: AnnotationMap = {};
const noCues: CueSpanItem[] = [];

/** The editor screen: toolbar and text in the middle, inspector and lists beside it; the controller does the work. */
export function ArticleEditor({ api, articleId, focusAnnotationId, userName, onClose, onFilesDropped, registerFlush }: ArticleEditorProps) {
  // Counts openings of this article: a restored revision is opened afresh from the store.
  const [openCount, setOpenCount] = useState(0);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [restoredNotice, setRestoredNotice] = useState<string | null>(null);
  const { controller, loadError, journalConflict, mountRef } = useEditorController({ api, articleId, userName, focusAnnotationId, onFilesDropped, registerFlush, openCount });
  const snapshot = useEditorSnapshot(controller);
  const plainText = snapshot?.plainText ?? null;
  const entities = snapshot?.entities;
  const records = snapshot?.records ?? noAnnotations;
  // The lists show the records once their texts are known, a frame after the text is painted.
  const annotations = plainText ? records : noAnnotations;
  // What the history compares revisions with: read while it is open, once per change of the document.
  const currentTexts = useMemo(
    () => (historyOpen && controller && snapshot ? blockTextsOfEditor(controller.state.doc, Object.keys(records).length) : null),
    [historyOpen, controller, snapshot, records],
  );
  const selectedId = snapshot?.selectedId ?? null;
  const selected = selectedId ? annotations[selectedId] ?? null : null;

  const textOf = useCallback((id: string) => {
    const spans = plainText?.spans.get(id);
    return spans && plainText ? spanText(plainText.text, spans) : '';
  }, [plainText]);
  const textOrder = useMemo(() => (plainText ? [...plainText.spans.keys()] : []), [plainText]);
  const entityNameOf = useCallback((entityId: string) => entities?.[entityId]?.name, [entities]);
  const speakerOffer = useMemo<SpeakerOffer>(
    () => (plainText && selected?.kind === 'attribution' ? speakerOfferFor(plainText, annotations, selected.id) : noSpeakerOffer),
    [plainText, annotations, selected],
  );
  const cues = useMemo<CueSpanItem[]>(() => {
    const spans = selectedId ? plainText?.spans.get(selectedId) : undefined;
    if (!spans || !plainText) return noCues;
    return spans.filter((span) => span.part === 'cue').map((span) => ({ from: span.from, to: span.to, words: plainText.text.slice(span.start, span.end) }));
  }, [plainText, selectedId]);

  const waitingSuggestions = useMemo(() => waitingSuggestionIds(records).length, [records]);
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command.type === 'suggest-annotations') void controller?.suggestions.suggestNow();
      }),
    [controller],
  );

  const selectedEntityId = selected?.kind === 'entity' ? selected.entityId : null;
  useEffect(() => {
    if (selectedEntityId) controller?.tagging.loadEntity(selectedEntityId);
  }, [controller, selectedEntityId]);

  const actions = useMemo<InspectorActions | null>(
    () =>
      controller && {
        onChange: controller.fields.update,
        onStatus: controller.fields.setStatus,
        onToggleReview: controller.fields.toggleReview,
        onRemoveCue: controller.fields.removeCue,
        onTagAll: controller.tagging.openTagAll,
        onRelink: controller.tagging.openRelink,
        onSplit: () => void controller.tagging.splitOff(),
        onRemove: () => controller.runShortcut('remove'),
        onMarkCue: () => controller.runShortcut('markCue'),
        onAddSpan: () => controller.runShortcut('addSpan'),
        onReturnToText: controller.returnToText,
        onAcceptSuggestion: () => void controller.suggestions.acceptSelected(),
        onRejectSuggestion: controller.suggestions.rejectSelected,
        onAcceptSameName: () => void controller.suggestions.acceptSameName(),
        onAcceptSameKind: () => void controller.suggestions.acceptSameKind(),
      },
    [controller],
  );
  const selectFromList = useCallback((id: string) => controller?.select(id, true), [controller]);
  const nextToReview = useCallback(() => void controller?.step(1, 'needs_review'), [controller]);
  const dialog = snapshot?.dialog ?? null;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyH') {
        event.preventDefault();
        setHistoryOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const restoreRevision = async (revision: number) => {
    if (!controller) return;
    // The restore stands on the newest revision, so every change typed so far is saved first.
    if (!(await controller.flush())) {
      controller.setNotice('Not restored: the latest changes could not be saved yet. Try again once the article is saved.');
      return;
    }
    try {
      const result = await api.restoreRevision({ id: articleId, revision, baseRevision: controller.getSnapshot().article.revision });
      setHistoryOpen(false);
      setRestoredNotice(`Revision ${revision} restored as revision ${result.revision}; the text before it is revision ${result.revision - 1} in the history.`);
      setOpenCount((count) => count + 1);
    } catch (error) {
      controller.setNotice(`Could not restore revision ${revision}: ${(error as Error).message}`);
    }
  };

  return (
    <div className="editor-screen">
      <EditorHeader api={api} controller={controller} snapshot={snapshot} waitingSuggestions={waitingSuggestions} onClose={onClose} onShowHistory={() => setHistoryOpen(true)} />
      <div className="editor-body">
        <main className="editor-main">
          <Toolbar
            onTag={(action) => void controller?.tagging.tag(action)}
            onUndo={() => controller?.undo()}
            onRedo={() => controller?.redo()}
            canUndo={snapshot?.canUndo ?? false}
            canRedo={snapshot?.canRedo ?? false}
            onSuggest={() => void controller?.suggestions.suggestNow()}
            suggesting={snapshot?.suggesting ?? false}
          />
          <Legend />
          <div className="editor-text-area">
            <NoticeBar notice={snapshot?.notice ?? null} onDismiss={() => controller?.setNotice(null)} />
            {loadError && <p className="error" role="alert">Could not open this article: {loadError}</p>}
            {journalConflict && <JournalConflictPrompt conflict={journalConflict} />}
            {restoredNotice && (
              <p className="notice-bar" role="status">
                {restoredNotice}{' '}
                <button type="button" className="link-button" onClick={() => setRestoredNotice(null)}>
                  Dismiss
                </button>
              </p>
            )}
            {currentTexts && snapshot && (
              <HistoryDialog
                api={api}
                articleId={articleId}
                current={currentTexts}
                currentRevision={snapshot.article.revision}
                onRestore={(revision) => void restoreRevision(revision)}
                onClose={() => setHistoryOpen(false)}
              />
            )}
            <div className="editor-scroll">
              <div ref={mountRef} className="editor-mount" />
            </div>
          </div>
        </main>
        <aside className="editor-side">
          {actions && (
            <Inspector
              annotation={selected}
              text={selected ? textOf(selected.id) : ''}
              cues={selected?.kind === 'attribution' ? cues : noCues}
              entity={selectedEntityId ? entities?.[selectedEntityId] ?? null : null}
              speakerOffer={speakerOffer}
              focusSpeaker={snapshot?.focusSpeaker ?? false}
              actions={actions}
            />
          )}
          <SideLists annotations={annotations} textOf={textOf} textOrder={textOrder} entityNames={entityNameOf} selectedId={selectedId} onSelect={selectFromList} onNextToReview={nextToReview} />
        </aside>
      </div>
      {controller && dialog?.type === 'tagAll' && (
        <TagAllDialog entityName={dialog.entityName} names={dialog.names} candidates={dialog.candidates} onCancel={controller.tagging.closeDialog} onApply={controller.tagging.applyTagAll} />
      )}
      {controller && dialog?.type === 'relink' && (
        <EntityLinkPicker api={api} title="Link this mention to…" initialQuery={dialog.query} onCancel={controller.tagging.closeDialog} onPick={(entity) => controller.tagging.relinkTo(dialog.mentionId, entity)} />
      )}
    </div>
  );
}
