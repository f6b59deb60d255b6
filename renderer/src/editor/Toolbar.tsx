import { annotationShortcuts, suggestionShortcuts, tagActions, type TagAction } from './tagShortcuts';

interface ToolbarProps {
  onTag: (action: TagAction) => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onSuggest: () => void;
  suggesting: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const modKey = isMac ? '⌘' : 'Ctrl';

/** The tagging toolbar: one button per kind, named for the kind, with its shortcut in the tooltip. */
export function Toolbar({ onTag, onUndo, onRedo, canUndo, canRedo, onSuggest, suggesting }: ToolbarProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Tagging">
      {tagActions.map((action) => (
        <button
          key={action.name}
          type="button"
          className={`tag-button tag-${action.cssLabel}`}
          title={`Tag the selection as ${action.name} (${action.shortcutLabel})`}
          aria-keyshortcuts={action.shortcutLabel}
          // Keep the editor's selection: a mouse press on the button must not move focus first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onTag(action)}
        >
          <span className="swatch" aria-hidden="true" />
          {action.name}
        </button>
      ))}
      <span className="toolbar-gap" />
      <button
        type="button"
        className="suggest-button"
        title={`Suggest tags for this article, computed on this machine (${suggestionShortcuts.suggestNow.label})`}
        aria-keyshortcuts={suggestionShortcuts.suggestNow.label}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onSuggest}
        disabled={suggesting}
      >
        {suggesting ? 'Suggesting…' : 'Suggest tags'}
      </button>
      <button type="button" title={`Undo (${modKey}+Z)`} onMouseDown={(e) => e.preventDefault()} onClick={onUndo} disabled={!canUndo}>
        Undo
      </button>
      <button type="button" title={`Redo (${modKey}+Shift+Z)`} onMouseDown={(e) => e.preventDefault()} onClick={onRedo} disabled={!canRedo}>
        Redo
      </button>
    </div>
  );
}

/** The colour key of the highlights. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {tagActions.map((action) => (
        <li key={action.name} className={`legend-item tag-${action.cssLabel}`}>
          <span className="swatch" aria-hidden="true" />
          {action.name} <kbd>{action.shortcutLabel}</kbd>
        </li>
      ))}
      <li className="legend-item tag-cue">
        <span className="swatch" aria-hidden="true" />
        Cue
      </li>
      <li className="legend-item tag-suggested" title="Suggested, waiting for you to accept or reject it">
        <span className="swatch" aria-hidden="true" />
        Suggested <kbd>{suggestionShortcuts.acceptSuggestion.label}</kbd> / <kbd>{suggestionShortcuts.rejectSuggestion.label}</kbd>
      </li>
      <li className="legend-item tag-review" title="Mark the selected tag for review, or clear its flag">
        <span className="swatch" aria-hidden="true" />
        Needs review <kbd>{annotationShortcuts.toggleReview.label}</kbd>
      </li>
    </ul>
  );
}
