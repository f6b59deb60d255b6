import type { TagRequest } from '../../../common/editor/annotationCommands';

const keyNames: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' };

/** A key as people read it: "Alt-Shift-u" is "Alt+Shift+U", "Alt-Shift-ArrowDown" is "Alt+Shift+↓". */
function readableKey(key: string): string {
  return key
    .split('-')
    .map((part) => keyNames[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

/** A shortcut in keymap notation with its readable label, derived so the two can never disagree. */
function keyShortcut(key: string): { key: string; label: string } {
  return { key, label: readableKey(key) };
}

// A tagging action's key and label.
function shortcut(key: string): { key: string; shortcutLabel: string } {
  return { key, shortcutLabel: readableKey(key) };
}

/** One tagging action: its toolbar button, its keyboard shortcut and what it creates. */
export interface TagAction {
  name: string;
  // ProseMirror keymap notation. Alt+Shift+letter types nothing on common layouts and is not AltGr.
  key: string;
  // The same key as people read it, in tooltips and messages.
  shortcutLabel: string;
  request: TagRequest;
  cssLabel: string;
}

/** The tagging actions in toolbar order; their names are the toolbar buttons' accessible names. */
export const tagActions: TagAction[] = [
  { name: 'Person', ...shortcut('Alt-Shift-p'), request: { kind: 'entity', entityType: 'person' }, cssLabel: 'person' },
  { name: 'Organisation', ...shortcut('Alt-Shift-o'), request: { kind: 'entity', entityType: 'organisation' }, cssLabel: 'organisation' },
  { name: 'Place', ...shortcut('Alt-Shift-l'), request: { kind: 'entity', entityType: 'place' }, cssLabel: 'place' },
  { name: 'Event', ...shortcut('Alt-Shift-e'), request: { kind: 'entity', entityType: 'event' }, cssLabel: 'event' },
  { name: 'Other', ...shortcut('Alt-Shift-x'), request: { kind: 'entity', entityType: 'other' }, cssLabel: 'other' },
  { name: 'Figure', ...shortcut('Alt-Shift-f'), request: { kind: 'figure' }, cssLabel: 'figure' },
  { name: 'Attribution', ...shortcut('Alt-Shift-a'), request: { kind: 'attribution' }, cssLabel: 'attribution' },
];

/** Shortcuts for acting on the selected annotation. */
export const annotationShortcuts = {
  remove: keyShortcut('Alt-Shift-Backspace'),
  markCue: keyShortcut('Alt-Shift-c'),
  addSpan: keyShortcut('Alt-Shift-s'),
  tagAll: keyShortcut('Alt-Shift-g'),
  nextToReview: keyShortcut('Alt-Shift-n'),
  toggleReview: keyShortcut('Alt-Shift-r'),
  nextAnnotation: keyShortcut('Alt-Shift-ArrowDown'),
  previousAnnotation: keyShortcut('Alt-Shift-ArrowUp'),
} as const;

/**
 * Shortcuts for working through suggestions without leaving the text. Like the tagging keys they are Alt+Shift
 * with a letter (or Enter), and they avoid Chromium's own Alt+Shift+I and Alt+Shift+T.
 */
export const suggestionShortcuts = {
  suggestNow: keyShortcut('Alt-Shift-u'),
  nextSuggestion: keyShortcut('Alt-Shift-j'),
  previousSuggestion: keyShortcut('Alt-Shift-k'),
  acceptSuggestion: keyShortcut('Alt-Shift-Enter'),
  rejectSuggestion: keyShortcut('Alt-Shift-d'),
  acceptSameName: keyShortcut('Alt-Shift-m'),
  acceptKind: keyShortcut('Alt-Shift-y'),
  rejectAll: keyShortcut('Alt-Shift-w'),
} as const;
