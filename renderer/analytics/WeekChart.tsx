import type { AnalyticsReport } from '../../preload/shared/contract/interview-schema';

// A week's Monday as a person says it ("Nov 2"; spoken "Monday, November 2, 2026"), not 11-02.
// The date is a calendar day, so it is formatted in UTC to stay that day in every zone.
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** Interviews per week as an SVG bar chart (those you joined from the app in the darker part), with a text alternative. */
export function WeekChart({ weeks }: { weeks: AnalyticsReport['perWeek'] }) {
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const barWidth = 28;
  const gap = 10;
  const height = 160;
  const width = Math.max(200, weeks.length * (barWidth + gap));
  // A week's name is wider than its bar: with many weeks only every n-th is written under the bars
  // (every week is still in the chart's text alternative).
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 7));
  const summary = weeks
    .map(
      (w) => `week of ${longDay.format(day(w.weekStart))}: ${w.count} scheduled, ${w.joinedInApp} joined from the app`,
    )
    .join('; ');
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={`Interviews per week. ${summary}`}
        viewBox={`0 -16 ${width} ${height + 46}`}
        width="100%"
        height={height + 46}
      >
        {weeks.map((w, i) => {
          const x = i * (barWidth + gap) + gap / 2;
          const h = (w.count / max) * height;
          const hc = (w.joinedInApp / max) * height;
          return (
            <g key={w.weekStart}>
              <rect x={x} y={height - h} width={barWidth} height={h} className="bar-scheduled" />
              <rect x={x} y={height - hc} width={barWidth} height={hc} className="bar-completed" />
              {i % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={height + 14} textAnchor="middle" className="chart-label">
                  {shortDay.format(day(w.weekStart))}
                </text>
              )}
              {w.count > 0 && (
                <text x={x + barWidth / 2} y={height - h - 4} textAnchor="middle" className="chart-value">
                  {w.count}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Bars: interviews per week (light) and those you joined from the app (dark), by week starting Monday.
      </figcaption>
    </figure>
  );
}
