import type { DebriefInterview, DebriefInterviewer } from '../../preload/shared/contract/debrief-schema';
import { criterionRatingWords, recommendationWords } from '../../preload/shared/contract/scorecard-schema';
import { missingScorecardWords } from '../../preload/shared/rules/missing-scorecard-words';
import { desk } from '../bridge/desk';
import { formatDateTime } from '../common/format';
import { routeHref } from '../app/use-hash-route';
import { missingWords, statusWords } from '../../preload/shared/rules/artifact-words';

/** Where an interviewer's scorecard stands, as the table says it; times as the room writes them. */
function scorecardWords(person: DebriefInterviewer, item: DebriefInterview, time: (iso: string) => string): string {
  switch (person.state) {
    case 'missing':
      return missingScorecardWords(person, item, time);
    case 'hidden':
      return 'Submitted, hidden until you submit yours';
    case 'draft':
      return 'Draft, not submitted';
    case 'submitted':
      return (
        (person.submittedAt ? `Submitted ${time(person.submittedAt)}` : 'Submitted') +
        (person.source === 'form' ? ' through the panel form' : '') +
        (person.editedAt ? ' (edited after submitting)' : '')
      );
  }
}

/**
 * Why there are no links yet, in the room's words (not connected, still waiting, or why nothing exists),
 * with the way to the room where attendance is connected.
 */
function MeetStatus({ item, time }: { item: DebriefInterview; time: (iso: string) => string }) {
  const meet = item.meet;
  if (!meet) return <p className="muted">Nothing from Google Meet is kept for this interview.</p>;
  const connectInRoom = meet.state === 'blocked' && meet.reason !== 'reconnect';
  return (
    <>
      <p className="muted" data-testid="debrief-meet-status">
        {statusWords(meet, time)}
      </p>
      {missingWords(meet).map((line) => (
        <p key={line} className="muted">
          {line}
        </p>
      ))}
      {connectInRoom && (
        <p className="no-print">
          <a href={routeHref({ screen: 'interview', id: item.interviewId })}>
            Connect Google Meet in the interview’s room
          </a>
        </p>
      )}
    </>
  );
}

const shows = (person: DebriefInterviewer) => person.state === 'submitted' || person.state === 'draft';

/**
 * One interview's debrief: who said what, the criteria × interviewer table, takeaways, attendance and
 * Meet's links. `headingLevel` 2 on the interview's own debrief, 3 inside a candidate's.
 */
export function DebriefInterviewSection({ item, nested }: { item: DebriefInterview; nested: boolean }) {
  // After-interview times are the interview's own, the zone named (as in the room).
  const time = (iso: string) => formatDateTime(iso, item.timeZone);
  const H = nested ? 'h3' : 'h2';
  const id = (part: string) => `debrief-${item.interviewId}-${part}`;
  const columns = item.interviewers.map((person, index) => ({ person, index })).filter(({ person }) => shows(person));
  const takeaways = item.interviewers.filter((p) => p.takeaways);
  return (
    <>
      <section className="panel" aria-labelledby={id('who')}>
        <H id={id('who')}>Who said what</H>
        <table className="table" data-testid="debrief-who">
          <thead>
            <tr>
              <th scope="col">Interviewer</th>
              <th scope="col">Overall recommendation</th>
              <th scope="col">Scorecard</th>
            </tr>
          </thead>
          <tbody>
            {item.interviewers.map((person) => (
              <tr key={person.email}>
                <th scope="row">
                  {person.name}
                  {person.kind === 'recruiter' && <span className="muted"> (you)</span>}
                </th>
                <td>{person.overall ? recommendationWords[person.overall] : shows(person) ? 'None given' : '—'}</td>
                <td>{scorecardWords(person, item, time)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {item.hiddenNote && (
          <p className="notice notice-info" data-testid="debrief-hidden">
            {item.hiddenNote}
          </p>
        )}
      </section>
      {item.criteria.length > 0 && columns.length > 0 && (
        <section className="panel" aria-labelledby={id('criteria')}>
          <H id={id('criteria')}>Criteria</H>
          <div className="table-scroll">
            <table className="table debrief-criteria" data-testid="debrief-criteria">
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  {columns.map(({ person }) => (
                    <th scope="col" key={person.email}>
                      {person.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {item.criteria.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    {columns.map(({ person, index }) => {
                      const cell = row.cells[index];
                      return (
                        <td key={person.email}>
                          {cell?.rating ? criterionRatingWords[cell.rating] : '—'}
                          {cell?.note && <p className="debrief-note">{cell.note}</p>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {takeaways.length > 0 && (
        <section className="panel" aria-labelledby={id('takeaways')}>
          <H id={id('takeaways')}>Key takeaways</H>
          <dl className="details debrief-takeaways">
            {takeaways.map((person) => (
              <div className="dl-row" key={person.email}>
                <dt>{person.name}</dt>
                <dd>{person.takeaways}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section className="panel" aria-labelledby={id('attendance')}>
        <H id={id('attendance')}>Attendance</H>
        <ul className="plain-list" data-testid="debrief-attendance">
          {item.attendance.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby={id('links')}>
        <H id={id('links')}>Transcript and recording</H>
        {item.links.length === 0 ? (
          <MeetStatus item={item} time={time} />
        ) : (
          <ul className="plain-list">
            {item.links.map((link) => (
              <li key={link.url}>
                <a
                  href={link.url}
                  onClick={(event) => {
                    event.preventDefault();
                    void desk.shell.openExternal(link.url);
                  }}
                >
                  {link.label}
                </a>
                <span className="print-only"> {link.url}</span>
              </li>
            ))}
          </ul>
        )}
        {item.transcriptEntries > 0 && (
          <p className="muted">
            {item.transcriptEntries} transcript {item.transcriptEntries === 1 ? 'line is' : 'lines are'} kept on this
            computer: read them in the interview’s room.
          </p>
        )}
      </section>
    </>
  );
}
