import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { CsvTable } from '../ui/csvDownload';
import { Chart } from './chartSetup';
import { CsvButton } from './CsvButton';

interface ChartFigureProps {
  id: string;
  caption: string;
  // What the chart shows, in one or two sentences, for those who cannot see it.
  summary: string;
  config: ChartConfiguration;
  // The chart's data as a table, shown beside it and exported.
  table: CsvTable;
  renderTable: () => React.ReactNode;
}

/** A chart with its caption, a spoken summary, its data table beside it, and an "Export CSV" button. */
export function ChartFigure({ id, caption, summary, config, table, renderTable }: ChartFigureProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <figure className="audit-chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`}>
        <span className="audit-chart-title">{caption}</span>
        <CsvButton table={table} label={caption} />
      </figcaption>
      <div className="audit-chart-body">
        <div className="audit-chart-canvas">
          <canvas ref={canvasRef} role="img" aria-label={summary} />
        </div>
        {/* Focusable, so that a keyboard can scroll a long table. */}
        <div className="audit-chart-table" tabIndex={0} role="region" aria-label={`${caption}: the data`}>
          {renderTable()}
        </div>
      </div>
    </figure>
  );
}
