import { useEffect, useRef, useState, type ReactElement, type RefObject } from 'react';
import { focusableIn } from './focusable';

// A long article carries thousands of tags: a list shows this many rows until asked for all, so that opening
// a panel or a dialog does not first lay out thousands of rows nobody scrolls to.
const rowsShownAtFirst = 300;

/** How much of a long list is shown, and the way to show the rest. */
export interface ShownRows<T extends HTMLElement> {
  /** How many rows, from the first, to render. */
  shown: number;
  /** The button that shows every row, or null when every row is shown. */
  showAllButton: ReactElement | null;
  /** For the element whose children are the rows: the focus goes into the first row the button added. */
  listRef: RefObject<T | null>;
}

/**
 * A list of `total` rows shown a page at a time. The button that shows the rest goes away when pressed, so
 * the focus moves on to the first control in the rows it added rather than falling back to the page.
 */
export function useShownRows<T extends HTMLElement>(total: number, buttonLabel: (total: number) => string = (count) => `Show all ${count}`): ShownRows<T> {
  const [shown, setShown] = useState(rowsShownAtFirst);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const listRef = useRef<T>(null);
  useEffect(() => {
    if (focusFrom === null) return;
    setFocusFrom(null);
    const rows = listRef.current?.children ?? [];
    for (let index = focusFrom; index < rows.length; index++) {
      const control = focusableIn(rows[index]!)[0];
      if (control) {
        control.focus();
        return;
      }
    }
  }, [focusFrom]);
  const showAllButton =
    total > shown ? (
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setFocusFrom(shown);
          setShown(Number.POSITIVE_INFINITY);
        }}
      >
        {buttonLabel(total)}
      </button>
    ) : null;
  return { shown, showAllButton, listRef };
}
