import { Plugin } from 'prosemirror-state';
import { needsReviewIds } from '../../../common/editor/needsReviewTags';
import { stateStyleSheetView } from './stateStyleSheet';

// The words of the tags waiting for review, underlined by a rule for their ids on their marks' own elements
// (see stateStyleSheet.ts for why not decorations).
function underlineRule(ids: ReadonlySet<string>): string {
  if (ids.size === 0) return '';
  const selectors = [...ids].map((id) => `.ProseMirror .ann[data-ann-id="${CSS.escape(id)}"][data-ann-part="content"]`);
  return `${selectors.join(',\n')} { text-decoration-line: underline; text-decoration-style: dashed; text-decoration-color: var(--review); text-decoration-thickness: 2px; text-underline-offset: 5px; }`;
}

/** Underlines the words of every tag waiting for review, from a style sheet of the view's own. */
export const needsReviewUnderlinePlugin = new Plugin({
  view: (view) => stateStyleSheetView(view, needsReviewIds, underlineRule),
});
