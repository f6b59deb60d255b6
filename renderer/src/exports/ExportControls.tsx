import { useState } from 'react';
import { formatDescriptions, exportFormatNames, type AnnotatorApi, type ExportFormatName } from '../../../common/api';
import { downloadFiles, type DownloadableFile } from './downloadFiles';

/** How a batch export is going, and what failed. */
export interface ExportProgress {
  done: number;
  total: number;
  failures: { articleId: string; message: string }[];
  warnings: string[];
  finished: boolean;
  cancelled: boolean;
}

/**
 * Exports articles one by one (so one bad article never stops the rest, and progress can be shown and
 * cancelled between articles), then offers everything as one download.
 */
export async function exportArticles(
  api: AnnotatorApi,
  articleIds: string[],
  format: ExportFormatName,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
  // Suggestions still waiting go along, with their status, only when asked for.
  includeSuggestions = false,
): Promise<ExportProgress> {
  const files: DownloadableFile[] = [];
  const progress: ExportProgress = { done: 0, total: articleIds.length, failures: [], warnings: [], finished: false, cancelled: false };
  for (const articleId of articleIds) {
    if (signal.aborted) {
      progress.cancelled = true;
      break;
    }
    try {
      const exported = await api.exportArticle({ id: articleId, format, includeSuggestions });
      // Batch files share names only for brat's one annotation.conf, which is the same for every article.
      for (const file of exported.files) if (!files.some((existing) => existing.fileName === file.fileName)) files.push(file);
      progress.warnings.push(...exported.warnings);
    } catch (error) {
      progress.failures.push({ articleId, message: (error as Error).message });
    }
    progress.done += 1;
    onProgress({ ...progress });
  }
  if (!progress.cancelled && files.length > 0) await downloadFiles(files, `newsroom-export-${format}.zip`);
  progress.finished = true;
  onProgress({ ...progress });
  return progress;
}

interface ExportControlsProps {
  label: string;
  disabled?: boolean;
  onExport: (format: ExportFormatName, includeSuggestions: boolean) => void;
}

/** A format picker, whether suggestions still waiting go along, and an export button. */
export function ExportControls({ label, disabled, onExport }: ExportControlsProps) {
  const [format, setFormat] = useState<ExportFormatName>('nitf');
  const [includeSuggestions, setIncludeSuggestions] = useState(false);
  return (
    <span className="export-controls">
      <select aria-label="Export format" value={format} onChange={(event) => setFormat(event.target.value as ExportFormatName)}>
        {exportFormatNames.map((name) => (
          <option key={name} value={name}>
            {formatDescriptions[name].label}
          </option>
        ))}
      </select>
      <label className="export-suggestions" title="By default an export holds accepted tags only; this adds the suggestions still waiting, marked as suggested.">
        <input type="checkbox" checked={includeSuggestions} onChange={(event) => setIncludeSuggestions(event.target.checked)} />
        Include suggestions
      </label>
      <button type="button" disabled={disabled} onClick={() => onExport(format, includeSuggestions)}>
        {label}
      </button>
    </span>
  );
}
