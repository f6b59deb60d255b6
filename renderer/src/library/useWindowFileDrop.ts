import { useEffect } from 'react';

/** Files dropped anywhere on the window are imported with `importDrop`, never opened as a page. */
export function useWindowFileDrop(importDrop: (dataTransfer: DataTransfer) => Promise<void>): void {
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      // A drop on the editor was already taken by it (and prevented); import it once.
      if (event.defaultPrevented || !event.dataTransfer || event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      void importDrop(event.dataTransfer);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [importDrop]);
}
