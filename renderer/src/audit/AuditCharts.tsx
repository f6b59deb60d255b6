import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { SourcingAudit } from '../../../common/model/sourcingAudit';
import { formatCount, formatMonth, formatShare, shareNumber } from './auditFormat';
import { articleRowsCsv } from './ArticleListTable';
import { baseChartOptions, seriesColours } from './chartSetup';
import { ChartFigure } from './ChartFigure';

const topSourceCount = 10;

function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** The audit's three charts, each with its table: shares over time, top sources, named against anonymous per article. */
export function AuditCharts({ audit }: { audit: SourcingAudit }) {
  const months = audit.months;
  const top = useMemo(() => audit.speakers.slice(0, topSourceCount), [audit]);
  const articles = audit.mostQuoting;
  // One configuration per audit, so that a re-render does not destroy and redraw the charts.
  const configs = useMemo(() => {
    const overTime: ChartConfiguration = {
      type: 'line',
      data: {
        labels: months.map((row) => formatMonth(row.month)),
        datasets: [
          { label: 'Named, % of quotes', data: months.map((row) => percentOf(row.named, row.named + row.anonymous + row.unattributed)), borderColor: seriesColours.named, backgroundColor: seriesColours.named },
          { label: 'Anonymous, % of quotes', data: months.map((row) => percentOf(row.anonymous, row.named + row.anonymous + row.unattributed)), borderColor: seriesColours.anonymous, backgroundColor: seriesColours.anonymous },
        ],
      },
      options: { ...baseChartOptions, scales: { y: { min: 0, max: 100, title: { display: true, text: '% of quotes' } } } },
    };
    const topSources: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: top.map((row) => (row.speakerType === 'anonymous' ? `Anonymous: ${row.name}` : row.name)),
        datasets: [{ label: 'Quotes', data: top.map((row) => row.count), backgroundColor: top.map((row) => (row.speakerType === 'anonymous' ? seriesColours.anonymous : seriesColours.named)) }],
      },
      options: { ...baseChartOptions, indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } } } },
    };
    const perArticle: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: articles.map((row) => (row.title.length > 40 ? `${row.title.slice(0, 39)}…` : row.title)),
        datasets: [
          { label: 'Named', data: articles.map((row) => row.named), backgroundColor: seriesColours.named },
          { label: 'Anonymous', data: articles.map((row) => row.anonymous), backgroundColor: seriesColours.anonymous },
        ],
      },
      options: { ...baseChartOptions, indexAxis: 'y', scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    };
    return { overTime, topSources, perArticle };
  }, [months, top, articles]);

  if (audit.totals.attributions === 0) return null;
  const lastMonth = months[months.length - 1];
  return (
    <div className="audit-charts">
      <ChartFigure
        id="chart-over-time"
        caption="Named and anonymous quotes by import month"
        summary={
          lastMonth
            ? `Line chart over ${months.length} months by import date. In ${formatMonth(lastMonth.month)}, ${formatShare(lastMonth.named, lastMonth.named + lastMonth.anonymous + lastMonth.unattributed)} of quotes were named and ${formatShare(lastMonth.anonymous, lastMonth.named + lastMonth.anonymous + lastMonth.unattributed)} anonymous.`
            : 'No months to show.'
        }
        config={configs.overTime}
        table={{
          name: 'Named and anonymous quotes by import month',
          header: ['Month', 'Named', 'Anonymous', 'Without a speaker', 'Named share', 'Anonymous share'],
          rows: months.map((row) => {
            const all = row.named + row.anonymous + row.unattributed;
            return [row.month, row.named, row.anonymous, row.unattributed, shareNumber(row.named, all), shareNumber(row.anonymous, all)];
          }),
        }}
        renderTable={() => (
          <table className="audit-table">
            <caption className="visually-hidden">Quotes by import month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="number">Named</th>
                <th scope="col" className="number">Anonymous</th>
                <th scope="col" className="number">No speaker</th>
              </tr>
            </thead>
            <tbody>
              {months.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{formatMonth(row.month)}</th>
                  <td className="number">{formatCount(row.named)}</td>
                  <td className="number">{formatCount(row.anonymous)}</td>
                  <td className="number">{formatCount(row.unattributed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      />
      <ChartFigure
        id="chart-top-sources"
        caption={`Top ${Math.min(topSourceCount, top.length)} sources`}
        summary={`Bar chart of the ${top.length} most quoted sources. ${top.map((row) => `${row.name}: ${formatCount(row.count)}`).join('; ')}.`}
        config={configs.topSources}
        table={{ name: 'Top sources', header: ['Speaker', 'Named or anonymous', 'Quotes'], rows: top.map((row) => [row.name, row.speakerType, row.count]) }}
        renderTable={() => (
          <table className="audit-table">
            <caption className="visually-hidden">Top sources</caption>
            <thead>
              <tr>
                <th scope="col">Speaker</th>
                <th scope="col" className="number">Quotes</th>
              </tr>
            </thead>
            <tbody>
              {top.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.speakerType === 'anonymous' ? `Anonymous: ${row.name}` : row.name}</th>
                  <td className="number">{formatCount(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      />
      <ChartFigure
        id="chart-per-article"
        caption={`Named and anonymous quotes in the ${articles.length} most quoting articles`}
        summary={`Stacked bar chart of ${articles.length} articles. ${articles.map((row) => `${row.title}: ${row.named} named, ${row.anonymous} anonymous`).join('; ')}.`}
        config={configs.perArticle}
        table={articleRowsCsv('Named and anonymous per article', articles)}
        renderTable={() => (
          <table className="audit-table">
            <caption className="visually-hidden">Named and anonymous quotes per article</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col" className="number">Named</th>
                <th scope="col" className="number">Anonymous</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((row) => (
                <tr key={row.articleId}>
                  <th scope="row">{row.title}</th>
                  <td className="number">{formatCount(row.named)}</td>
                  <td className="number">{formatCount(row.anonymous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      />
    </div>
  );
}
