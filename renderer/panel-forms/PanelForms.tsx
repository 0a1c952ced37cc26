import { useRef, useState } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { PanelFormView } from '../../preload/shared/contract/panel-forms-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { formatDateTime } from '../common/format';
import { useFocusAfter } from '../common/use-focus-after';
import { personStatusWords } from '../../preload/shared/rules/panel-person-words';
import { statusAndTime } from '../common/use-reload-on-change';
import { usePanelForm } from './use-panel-form';

const attendedWords: Record<PanelFormView['people'][number]['attended'], string> = {
  yes: 'Joined',
  no: 'Did not join',
  unknown: 'Not known',
};

/** What the room says of the form while it is not ready to answer. */
function formStateLine(view: PanelFormView): string | undefined {
  switch (view.form.state) {
    case 'not_yet':
      return 'When the interview ends, Interview Desk makes a Google Form from the scorecard template and emails each co-interviewer its link an hour later.';
    case 'creating':
      return 'Making the Google Form…';
    default:
      return undefined;
  }
}

/**
 * The panel's scorecards in the room: per co-interviewer whether they were asked, reminded and
 * whether their response came back, the form's links for the recruiter, "Check now", and the way to
 * connect Google Forms. The answers themselves appear with the scorecards, under their rules.
 */
export function PanelForms({ interview }: { interview: Interview }) {
  // A cancel or a move, made here or elsewhere, reads the form's asks and reminders again.
  const loaded = usePanelForm(interview.id, statusAndTime(interview));
  const [error, setError] = useState<DeskError | undefined>();
  const [busy, setBusy] = useState<'connect' | 'check' | 'resend' | undefined>();
  const focusAfter = useFocusAfter();
  const section = useRef<HTMLElement>(null);
  const view = loaded.value;
  if (!view) return <ErrorMessage error={loaded.error} />;
  if (!view.applies) return null;
  const zone = interview.timeZone;
  const time = (iso: string) => formatDateTime(iso, zone);

  const connect = async () => {
    setBusy('connect');
    const result = await desk.panelForms.connect();
    setBusy(undefined);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    await loaded.reload();
    // The Connect button is gone and what replaces it changes as the form is made: focus goes to the section's heading.
    focusAfter(() => section.current?.querySelector<HTMLElement>('h2'));
  };
  const checkNow = async () => {
    setBusy('check');
    const result = await desk.panelForms.checkNow(interview.id);
    setBusy(undefined);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    loaded.setValue(result.value);
  };
  const resend = async (person: PanelFormView['people'][number]) => {
    if (busy) return;
    setBusy('resend');
    const result = await desk.panelForms.resend({ interviewId: interview.id, email: person.email });
    setBusy(undefined);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    loaded.setValue(result.value);
    // The Resend button is gone with the failure: focus goes to the section's heading.
    focusAfter(() => section.current?.querySelector<HTMLElement>('h2'));
  };
  const stateLine = formStateLine(view);
  const formProblem = view.form.state === 'failed' || view.form.state === 'gone';

  return (
    <section ref={section} className="panel panel-forms" aria-labelledby="panel-forms-title" data-testid="panel-forms">
      <h2 id="panel-forms-title">Panel scorecards</h2>
      {view.connection === 'not_connected' && (
        <>
          <p data-testid="panel-forms-not-connected">
            Your co-interviewers fill in their scorecards in Google Forms, with no app to install. Interview Desk needs
            permission to make the form and read its answers (only files it makes itself).
          </p>
          <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void connect()}>
            {busy === 'connect' ? 'Waiting for Google…' : 'Connect Google Forms'}
          </button>
        </>
      )}
      {view.connection === 'no_account' && (
        <p className="muted">
          Connect your Google account to send your co-interviewers a Google Form for their scorecards.
        </p>
      )}
      {view.connection === 'needs_reconnect' && (
        <p className="muted">Reconnect your Google account to send and read the panel’s scorecards. Nothing is lost.</p>
      )}
      {stateLine && <p className="muted">{stateLine}</p>}
      {view.form.message && (
        <p className={formProblem ? 'error-message' : 'muted'} role={formProblem ? 'alert' : undefined}>
          {view.form.message}
        </p>
      )}
      <ErrorMessage error={error} />
      <table className="table" data-testid="panel-forms-people">
        <caption className="sr-only">Each co-interviewer’s scorecard</caption>
        <thead>
          <tr>
            <th scope="col">Co-interviewer</th>
            <th scope="col">In the meeting</th>
            <th scope="col">Scorecard</th>
          </tr>
        </thead>
        <tbody>
          {view.people.map((p) => (
            <tr key={p.email} data-testid="panel-forms-person">
              <th scope="row">
                {p.name}
                {p.name !== p.email && <div className="muted">{p.email}</div>}
              </th>
              <td>{attendedWords[p.attended]}</td>
              <td>
                <span data-testid="panel-forms-status">{personStatusWords(p, time)}</span>
                {p.status !== 'received' && p.status !== 'waiting' && p.nextAt && (
                  <div className="muted">Next reminder {time(p.nextAt)}</div>
                )}
                {/* Red only for an email given up; a retry under way or a note is read in passing. */}
                {p.problem && <div className={p.status === 'failed' ? 'error-message' : 'muted'}>{p.problem}</div>}
                {p.status === 'failed' && (
                  <button
                    type="button"
                    aria-label={`Resend the scorecard email to ${p.name}`}
                    aria-disabled={busy !== undefined}
                    onClick={() => void resend(p)}
                  >
                    {busy === 'resend' ? 'Sending…' : 'Resend'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.form.state === 'ready' && (
        <div className="actions">
          {view.form.responderUri && (
            <button type="button" onClick={() => void desk.shell.openExternal(view.form.responderUri!)}>
              Open the form
            </button>
          )}
          {view.form.editUri && (
            <button type="button" onClick={() => void desk.shell.openExternal(view.form.editUri!)}>
              Edit in Google Forms
            </button>
          )}
        </div>
      )}
      {view.connection === 'connected' && view.form.state !== 'not_yet' && (
        <p>
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus while it checks. */}
          <button type="button" aria-disabled={busy !== undefined} onClick={() => void (busy ? undefined : checkNow())}>
            {busy === 'check' ? 'Checking…' : 'Check now'}
          </button>{' '}
          {view.form.checkedAt && <span className="muted">Last checked {time(view.form.checkedAt)}</span>}
        </p>
      )}
    </section>
  );
}
