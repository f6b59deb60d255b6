// The controls a keyboard reaches by Tab, as the browser's own focus order finds them.
const focusableSelector = 'button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** The controls inside `element` that Tab reaches, in document order; hidden ones are left out. */
export function focusableIn(element: Element): HTMLElement[] {
  return [...element.querySelectorAll<HTMLElement>(focusableSelector)].filter((control) => control.getClientRects().length > 0);
}
