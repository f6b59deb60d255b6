import { newId, type EntityType } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import { articleText, spanText } from '../../../common/articleText';
import { tagRange, taggableRange, updateAnnotation, type Command } from '../../../common/editor/annotationCommands';
import { annotationMapOf } from '../../../common/editor/annotationRecords';
import { tagAllCandidates, type OccurrenceCandidate } from '../../../common/editor/tagAll';
import { newAliasesFrom, tagAllNames, tagOccurrences } from '../../../common/editor/tagAllOccurrences';
import type { EditorContext } from './editorContext';
import { proposeTagRequest } from './tagProposals';
import type { TagAction } from './tagShortcuts';

/** Tagging words by hand and linking mentions to the registry: tag, tag all occurrences, relink, split off. */
export class TaggingActions {
  constructor(private readonly editor: EditorContext) {}

  /**
   * Tags the selected words as `action` says. An entity is first linked to the registry (found or added), so
   * the tag and its link are one undo step; the words tagged are those selected when the user asked.
   */
  tag = async (action: TagAction): Promise<boolean> => {
    const { editor } = this;
    const range = taggableRange(editor.state());
    if (!range) {
      editor.setNotice(`Select some words first, then press ${action.name} (${action.shortcutLabel}).`);
      editor.focusText();
      return false;
    }
    const docBefore = editor.state().doc;
    const quote = docBefore.textBetween(range.from, range.to, ' ', ' ');
    let request = proposeTagRequest(action.request, editor.state(), range);
    let linkNotice: string | null = null;
    if (request.kind === 'entity') {
      try {
        const resolved = await editor.api.resolveEntity({ name: quote, type: request.entityType });
        request = { ...request, entityId: resolved.entity.id };
        editor.rememberEntity(resolved.entity);
        linkNotice = resolved.matchedBy
          ? `Linked “${quote}” to ${resolved.entity.name} in the registry (matched by ${resolved.matchedBy}).`
          : `Added ${resolved.entity.name} to the registry.`;
      } catch (error) {
        linkNotice = `Tagged without a registry link: ${(error as Error).message}`;
      }
    }
    if (editor.isClosed()) return false;
    if (editor.state().doc !== docBefore) {
      // The copy changed while the registry answered, so `range` may now cover other words.
      editor.setNotice(`The text changed before the tag was made. Select the words and press ${action.name} again.`);
      return false;
    }
    const id = newId('ann');
    if (!editor.run(tagRange(range, request, { id, author: editor.userName(), now: editor.now() }))) return false;
    editor.screen.show({ notice: linkNotice, focusSpeaker: request.kind === 'attribution' });
    editor.select(id);
    return true;
  };

  /** The keymap's command for `action`: the key is always taken, the tagging runs on its own. */
  tagCommand(action: TagAction): Command {
    return (_state, dispatch) => {
      if (dispatch) void this.tag(action);
      return true;
    };
  }

  /** Opens "Tag all occurrences" for the selected entity mention, with the names to look for and where they are. */
  openTagAll = (): boolean => {
    const { editor } = this;
    const record = editor.selectedRecord();
    if (record?.kind !== 'entity') {
      editor.setNotice('Select an entity tag first, then “Tag all occurrences”.');
      return false;
    }
    const state = editor.state();
    const entity = record.entityId ? editor.screen.getSnapshot().entities[record.entityId] ?? null : null;
    const plain = articleText(state.doc);
    const ownText = spanText(plain.text, plain.spans.get(record.id) ?? []) || record.quote;
    const names = tagAllNames(record, ownText, entity);
    const candidates = tagAllCandidates(state, names, record.entityId, record.id);
    editor.screen.show({ dialog: { type: 'tagAll', mentionId: record.id, entityName: entity?.name ?? ownText, names, candidates, doc: state.doc } });
    return true;
  };

  /** Tags the occurrences chosen in the dialog, in one undo step, and teaches the registry the new forms of the name. */
  applyTagAll = (chosen: OccurrenceCandidate[]): void => {
    const { editor } = this;
    const dialog = editor.screen.getSnapshot().dialog;
    editor.screen.show({ dialog: null });
    if (dialog?.type !== 'tagAll') return;
    const stamp = editor.now();
    const tagged = editor.run(tagOccurrences(dialog.mentionId, chosen, dialog.doc, () => ({ id: newId('ann'), author: editor.userName(), now: stamp })));
    if (!tagged) {
      if (editor.state().doc !== dialog.doc) editor.setNotice('The text changed while the list was open; nothing was tagged. Open “Tag all occurrences” again.');
      return;
    }
    editor.setNotice(`Tagged ${chosen.length} more ${chosen.length === 1 ? 'occurrence' : 'occurrences'}. Undo removes them all.`);
    const mention = annotationMapOf(editor.state())[dialog.mentionId];
    const entity = mention?.kind === 'entity' && mention.entityId ? editor.screen.getSnapshot().entities[mention.entityId] : undefined;
    const aliases = entity ? newAliasesFrom(entity, chosen) : [];
    if (!entity || aliases.length === 0) return;
    editor.api
      .updateEntity({ id: entity.id, aliases: [...entity.aliases, ...aliases] })
      .then((updated) => editor.rememberEntity(updated))
      .catch((error: Error) => editor.setNotice(`Tagged, but the new aliases were not saved: ${error.message}`));
  };

  /** Opens the registry picker to link the selected mention to another entity. */
  openRelink = (): void => {
    const record = this.editor.selectedRecord();
    if (record?.kind !== 'entity') return;
    const plain = this.editor.screen.getSnapshot().plainText;
    const words = plain ? spanText(plain.text, plain.spans.get(record.id) ?? []) : '';
    const entityType: EntityType = record.entityType;
    this.editor.screen.show({ dialog: { type: 'relink', mentionId: record.id, query: words || record.quote, entityType } });
  };

  /** Closes the open dialog without doing anything. */
  closeDialog = (): void => this.editor.screen.show({ dialog: null });

  /** Links a mention to `entity` (and takes its type). */
  relinkTo = (mentionId: string, entity: EntityRecord): void => {
    const { editor } = this;
    editor.rememberEntity(entity);
    editor.run(updateAnnotation(mentionId, (record) => (record.kind === 'entity' ? { ...record, entityId: entity.id, entityType: entity.type } : record), editor.now()));
    editor.screen.show({ dialog: null, notice: `Linked to ${entity.name}.` });
  };

  /** Makes the selected mention an entity of its own in the registry. */
  splitOff = async (): Promise<void> => {
    const { editor } = this;
    const record = editor.selectedRecord();
    if (record?.kind !== 'entity') return;
    const plain = articleText(editor.state().doc);
    const name = spanText(plain.text, plain.spans.get(record.id) ?? []) || record.quote;
    try {
      const entity = await editor.api.createEntity({ name, type: record.entityType });
      this.relinkTo(record.id, entity);
      editor.setNotice(`“${name}” is now an entity of its own in the registry.`);
    } catch (error) {
      editor.setNotice(`Could not split it off: ${(error as Error).message}`);
    }
  };

  /** Fetches the registry entry of a mention's entity once, for the inspector and "Tag all occurrences". */
  loadEntity = (entityId: string): void => {
    const { editor } = this;
    if (editor.screen.getSnapshot().entities[entityId]) return;
    editor.api
      .getEntity({ id: entityId })
      .then((entity) => editor.rememberEntity(entity))
      .catch(() => {});
  };
}
