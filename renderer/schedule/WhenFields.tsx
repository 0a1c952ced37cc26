import { useId, useMemo } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { Field } from '../common/Field';
import { allTimeZones } from '../common/format';
import { OccurrenceQuestion } from '../common/OccurrenceQuestion';
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
            {(c) => <input {...c} type="date" value={draft.date} onChange={set('date')} />}
          </Field>
        </div>
        <div>
          <Field label="Start time" name="time" error={shownError}>
            {(c) => <input {...c} type="time" value={draft.time} onChange={set('time')} />}
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
        {(c) => <input {...c} list={zoneList} value={draft.timeZone} onChange={set('timeZone')} autoComplete="off" />}
      </Field>
      {shownError?.field === 'occurrence' && (
        <OccurrenceQuestion message={shownError.message} value={draft.occurrence} onChange={set('occurrence')} />
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
