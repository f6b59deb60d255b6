import { keymap } from 'prosemirror-keymap';
import type { Plugin } from 'prosemirror-state';
import type { Command } from '../../../common/editor/annotationCommands';
import { annotationShortcuts, suggestionShortcuts, tagActions, type TagAction } from './tagShortcuts';

/** The editor's named commands that have a shortcut; the controller supplies one command for each. */
export type ShortcutCommandName = keyof typeof annotationShortcuts | keyof typeof suggestionShortcuts | 'clearSelection';

/** The commands the keymap runs: one per named shortcut, and one per tagging action. */
export interface ShortcutCommands {
  named: Record<ShortcutCommandName, Command>;
  tag: (action: TagAction) => Command;
}

/** Which key runs which named command: the one table of the editor's shortcuts besides the tagging actions. */
export const shortcutTable: readonly { key: string; command: ShortcutCommandName }[] = [
  ...(Object.keys(annotationShortcuts) as (keyof typeof annotationShortcuts)[]).map((command) => ({ key: annotationShortcuts[command].key, command })),
  ...(Object.keys(suggestionShortcuts) as (keyof typeof suggestionShortcuts)[]).map((command) => ({ key: suggestionShortcuts[command].key, command })),
  { key: 'Escape', command: 'clearSelection' },
];

/** The keymap plugin of the editor's shortcuts, built from the table and the controller's commands. */
export function editorKeymapPlugin(commands: ShortcutCommands): Plugin {
  const bindings: Record<string, Command> = {};
  for (const action of tagActions) bindings[action.key] = commands.tag(action);
  for (const entry of shortcutTable) bindings[entry.key] = commands.named[entry.command];
  return keymap(bindings);
}
