import { useRef, useState, type FormEvent } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { desk } from '../bridge/desk';
import { isFormWide, useFormErrors } from '../common/FieldError';
import { ErrorMessage } from '../common/ErrorMessage';
import { useFocusLater } from '../common/use-focus-later';
import { useFocusAfter } from '../common/use-focus-after';
import { PanelFields } from '../common/PanelFields';
import { useSettledPanel, type PanelRow } from '../common/use-settled-panel';
import { ConflictQuestion } from '../schedule/ConflictQuestion';
import { PanelBusyTimes } from './PanelBusyTimes';

const rowsOf = (interview: Interview): PanelRow[] =>
  interview.coInterviewers.map((p) => ({ email: p.email, name: p.name ?? '' }));

/**
 * The room's panel: who co-interviews, and "Edit panel" while the interview is scheduled. Saving
 * invites whoever joined, tells whoever was taken off and updates everyone else (main sends all of it);
 * the result is said and focused.
 */
export function PanelEditor({
  interview,
  ended,
  onSaved,
}: {
  interview: Interview;
  ended: boolean;
  onSaved: (interview: Interview) => void;
}) {
  const [rows, setRows] = useState<PanelRow[] | undefined>();
  const [said, setSaid] = useState<string | undefined>();
  const { error, setError, edited } = useFormErrors();
  const [saidRef, focusSaid] = useFocusLater<HTMLParagraphElement>();
  const { settled, settle } = useSettledPanel(() => []);
  const editButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const focusAfter = useFocusAfter();
  const open = () => {
    const start = rowsOf(interview);
    setSaid(undefined);
    setRows(start);
    settle(start);
    // The button goes and the form takes its place: focus goes to its first field (or Add co-interviewer).
    focusAfter(() => form.current?.querySelector<HTMLElement>('input, button'));
  };
  const keep = () => {
    setRows(undefined);
    setError(undefined);
    focusAfter(() => editButton.current);
  };
  // A panel changes only while the interview is ahead (after its end, main refuses: nothing is sent about the past).
  const editable = interview.status === 'scheduled' && !ended;
  const save = async (event: FormEvent | undefined, acceptConflicts = false) => {
    event?.preventDefault();
    if (!rows) return;
    const kept = rows.filter((r) => r.email.trim() || r.name.trim());
    setRows(kept);
    const result = await desk.interviews.setPanel({
      id: interview.id,
      coInterviewers: kept.map((r) => ({ email: r.email, ...(r.name.trim() ? { name: r.name } : {}) })),
      acceptConflicts,
    });
    if (!result.ok) return setError(result.error);
    const before = new Set(interview.coInterviewers.map((p) => p.email.toLowerCase()));
    const after = new Set(result.value.coInterviewers.map((p) => p.email.toLowerCase()));
    const name = (p: { email: string; name?: string | undefined }) => p.name ?? p.email;
    const joined = result.value.coInterviewers.filter((p) => !before.has(p.email.toLowerCase())).map(name);
    const left = interview.coInterviewers.filter((p) => !after.has(p.email.toLowerCase())).map(name);
    // The app emailed this interview before (not Google): whoever stays gets an update naming the new panel.
    const announced = interview.invitations.candidate.state !== 'none';
    const stayers =
      announced && (joined.length > 0 || left.length > 0)
        ? 'The candidate and everyone else on the panel get an update naming the new panel.'
        : '';
    setSaid(
      [
        'Panel saved.',
        joined.length ? `Invitation on its way to ${joined.join(', ')}.` : '',
        left.length ? `${left.join(', ')} will be told they are off the panel.` : '',
        stayers,
      ]
        .filter(Boolean)
        .join(' '),
    );
    setRows(undefined);
    setError(undefined);
    onSaved(result.value);
    focusSaid();
  };
  return (
    <>
      <dt>Co-interviewers</dt>
      <dd>
        {interview.coInterviewers.length > 0 ? (
          <ul className="plain" aria-label="Co-interviewers">
            {interview.coInterviewers.map((p) => (
              <li key={p.email}>{p.name ? `${p.name} <${p.email}>` : p.email}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">None</span>
        )}
        {said && interview.status === 'scheduled' && (
          <p role="status" tabIndex={-1} ref={saidRef} data-testid="panel-saved">
            {said}
          </p>
        )}
        {editable && !rows && (
          <button type="button" className="small" onClick={open} ref={editButton}>
            Edit panel
          </button>
        )}
        {rows && (
          <form className="form" onSubmit={(e) => void save(e)} noValidate aria-label="Edit panel" ref={form}>
            <PanelFields
              rows={rows}
              error={error}
              onChange={(next, field) => {
                if (field) edited(field);
                setRows(next);
              }}
              onSettled={settle}
            />
            <PanelBusyTimes interview={interview} rows={rows} settled={settled} />
            {error?.code !== 'conflict' &&
              isFormWide(error, [
                'coInterviewers',
                ...rows.flatMap((_, i) => [`coInterviewers.${i}.email`, `coInterviewers.${i}.name`]),
              ]) && <ErrorMessage error={error} />}
            {error?.code === 'conflict' && (
              <ConflictQuestion
                message={error.message}
                keepLabel="Change the panel"
                confirmLabel="Save panel anyway"
                onConfirm={() => void save(undefined, true)}
                onClose={() => setError(undefined)}
              />
            )}
            <div className="actions">
              <button type="submit" className="primary">
                Save panel
              </button>
              <button type="button" onClick={keep}>
                Keep the panel as it is
              </button>
            </div>
          </form>
        )}
      </dd>
    </>
  );
}
