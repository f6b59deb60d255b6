import JSZip from 'jszip';

/** A file made in the renderer for the user to save. */
export interface DownloadableFile {
  fileName: string;
  mimeType: string;
  content: string;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the URL is released a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Hands files to the browser's (or Electron's) download and save dialog: one file as itself, several
 * (a brat pair, a batch) as one zip so that the user answers one dialog.
 */
export async function downloadFiles(files: DownloadableFile[], zipName: string): Promise<void> {
  if (files.length === 1) {
    const [file] = files;
    saveBlob(new Blob([file!.content], { type: file!.mimeType }), file!.fileName);
    return;
  }
  const zip = new JSZip();
  for (const file of files) zip.file(file.fileName, file.content);
  saveBlob(await zip.generateAsync({ type: 'blob', compression: 'DEFLATE' }), zipName);
}
