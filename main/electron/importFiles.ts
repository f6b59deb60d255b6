import { dialog, type BrowserWindow } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { maxImportBytes, type ApiResult, type ImportReply, type MenuCommand } from '../../common/api';
import { importFormats } from '../formats/importFile';
import { describeFile } from '../formats/shared/decodeText';
import { dispatchApiCall, type ApiHandlers } from '../services/apiDispatch';


// The same question the renderer's dialog asks, as a native message box: Open it is the default, Escape cancels.
async function askAboutDuplicate(window: BrowserWindow, fileName: string, existingTitle: string): Promise<'open' | 'copy' | 'cancel'> {
  const buttons = ['Open it', 'Import a copy', 'Cancel'] as const;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    message: `Already in the library: ${existingTitle}`,
    detail: `${fileName} has the same text as an article the library already holds. Open that article, or import this file again as a copy.`,
    buttons: [...buttons],
    defaultId: 0,
    cancelId: 2,
  });
  return response === 0 ? 'open' : response === 1 ? 'copy' : 'cancel';
}

/**
 * File > Open: lets the user pick one or more files, imports each through the same validated call the renderer
 * uses, tells the renderer about every new article and lists the files that could not be imported.
 */
export async function openAndImportFiles(
  window: BrowserWindow,
  handlers: ApiHandlers,
  sendCommand: (command: MenuCommand) => void,
): Promise<void> {
  const choice = await dialog.showOpenDialog(window, {
    title: 'Open articles',
    properties: ['openFile', 'multiSelections'],
    // The formats main/import reads; the service still checks every file.
    filters: [
      { name: 'Articles', extensions: importFormats.flatMap((format) => [...format.extensions]) },
      ...importFormats.map((format) => ({ name: format.label, extensions: [...format.extensions] })),
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (choice.canceled) return;

  const failures: string[] = [];
  // What imported files could not carry over (Word comments, tracked changes): shown, never dropped silently.
  const warnings: string[] = [];
  for (const filePath of choice.filePaths) {
    const fileName = basename(filePath);
    // How the messages below name the file: trimmed, controls shown as U+FFFD, a long name shortened.
    const shownName = describeFile(fileName);
    try {
      // Checking the size first keeps a huge file from being read into memory only to be refused.
      if ((await stat(filePath)).size > maxImportBytes) {
        failures.push(`${shownName}: larger than the ${Math.round(maxImportBytes / 1024 / 1024)} MB import limit.`);
        continue;
      }
      const bytesBase64 = (await readFile(filePath)).toString('base64');
      let result = (await dispatchApiCall(handlers, 'importFile', { fileName, bytesBase64 })) as ApiResult<ImportReply>;
      if (result.ok && result.value.outcome === 'duplicate') {
        const choice = await askAboutDuplicate(window, fileName, result.value.existing.title);
        // The renderer opens the article an 'article-imported' command names, which is all Open it asks for.
        if (choice === 'open') sendCommand({ type: 'article-imported', articleId: result.value.existing.id });
        if (choice !== 'copy') continue;
        result = (await dispatchApiCall(handlers, 'importFile', { fileName, bytesBase64, onDuplicate: 'copy' })) as ApiResult<ImportReply>;
      }
      if (!result.ok) failures.push(`${shownName}: ${result.error.message}`);
      else if (result.value.outcome === 'imported') {
        const imported = result.value;
        warnings.push(...(imported.importWarnings ?? []).map((warning) => `${shownName}: ${warning}`));
        sendCommand({ type: 'article-imported', articleId: imported.id });
      }
    } catch (error) {
      failures.push(`${shownName}: the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
  }
  if ((failures.length > 0 || warnings.length > 0) && !window.isDestroyed()) {
    const message =
      failures.length === 0 ? 'Imported, with notes on what was not carried over.' : failures.length === choice.filePaths.length ? 'Nothing was imported.' : 'Some files were not imported.';
    await dialog.showMessageBox(window, { type: 'warning', message, detail: [...failures, ...warnings].join('\n') });
  }
}
