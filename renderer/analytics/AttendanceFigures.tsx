import { useState } from 'react';
import type { AttendanceFigures as Figures } from '../../preload/shared/contract/attendance-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { askForNotifications } from '../app/browser-notifications';

const testId = (label: string) => `attendance-${label.toLowerCase().replace(/\W+/g, '-').replace(/-$/, '')}`;

/** Who really attended, from Google Meet where it was read; the rest is the app's own join history, said so. */
export function AttendanceFigures({ figures, onConnected }: { figures: Figures; onConnected: () => void }) {
  const [error, setError] = useState<DeskError | undefined>();
  const minutes = (n: number | null) => (n === null ? '—' : `${n} min`);
  const connect = async () => {
    askForNotifications();
    const result = await desk.attendance.connect();
    if (result.ok) onConnected();
    else setError(result.error);
  };
  const rows: Array<[string, string | number]> = [
    ['Both attended', figures.completed],
    ['Candidate did not join', figures.candidateNoShow],
    ['Interviewer did not join', figures.interviewerNoShow],
    ['Nobody joined', figures.neitherJoined],
    ['Someone unidentified or unconfirmed joined', figures.unconfirmed],
    ['Late starts (5 min or more)', figures.lateStarts],
    ['Median start delay', minutes(figures.medianStartDelayMinutes)],
    ['Average time together', minutes(figures.averageMinutes)],
    ['Median time together', minutes(figures.medianMinutes)],
  ];
  return (
    <section className="panel" aria-labelledby="attendance-figures-title">
      <h2 id="attendance-figures-title">Attendance from Google Meet</h2>
      <p data-testid="attendance-source">
        From Google Meet: {figures.fromMeet} {figures.fromMeet === 1 ? 'interview' : 'interviews'}. Without Meet
        attendance, counted only from your own joins in the app: {figures.fromAppHistory}{' '}
        {figures.fromAppHistory === 1 ? 'interview' : 'interviews'}.
      </p>
      {figures.connection === 'not_connected' && (
        <p>
          Google Meet is not connected.{' '}
          <button type="button" onClick={() => void connect()}>
            Connect Google Meet
          </button>
        </p>
      )}
      {figures.connection === 'needs_reconnect' && (
        <p className="muted">Reconnect your Google account to read new attendance from Google Meet.</p>
      )}
      <ErrorMessage error={error} />
      {figures.fromMeet > 0 && (
        <>
          <dl className="figures">
            {rows.map(([label, value]) => (
              <div key={label} className="figure panel">
                <dt>{label}</dt>
                <dd data-testid={testId(label)}>{value}</dd>
              </div>
            ))}
          </dl>
          <table className="table">
            <caption>Time together, interviews where both attended</caption>
            <thead>
              <tr>
                <th scope="col">Duration</th>
                <th scope="col">Interviews</th>
              </tr>
            </thead>
            <tbody>
              {figures.durationBuckets.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{b.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
