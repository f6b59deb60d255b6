import { Plugin, type EditorState } from 'prosemirror-state';
import { needsReviewIds } from '../../../common/editor/needsReviewTags';

// The words of the tags waiting for review, underlined by a rule for their ids on their marks' own elements.
// Decorations would wrap the words in elements of their own, which every keystroke inside such a tag moves and
// ProseMirror then redraws, resetting the browser's selection (see selectedAnnotation.ts).
function underlineRule(ids: ReadonlySet<string>): string {
  if (ids.size === 0) return '';
  const selectors = [...ids].map((id) => `.ProseMirror .ann[data-ann-id="${CSS.escape(id)}"][data-ann-part="content"]`);
  return `${selectors.join(',\n')} { text-decoration-line: underline; text-decoration-style: dashed; text-decoration-color: var(--review); text-decoration-thickness: 2px; text-underline-offset: 5px; }`;
}

/** Underlines the words of every tag waiting for review, from a style sheet of the view's own. */
export const needsReviewUnderlinePlugin = new Plugin({
  view(view) {
    const document = view.dom.ownerDocument;
    const sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    let underlined: ReadonlySet<string> | null = null;
    const underline = (state: EditorState) => {
      const ids = needsReviewIds(state);
      if (ids === underlined) return;
      sheet.replaceSync(underlineRule(ids));
      underlined = ids;
    };
    underline(view.state);
    return {
      update: (updated) => underline(updated.state),
      destroy: () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
      },
    };
  },
});
