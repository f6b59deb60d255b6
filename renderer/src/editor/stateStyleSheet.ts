import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * A plugin view holding a style sheet of the editor's own, whose rules follow one value of the editor state:
 * they are written again only when that value changes (by identity), and the sheet goes with the view. Rules
 * keyed on tags' ids style the tags' own elements, where decorations would wrap their words in elements that
 * typing inside them moves and ProseMirror then redraws. A constructed sheet is outside CSP's style-src.
 */
export function stateStyleSheetView<T>(view: EditorView, valueOf: (state: EditorState) => T, rulesOf: (value: T) => string) {
  const document = view.dom.ownerDocument;
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  let shown: { value: T } | null = null;
  const show = (state: EditorState) => {
    const value = valueOf(state);
    if (shown && shown.value === value) return;
    sheet.replaceSync(rulesOf(value));
    shown = { value };
  };
  show(view.state);
  return {
    update: (updated: EditorView) => show(updated.state),
    destroy: () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}
