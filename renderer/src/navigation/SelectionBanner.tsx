import { useEffect, useState } from 'react';
import { articleStatusLabels, type AnnotatorApi, type ArticleSelection } from '../../../common/api';
import { labels } from '../../../common/model/annotation';
import { navigate } from './route';

const tagStatusLabels = { needs_review: 'tags needing review', suggested: 'suggestions waiting' } as const;

/** The selection in words ("status In review, mentioning Faylaq al Rahman, words “gas”"); empty for every article. */
export function selectionDescription(selection: ArticleSelection, entityName?: string): string[] {
  const parts: string[] = [];
  if (selection.query) parts.push(`matching “${selection.query}”`);
  if (selection.entityId) parts.push(`mentioning ${entityName ?? 'a registry entity'}`);
  if (selection.tagKind) parts.push(`with ${labels[selection.tagKind].toLowerCase()} tags`);
  if (selection.tagStatus) parts.push(`with ${tagStatusLabels[selection.tagStatus]}`);
  if (selection.tagAuthor) parts.push(`tagged by ${selection.tagAuthor}`);
  if (selection.status) parts.push(`status ${articleStatusLabels[selection.status]}`);
  if (selection.importedFrom || selection.importedTo) parts.push(`imported ${selection.importedFrom ?? '…'} to ${selection.importedTo ?? '…'}`);
  if (selection.updatedFrom || selection.updatedTo) parts.push(`updated ${selection.updatedFrom ?? '…'} to ${selection.updatedTo ?? '…'}`);
  return parts;
}

/**
 * Says which articles a desk view is working on (every article, or those the library's filter selects), with a way
 * back to the library to change the filter and a way to widen the view to every article.
 */
export function SelectionBanner({ api, selection, view }: { api: AnnotatorApi; selection: ArticleSelection; view: 'review' | 'figures' | 'audit' }) {
  const [entityName, setEntityName] = useState<string | undefined>();
  useEffect(() => {
    setEntityName(undefined);
    // The library's search names the selected entity; asked with that filter alone and one row, it costs next to nothing.
    if (selection.entityId)
      api.searchArticles({ selection: { entityId: selection.entityId }, limit: 1 }).then((page) => setEntityName(page.entity?.name), () => {});
  }, [api, selection.entityId]);
  const parts = selectionDescription(selection, entityName);
  return (
    <p className="selection-banner">
      {parts.length === 0 ? 'Every article in the library.' : `Articles ${parts.join(', ')}.`}{' '}
      <button type="button" className="link-button" onClick={() => navigate({ name: 'library', selection, view: {} })}>
        Change the selection in the library
      </button>
      {parts.length > 0 && (
        <>
          {' · '}
          <button type="button" className="link-button" onClick={() => navigate({ name: view, selection: {}, view: {} })}>
            Every article
          </button>
        </>
      )}
    </p>
  );
}
