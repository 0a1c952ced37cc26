import { useId, useMemo } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { Field } from '../common/Field';
import { allTimeZones } from '../common/format';
import { OccurrenceQuestion } from '../common/OccurrenceQuestion';
import { useOccurrenceQuestion } from '../common/use-occurrence-question';
import type { DraftFieldsProps } from './use-schedule-draft';

/**
 * The schedule form's "When" fields: date, start, duration, the zone they are in (and which of two
 * times, when the clocks go back over it), and the candidate's zone. `shownError` carries the live
 * preview's refusals of the "when" fields, before any submit.
 */
export function WhenFields({
  draft,
  set,
  error,
  shownError,
}: DraftFieldsProps & { shownError: DeskError | undefined }) {
  const zones = useMemo(() => allTimeZones(), []);
  const zoneList = useId();
  const question = useOccurrenceQuestion(`${draft.date}T${draft.time} ${draft.timeZone}`, shownError);
  /** A new date, time or zone: which of two times it is is asked again, if it happens twice. */
  const setWhen = (key: 'date' | 'time' | 'timeZone') => (event: { target: { value: string } }) => {
    set(key)(event);
    if (draft.occurrence) set('occurrence')({ target: { value: '' } });
  };
  return (
    <>
      <datalist id={zoneList}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="row">
        <div>
          <Field label="Date" name="date" error={shownError}>
            {(c) => <input {...c} type="date" value={draft.date} onChange={setWhen('date')} />}
          </Field>
        </div>
        <div>
          <Field label="Start time" name="time" error={shownError}>
            {(c) => <input {...c} type="time" value={draft.time} onChange={setWhen('time')} />}
          </Field>
        </div>
        <div>
          <Field label="Duration (minutes)" name="durationMinutes" error={error}>
            {(c) => (
              <input {...c} inputMode="numeric" value={draft.durationMinutes} onChange={set('durationMinutes')} />
            )}
          </Field>
        </div>
      </div>
      <Field label="Time zone" name="timeZone" error={shownError}>
        {(c) => (
          <input {...c} list={zoneList} value={draft.timeZone} onChange={setWhen('timeZone')} autoComplete="off" />
        )}
      </Field>
      {question.message && (
        <OccurrenceQuestion
          message={question.message}
          value={draft.occurrence}
          onChange={(event) => {
            set('occurrence')(event);
            question.answer();
          }}
        />
      )}
      <Field label="Candidate time zone (optional)" name="candidateTimeZone" error={error}>
        {(c) => (
          <input
            {...c}
            list={zoneList}
            value={draft.candidateTimeZone}
            onChange={set('candidateTimeZone')}
            autoComplete="off"
          />
        )}
      </Field>
    </>
  );
}
