import type { ReactNode } from 'react';

/**
 * One scale as a group of native radio buttons: the arrow keys move within it, Tab moves past it,
 * and a screen reader hears the legend, the guidance and the choice.
 */
export function RatingGroup<V extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  describedBy,
  description,
}: {
  legend: string;
  name: string;
  choices: { value: V; label: string }[];
  value: V | undefined;
  onChange: (value: V) => void;
  describedBy?: string | undefined;
  /** A line under the legend (what good looks like); give it the id `describedBy` names. */
  description?: ReactNode;
}) {
  return (
    <fieldset className="choice-group rating-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {description}
      {choices.map((choice) => (
        <label key={choice.value} className="check">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
