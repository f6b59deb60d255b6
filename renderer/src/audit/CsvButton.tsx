import { useState } from 'react';
import { downloadCsv, type CsvTable } from '../ui/csvDownload';

/** "Export CSV" for one table, named for screen readers after what it exports; says so when the download fails. */
export function CsvButton({ table, label }: { table: CsvTable; label: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="csv-button"
        aria-label={`Export CSV: ${label}`}
        onClick={() => {
          setProblem(null);
          downloadCsv(table).catch((error: Error) => setProblem(`The CSV could not be saved: ${error.message}`));
        }}
      >
        Export CSV
      </button>
      {problem && (
        <span className="error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
