import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Criterion } from '../../preload/shared/contract/scorecard-schema';
import { ratingChoices, recommendationChoices } from '../../preload/shared/rules/scorecard-choices';
import type { DeskError } from '../../preload/shared/contract/result';
import { ErrorMessage } from '../common/ErrorMessage';
import { Field } from '../common/Field';
import { FieldError, withoutField } from '../common/FieldError';
import { formatClock } from '../common/format';
import { useLeaveGuard, type LeaveWarning } from '../common/leave-guard';
import { statusAndTime } from '../common/use-reload-on-change';
import { useAttendance } from '../interview-room/use-attendance';
import { recruiterAbsent } from '../../preload/shared/rules/recruiter-absent';
import { OthersScorecards } from './OthersScorecards';
import { RatingGroup } from './RatingGroup';
import { useScorecard, type SaveState } from './use-scorecard';

/** The status line beside Submit, in words; times in the interview's zone, named (as the room writes them). */
function statusWords(
  state: SaveState,
  own:
    { state: string; updatedAt: string; submittedAt?: string | undefined; editedAt?: string | undefined } | undefined,
  zone: string,
): string {
  const at = (iso: string) => formatClock(iso, zone, 'none', 'short');
  if (state === 'saving') return 'Saving…';
  if (state === 'failed') return 'Not saved: see the message below. What you typed is still here.';
  if (own?.state === 'submitted') {
    if (state === 'pending') return 'Changes not saved yet: press Save changes.';
    const submitted = own.submittedAt ? `Submitted at ${at(own.submittedAt)}` : 'Submitted';
    return own.editedAt ? `${submitted} · Edited after submitting, at ${at(own.editedAt)}` : submitted;
  }
  if (state === 'pending') return 'Draft not saved yet…';
  return own ? `Draft saved at ${at(own.updatedAt)}` : 'Nothing written yet. A draft saves as you type.';
}

/** Asked when leaving the room with edits to a submitted scorecard that "Save changes" has not recorded. */
export const unsavedEditWarning: LeaveWarning = {
  title: 'Leave without saving?',
  detail:
    'Your changes to your submitted scorecard are not saved yet. Leave and lose them, or keep editing and choose Save changes.',
  discardLabel: 'Leave without saving',
};

/** Asked when leaving the room with words main refused once the scorecard closed (a cancel, a move ahead). */
export const refusedWordsWarning: LeaveWarning = {
  title: 'Leave without saving?',
  detail: 'What you typed in your scorecard is not saved. Leave and lose it, or stay and copy it.',
  discardLabel: 'Leave without saving',
};

/**
 * The recruiter's own scorecard in the room, once the interview has started, and the panel's beside
 * it. A cancel or a move reads main's view again without a rebuild, so typed words stay.
 */
export function ScorecardPanel({ interview, now }: { interview: Interview; now: number }) {
  const started = Date.parse(interview.startUtc) <= now;
  const card = useScorecard(interview.id, `${statusAndTime(interview)} ${started ? 'started' : 'ahead'}`);
  // Meet says the recruiter never joined: one may still be written, but none is asked for (nor counted).
  const notAsked = recruiterAbsent(useAttendance(interview.id).value?.report);
  const { view, answers, error } = card;
  const notSaved = card.state === 'pending' || card.state === 'failed';
  // A draft saves itself; an edit after submitting is only recorded by "Save changes", as Settings
  // are by "Save settings": leaving with one on screen asks first, the way Settings does. So does
  // leaving a draft main refused once the scorecard closed: no later autosave can keep it.
  const closed = view?.open === false;
  const submittedEdit = view?.own?.state === 'submitted' && notSaved;
  useLeaveGuard(
    submittedEdit || (closed && card.state === 'failed'),
    submittedEdit ? unsavedEditWarning : refusedWordsWarning,
  );
  if (!view || !answers) return card.loadError ? <ErrorMessage error={card.loadError} /> : null;
  // Closed (cancelled, moved ahead): gone as a reload shows it, unless typed words are not saved yet.
  // Then they stay, with Save changes, so main's refusal is said in its own words and nothing vanishes.
  if (closed && !notSaved) return null;
  const criteria: Criterion[] = view.own?.criteria ?? view.template.criteria;
  const submitted = view.own?.state === 'submitted';
  const edited = (field: string) => card.setError(withoutField(error, field));
  return (
    <section className="panel scorecard" aria-labelledby="scorecard-title" data-testid="scorecard">
      <h2 id="scorecard-title">Your scorecard</h2>
      <p className="muted">
        {view.own?.templateName ?? view.template.name} · Stays on this computer; never sent to the candidate.
      </p>
      {notAsked && !submitted && (
        <p className="muted" data-testid="scorecard-not-asked">
          Meet says you did not join this interview, so no scorecard is asked for.
        </p>
      )}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void card.submit();
        }}
      >
        {criteria.map((criterion) => {
          const answer = answers.ratings[criterion.id] ?? { note: '' };
          const guidanceId = `criterion-${criterion.id}-g`;
          const noteField = `answers.ratings.${criterion.id}.note`;
          return (
            <div key={criterion.id} className="criterion">
              <RatingGroup
                legend={criterion.name}
                name={`rating-${criterion.id}`}
                choices={ratingChoices}
                value={answer.rating}
                describedBy={criterion.guidance ? guidanceId : undefined}
                description={
                  criterion.guidance && (
                    <p className="hint" id={guidanceId}>
                      What good looks like: {criterion.guidance}
                    </p>
                  )
                }
                onChange={(rating) =>
                  card.change((a) => ({ ...a, ratings: { ...a.ratings, [criterion.id]: { ...answer, rating } } }))
                }
              />
              <Field label={`Note on ${criterion.name}`} name={noteField} error={error}>
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    value={answer.note}
                    onChange={(e) => {
                      const note = e.target.value;
                      edited(noteField);
                      card.change((a) => ({ ...a, ratings: { ...a.ratings, [criterion.id]: { ...answer, note } } }));
                    }}
                  />
                )}
              </Field>
            </div>
          );
        })}
        <RatingGroup
          legend="Overall recommendation"
          name="overall"
          choices={recommendationChoices}
          value={answers.overall}
          describedBy={fieldFor(error, 'answers.overall') ? 'overall-e' : undefined}
          onChange={(overall) => {
            edited('answers.overall');
            card.change((a) => ({ ...a, overall }));
          }}
        />
        <FieldError error={error} field="answers.overall" id="overall-e" />
        <Field label="Key takeaways" name="answers.takeaways" error={error}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={answers.takeaways}
              onChange={(e) => {
                const takeaways = e.target.value;
                edited('answers.takeaways');
                card.change((a) => ({ ...a, takeaways }));
              }}
            />
          )}
        </Field>
        {error && !error.field?.startsWith('answers.') && <ErrorMessage error={error} />}
        {error?.field === 'answers.ratings' && <ErrorMessage error={error} />}
        <div className="actions">
          <button type="submit" className="primary">
            {submitted ? 'Save changes' : 'Submit scorecard'}
          </button>
          <span className="muted" role="status" data-testid="scorecard-status">
            {statusWords(card.state, view.own, interview.timeZone)}
          </span>
        </div>
      </form>
      <OthersScorecards others={view.others} hidden={view.hiddenOthers} zone={interview.timeZone} />
    </section>
  );
}

function fieldFor(error: DeskError | undefined, field: string): boolean {
  return withoutField(error, field) !== error;
}
