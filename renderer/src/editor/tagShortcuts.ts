import type { TagRequest } from '../../../common/editor/annotationCommands';

/** One tagging action: its toolbar button, its keyboard shortcut and what it creates. */
export interface TagAction {
  name: string;
  // ProseMirror keymap notation. Alt+Shift+letter types nothing on common layouts and is not AltGr.
  key: string;
  shortcutLabel: string;
  request: TagRequest;
  cssLabel: string;
}

/** The tagging actions in toolbar order; their names are the toolbar buttons' accessible names. */
export const tagActions: TagAction[] = [
  { name: 'Person', key: 'Alt-Shift-p', shortcutLabel: 'Alt+Shift+P', request: { kind: 'entity', entityType: 'person' }, cssLabel: 'person' },
  { name: 'Organisation', key: 'Alt-Shift-o', shortcutLabel: 'Alt+Shift+O', request: { kind: 'entity', entityType: 'organisation' }, cssLabel: 'organisation' },
  { name: 'Place', key: 'Alt-Shift-l', shortcutLabel: 'Alt+Shift+L', request: { kind: 'entity', entityType: 'place' }, cssLabel: 'place' },
  { name: 'Event', key: 'Alt-Shift-e', shortcutLabel: 'Alt+Shift+E', request: { kind: 'entity', entityType: 'event' }, cssLabel: 'event' },
  { name: 'Other', key: 'Alt-Shift-x', shortcutLabel: 'Alt+Shift+X', request: { kind: 'entity', entityType: 'other' }, cssLabel: 'other' },
  { name: 'Figure', key: 'Alt-Shift-f', shortcutLabel: 'Alt+Shift+F', request: { kind: 'figure' }, cssLabel: 'figure' },
  { name: 'Attribution', key: 'Alt-Shift-a', shortcutLabel: 'Alt+Shift+A', request: { kind: 'attribution' }, cssLabel: 'attribution' },
];

/** Shortcuts for acting on the selected annotation. */
export const annotationShortcuts = {
  remove: { key: 'Alt-Shift-Backspace', label: 'Alt+Shift+Backspace' },
  markCue: { key: 'Alt-Shift-c', label: 'Alt+Shift+C' },
  addSpan: { key: 'Alt-Shift-s', label: 'Alt+Shift+S' },
  tagAll: { key: 'Alt-Shift-g', label: 'Alt+Shift+G' },
  nextToReview: { key: 'Alt-Shift-n', label: 'Alt+Shift+N' },
  toggleReview: { key: 'Alt-Shift-r', label: 'Alt+Shift+R' },
  nextAnnotation: { key: 'Alt-Shift-ArrowDown', label: 'Alt+Shift+↓' },
  previousAnnotation: { key: 'Alt-Shift-ArrowUp', label: 'Alt+Shift+↑' },
} as const;

/**
 * Shortcuts for working through suggestions without leaving the text. Like the tagging keys they are Alt+Shift
 * with a letter (or Enter), and they avoid Chromium's own Alt+Shift+I and Alt+Shift+T.
 */
export const suggestionShortcuts = {
  suggestNow: { key: 'Alt-Shift-u', label: 'Alt+Shift+U' },
  nextSuggestion: { key: 'Alt-Shift-j', label: 'Alt+Shift+J' },
  previousSuggestion: { key: 'Alt-Shift-k', label: 'Alt+Shift+K' },
  acceptSuggestion: { key: 'Alt-Shift-Enter', label: 'Alt+Shift+Enter' },
  rejectSuggestion: { key: 'Alt-Shift-d', label: 'Alt+Shift+D' },
  acceptSameName: { key: 'Alt-Shift-m', label: 'Alt+Shift+M' },
  acceptKind: { key: 'Alt-Shift-y', label: 'Alt+Shift+Y' },
  rejectAll: { key: 'Alt-Shift-w', label: 'Alt+Shift+W' },
} as const;
