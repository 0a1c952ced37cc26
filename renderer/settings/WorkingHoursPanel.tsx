import { useId, useState, type FormEvent } from 'react';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { FieldError, invalidProps, isFormWide, useFormErrors } from '../common/FieldError';

const weekdays = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [7, 'Sunday'],
] as const;

const fields = [
  'workingHours',
  'workingHours.start',
  'workingHours.end',
  'workingHours.days',
  'candidateHours',
  'candidateHours.start',
  'candidateHours.end',
];

/**
 * Settings → Find a time: your working hours and days (in your own zone) and the candidate's
 * reasonable hours (in theirs), which "Suggest times" keeps to. Refusals show beside each field.
 */
export function WorkingHoursPanel({ initial }: { initial: Settings }) {
  const base = useId();
  const [hours, setHours] = useState(initial.workingHours);
  const [candidate, setCandidate] = useState(initial.candidateHours);
  const [saved, setSaved] = useState(false);
  const { error, setError, edited } = useFormErrors();
  const field = (name: string) => ({ id: `${base}${name}`, ...invalidProps(error, name, `${base}${name}-e`) });
  const fieldError = (name: string) => <FieldError error={error} field={name} id={`${base}${name}-e`} />;
  const change = (name: string) => {
    setSaved(false);
    edited(name);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await desk.settings.update({ workingHours: hours, candidateHours: candidate });
    if (result.ok) {
      setError(undefined);
      setHours(result.value.workingHours);
      setCandidate(result.value.candidateHours);
      setSaved(true);
    } else setError(result.error);
  };
  return (
    <section className="panel" aria-labelledby={`${base}title`}>
      <h2 id={`${base}title`}>Find a time</h2>
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <p className="hint">
          “Suggest times” in the schedule form offers only slots inside both of these, in each person’s own time zone.
        </p>
        <fieldset>
          <legend>Your working hours</legend>
          <div className="row">
            <div>
              <label htmlFor={`${base}workingHours.start`}>Working hours start</label>
              <input
                type="time"
                value={hours.start}
                {...field('workingHours.start')}
                onChange={(e) => (change('workingHours.start'), setHours({ ...hours, start: e.target.value }))}
              />
              {fieldError('workingHours.start')}
            </div>
            <div>
              <label htmlFor={`${base}workingHours.end`}>Working hours end</label>
              <input
                type="time"
                value={hours.end}
                {...field('workingHours.end')}
                onChange={(e) => (change('workingHours.end'), setHours({ ...hours, end: e.target.value }))}
              />
              {fieldError('workingHours.end')}
            </div>
          </div>
          <fieldset
            className="working-days"
            {...invalidProps(error, 'workingHours.days', `${base}workingHours.days-e`)}
          >
            <legend>Working days</legend>
            {weekdays.map(([day, name]) => (
              <label key={day} className="check">
                <input
                  type="checkbox"
                  checked={hours.days.includes(day)}
                  onChange={(e) => {
                    change('workingHours.days');
                    setHours({
                      ...hours,
                      days: e.target.checked
                        ? [...hours.days, day].sort((a, b) => a - b)
                        : hours.days.filter((d) => d !== day),
                    });
                  }}
                />
                {name}
              </label>
            ))}
          </fieldset>
          {fieldError('workingHours.days')}
        </fieldset>
        <fieldset>
          <legend>The candidate’s reasonable hours</legend>
          <div className="row">
            <div>
              <label htmlFor={`${base}candidateHours.start`}>Candidate’s hours start</label>
              <input
                type="time"
                value={candidate.start}
                {...field('candidateHours.start')}
                onChange={(e) => (
                  change('candidateHours.start'),
                  setCandidate({ ...candidate, start: e.target.value })
                )}
              />
              {fieldError('candidateHours.start')}
            </div>
            <div>
              <label htmlFor={`${base}candidateHours.end`}>Candidate’s hours end</label>
              <input
                type="time"
                value={candidate.end}
                {...field('candidateHours.end')}
                onChange={(e) => (change('candidateHours.end'), setCandidate({ ...candidate, end: e.target.value }))}
              />
              {fieldError('candidateHours.end')}
            </div>
          </div>
        </fieldset>
        {isFormWide(error, fields) && <ErrorMessage error={error} />}
        <div className="actions">
          <button type="submit">Save hours</button>
          {saved && <p role="status">Hours saved.</p>}
        </div>
      </form>
    </section>
  );
}
