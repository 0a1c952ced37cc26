import { useRef } from 'react';
import type { AttendanceView } from '../../preload/shared/contract/attendance-schema';
import { ErrorMessage } from '../common/ErrorMessage';
import { formatDateTime, formatTime, zoneName } from '../common/format';
import type { useAttendance } from './use-attendance';
import { ConnectMeet } from './ConnectMeet';
import {
  attendanceOutcomeWords as outcomeWords,
  lateWords as late,
  minutesWords as minutes,
} from '../../preload/shared/rules/attendance-words';

type Report = NonNullable<AttendanceView['report']>;
type Person = Report['people'][number];

// Only the connected account proves the interviewer side; a name alone is said to be unconfirmed.
const sideWords: Record<Person['side'], string> = {
  interviewer: 'You and your panel',
  unconfirmed: 'Interviewer side, not confirmed',
  candidate: 'Candidate',
  unmatched: 'Not identified',
};

/** Each person's joins and leaves, in the interview's zone. */
function Timeline({ report, zone }: { report: Report; zone: string }) {
  return (
    <table className="table" data-testid="attendance-timeline">
      <caption className="sr-only">Who joined and left, from Google Meet</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Side</th>
          <th scope="col">
            Joined and left{report.people[0] ? ` (${zoneName(report.people[0].firstJoin, zone)})` : ''}
          </th>
          <th scope="col">Late</th>
          <th scope="col">In the call</th>
        </tr>
      </thead>
      <tbody>
        {report.people.map((p) => (
          <tr key={`${p.displayName}-${p.firstJoin}`}>
            <th scope="row">
              {p.displayName || 'Unnamed'}
              {p.kind === 'phone' ? ' (phone)' : ''}
            </th>
            <td>
              {sideWords[p.side]}
              {p.matchedBy === 'name' ? <div>Matched by name</div> : null}
            </td>
            <td>
              <ul className="sessions">
                {p.sessions.map((s) => (
                  <li key={s.start}>
                    {formatTime(s.start, zone)}–{s.end ? formatTime(s.end, zone) : 'still in the call'}
                  </li>
                ))}
              </ul>
            </td>
            <td>{p.lateMinutes > 0 ? minutes(p.lateMinutes) : 'On time'}</td>
            <td>{minutes(p.presentMinutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Attendance from Google Meet in the room: not connected (with a way to connect), waiting for Meet, or the timeline. */
export function AttendancePanel({ loaded, zone }: { loaded: ReturnType<typeof useAttendance>; zone: string }) {
  const reload = loaded.reload;
  const section = useRef<HTMLElement>(null);
  const view = loaded.value;
  if (!view) return <ErrorMessage error={loaded.error} />;
  const report = view.report;
  return (
    <section ref={section} className="panel attendance" aria-labelledby="attendance-title" data-testid="attendance">
      <h2 id="attendance-title">Attendance</h2>
      {view.connection === 'not_connected' && (
        <p data-testid="attendance-not-connected">
          Google Meet is not connected. With it, Interview Desk reads who joined, when, and for how long. Until then it
          shows only your own joins from the app.
        </p>
      )}
      {view.connection === 'no_account' && (
        <p className="muted">
          Connect your Google account to see who joined the meeting. Until then Interview Desk shows only your own joins
          from the app.
        </p>
      )}
      {view.connection === 'needs_reconnect' && (
        <p className="muted">
          Reconnect your Google account to read attendance from Google Meet. What was already read is kept.
        </p>
      )}
      <ConnectMeet
        connection={view.connection}
        reload={reload}
        heading={() => section.current?.querySelector<HTMLElement>('h2')}
      />
      {view.connection === 'connected' && !report && view.fetch.state === 'none' && (
        <p className="muted">Attendance is read from Google Meet after the interview ends.</p>
      )}
      {view.fetch.message && (
        <p className={view.fetch.state === 'failed' ? 'error-message' : 'muted'}>{view.fetch.message}</p>
      )}
      {report && (
        <>
          <p data-testid="attendance-outcome">
            <strong>{outcomeWords[report.outcome]}</strong>
            {!report.final && ' (the meeting may still be going on: this can change)'}
          </p>
          <dl className="details" data-testid="attendance-summary">
            <dt>Interviewer</dt>
            <dd>{late(report.interviewerLateMinutes)}</dd>
            <dt>Candidate</dt>
            <dd>{late(report.candidateLateMinutes)}</dd>
            <dt>Actual duration</dt>
            <dd>
              {report.together
                ? `${minutes(report.together.minutes)} together (${formatTime(report.together.start, zone)}–${formatTime(report.together.end, zone)})`
                : 'Not together in the call'}
            </dd>
            {report.conferences > 1 && (
              <>
                <dt>Meetings</dt>
                <dd>{report.conferences} separate calls on this link</dd>
              </>
            )}
          </dl>
          {report.people.length > 0 && <Timeline report={report} zone={zone} />}
          <p className="muted">
            From Google Meet
            {view.fetch.at
              ? `, read at ${formatDateTime(view.fetch.at, zone)}. Times are ${zoneName(view.fetch.at, zone)}, as in “Your time” above`
              : ''}
            .
          </p>
        </>
      )}
    </section>
  );
}
