import { useEffect, useId, useMemo, useState } from 'react';
import type { AnalyticsReport } from '../../preload/shared/contract/interview-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { dayKey, systemTimeZone } from '../common/format';
import { WeekChart } from './WeekChart';
import { AttendanceFigures } from './AttendanceFigures';
import { ScorecardFigures } from './ScorecardFigures';

/** The last 90 days and the next 30: upcoming interviews and future cancellations count too. */
function defaultPeriod(zone: string) {
  const now = Date.now();
  return { from: dayKey(now - 89 * 86_400_000, zone), to: dayKey(now + 30 * 86_400_000, zone) };
}

/**
 * Figures from the store for a period, saying only what the app saw (whether you pressed Join in the
 * app), actual time in the app's Meet window, weekly chart, by job; CSV export.
 */
export function AnalyticsScreen() {
  const zone = useMemo(() => systemTimeZone(), []);
  const [period, setPeriod] = useState(() => defaultPeriod(zone));
  const [report, setReport] = useState<AnalyticsReport | undefined>();
  const [error, setError] = useState<DeskError | undefined>();
  // Bumped when attendance is connected or new attendance is read: the figures are asked for again.
  const [version, setVersion] = useState(0);
  useEffect(() => desk.on('attendance:changed', () => setVersion((v) => v + 1)), []);
  useEffect(() => desk.on('scorecards:changed', () => setVersion((v) => v + 1)), []);
  useEffect(() => desk.on('panelForms:changed', () => setVersion((v) => v + 1)), []);
  const ids = { from: useId(), to: useId() };
  useEffect(() => {
    let live = true;
    void desk.analytics.report({ ...period, timeZone: zone }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setReport(result.value);
        setError(undefined);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [period, zone, version]);
  const exportCsv = async () => {
    const result = await desk.analytics.exportCsv({ ...period, timeZone: zone });
    if (!result.ok) return setError(result.error);
    const url = URL.createObjectURL(new Blob([result.value], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `interviews-${period.from}-to-${period.to}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const minutes = (n: number | null) => (n === null ? '—' : `${n} min`);
  return (
    <section aria-labelledby="analytics-title">
      <div className="screen-header">
        <h1 id="analytics-title">Analytics</h1>
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      <div className="row period">
        <div>
          <label htmlFor={ids.from}>From</label>
          <input
            id={ids.from}
            type="date"
            value={period.from}
            onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
          />
        </div>
        <div>
          <label htmlFor={ids.to}>To</label>
          <input
            id={ids.to}
            type="date"
            value={period.to}
            onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))}
          />
        </div>
      </div>
      <ErrorMessage error={error} />
      {report && (
        <>
          <Figures
            items={[
              ['Scheduled', report.scheduled],
              ['Upcoming', report.upcoming],
              ['Cancelled', report.cancelled],
            ]}
          />
          <section aria-labelledby="app-joins-title">
            <h2 id="app-joins-title">Your joins from this app</h2>
            <Figures
              items={[
                ['You joined from the app', report.joinedInApp],
                ['No join from the app', report.noJoinRecorded],
                ['Average time in the app', minutes(report.averageMinutes)],
                ['Median time in the app', minutes(report.medianMinutes)],
              ]}
            />
            <p className="muted" data-testid="analytics-scope">
              These figures are your own join history: Interview Desk only sees whether you pressed Join in the app. “No
              join from the app” includes joining from Google Calendar or another device: it does not mean the candidate
              did not show up.
              {report.attendance ? ' Who really attended is under “Attendance from Google Meet”.' : ''} An interview
              counts once its scheduled end has passed.
            </p>
          </section>
          {report.attendance && (
            <AttendanceFigures figures={report.attendance} onConnected={() => setVersion((v) => v + 1)} />
          )}
          {report.scorecards && <ScorecardFigures figures={report.scorecards} />}
          <section className="panel">
            <h2>Interviews per week</h2>
            <WeekChart weeks={report.perWeek} />
          </section>
          <section className="panel">
            <h2>By job title</h2>
            {report.byJobTitle.length === 0 ? (
              <p className="muted">No interviews in this period.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Job title</th>
                    <th scope="col">Scheduled</th>
                    <th scope="col">You joined from the app</th>
                    <th scope="col">No join from the app</th>
                    <th scope="col">Cancelled</th>
                  </tr>
                </thead>
                <tbody>
                  {report.byJobTitle.map((row) => (
                    <tr key={row.jobTitle}>
                      <th scope="row">{row.jobTitle}</th>
                      <td>{row.scheduled}</td>
                      <td>{row.joinedInApp}</td>
                      <td>{row.noJoinRecorded}</td>
                      <td>{row.cancelled}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </section>
  );
}

/** A row of figures, each named by its label (and found by tests by it). */
function Figures({ items }: { items: Array<[string, string | number]> }) {
  return (
    <dl className="figures">
      {items.map(([label, value]) => (
        <div key={label} className="figure panel">
          <dt>{label}</dt>
          <dd data-testid={`figure-${label.toLowerCase().replace(/\W+/g, '-')}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
