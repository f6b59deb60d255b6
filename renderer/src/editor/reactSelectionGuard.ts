/**
 * Keeps React's commits from walking the article. Before and after every commit, React saves and restores the
 * selection of the focused element when that element is editable (`contentEditable === 'true'`), counting the
 * characters of every text node inside it: on a 100,000-word article that is tens of milliseconds per commit,
 * even for a commit that only changes a save indicator. React never renders inside the editor's element, and
 * ProseMirror owns its selection, so React is given a `contentEditable` that does not ask for that service. The
 * element stays editable for the browser, ProseMirror and assistive technology, which read the attribute
 * (and `isContentEditable`), not this property.
 */
export function hideEditableFromReactCommits(editable: HTMLElement): void {
  Object.defineProperty(editable, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => editable.setAttribute('contenteditable', value),
  });
}
