import type { MentionTimeline, TimelineUnit } from '../../../common/entityPage';

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const unitWords: Record<TimelineUnit, string> = { day: 'day', week: 'week (from Monday)', month: 'month' };

function periodLabel(start: string, unit: TimelineUnit): string {
  const time = Date.parse(`${start}T00:00:00Z`);
  if (unit === 'month') return monthFormat.format(time);
  return unit === 'week' ? `Week of ${dayFormat.format(time)}` : dayFormat.format(time);
}

/**
 * Mentions over time as plain CSS bars (a picture for the eye, hidden from screen readers) above the table that
 * says the same in numbers. Dates are the articles' import dates: articles carry no better date yet.
 */
export function MentionTimelineChart({ timeline }: { timeline: MentionTimeline }) {
  const highest = Math.max(1, ...timeline.buckets.map((bucket) => bucket.mentions));
  return (
    <section className="entity-section" aria-labelledby="entity-timeline-heading">
      <h2 id="entity-timeline-heading">
        Mentions over time <span className="section-count">by import date, per {unitWords[timeline.unit]}</span>
      </h2>
      {timeline.buckets.length === 0 ? (
        <p className="empty-hint">No mentions to draw yet.</p>
      ) : (
        <>
          <div className="timeline-bars" aria-hidden="true">
            {timeline.buckets.map((bucket) => (
              <div key={bucket.start} className="timeline-bar" title={`${periodLabel(bucket.start, timeline.unit)}: ${bucket.mentions}`}>
                <span style={{ height: `${(bucket.mentions / highest) * 100}%` }} />
              </div>
            ))}
          </div>
          <div className="timeline-axis" aria-hidden="true">
            <span>{periodLabel(timeline.buckets[0]!.start, timeline.unit)}</span>
            <span>{periodLabel(timeline.buckets[timeline.buckets.length - 1]!.start, timeline.unit)}</span>
          </div>
          <table className="desk-table timeline-table">
              <caption>Mentions per {timeline.unit} with any, by the import date of the articles</caption>
              <thead>
                <tr>
                  <th scope="col">{timeline.unit === 'month' ? 'Month' : timeline.unit === 'week' ? 'Week' : 'Day'}</th>
                  <th scope="col" className="number">
                    Mentions
                  </th>
                  <th scope="col" className="number">
                    Articles
                  </th>
                </tr>
              </thead>
              <tbody>
                {timeline.buckets
                  .filter((bucket) => bucket.mentions > 0)
                  .map((bucket) => (
                    <tr key={bucket.start}>
                      <th scope="row">{periodLabel(bucket.start, timeline.unit)}</th>
                      <td className="number">{bucket.mentions.toLocaleString('en')}</td>
                      <td className="number">{bucket.articles.toLocaleString('en')}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
        </>
      )}
    </section>
  );
}
