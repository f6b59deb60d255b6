import { highlightCustomProperties } from '../../common/highlightColours';

/**
 * Sets the highlight colours (common/highlightColours.ts, their one definition) as CSS custom properties on the
 * root element, where styles.css reads them. Set through the CSSOM, which the app's style policy allows.
 */
export function applyHighlightColours(root: HTMLElement): void {
  for (const [property, value] of highlightCustomProperties()) root.style.setProperty(property, value);
}
