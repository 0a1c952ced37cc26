import { useId } from 'react';
import type { OccurrenceChoice } from './when-preview';

const choices = [
  { value: 'earlier', label: 'The first one (before the clocks go back)' },
  { value: 'later', label: 'The second one (after the clocks go back)' },
] as const;

/**
 * The question main asks when the clocks go back over the chosen time: which of the two it means.
 * A radio group named by its question and described by main's words; the Schedule form and the
 * Reschedule dialog ask it alike.
 */
export function OccurrenceQuestion({
  message,
  value,
  onChange,
}: {
  message: string;
  value: OccurrenceChoice;
  onChange: (event: { target: { value: string } }) => void;
}) {
  const described = useId();
  return (
    <fieldset className="occurrence" aria-describedby={described}>
      <legend>This time happens twice that day</legend>
      <p id={described}>{message}</p>
      {choices.map((choice) => (
        <label className="check" key={choice.value}>
          <input
            type="radio"
            name="occurrence"
            value={choice.value}
            checked={value === choice.value}
            onChange={onChange}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
