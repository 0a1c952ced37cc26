import { useId, useRef } from 'react';
import { maxCoInterviewers } from '../../preload/shared/contract/interview-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { FieldError } from './FieldError';
import { Field } from './Field';
import { useFocusAfter } from './use-focus-after';
import type { PanelRow } from './use-settled-panel';

/**
 * The panel: co-interviewers' emails and optional names, each refused beside its own field in the
 * form's words (the Schedule form's and the room's "Edit panel"). `onSettled` runs when an address is finished (the field is left, a row removed): only
 * then does the form ask Google about that person's calendar, never on each keystroke (see
 * `useSettledPanel`).
 */
export function PanelFields({
  rows,
  error,
  onChange,
  onSettled,
}: {
  rows: PanelRow[];
  error: DeskError | undefined;
  onChange: (rows: PanelRow[], field?: string) => void;
  onSettled: (rows: PanelRow[]) => void;
}) {
  const base = useId();
  const box = useRef<HTMLFieldSetElement>(null);
  const focusAfter = useFocusAfter();
  const edit = (index: number, key: keyof PanelRow, value: string) =>
    onChange(
      rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)),
      `coInterviewers.${index}.${key}`,
    );
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next, 'coInterviewers');
    onSettled(next);
    // Focus goes to the Remove that now stands where this one was (the next row's, else the last row's), else to Add.
    focusAfter(() => {
      const removes = box.current?.querySelectorAll<HTMLElement>('.panel-remove button');
      return removes?.length
        ? removes[Math.min(index, removes.length - 1)]
        : box.current?.querySelector<HTMLElement>('[data-add-co-interviewer]');
    });
  };
  const add = () => {
    onChange([...rows, { email: '', name: '' }]);
    // The new row's email field takes the focus: it appears above the button that made it.
    focusAfter(() => document.getElementById(`${base}-e${rows.length}`));
  };
  return (
    <fieldset className="panel-fields" ref={box}>
      <legend>Co-interviewers (optional)</legend>
      <p className="hint" id={`${base}-h`}>
        Colleagues on the panel get the same invitation, are guests of the Calendar event, and their busy times show
        below.
      </p>
      {rows.map((row, index) => {
        const emailField = `coInterviewers.${index}.email`;
        const nameField = `coInterviewers.${index}.name`;
        return (
          <div className="row panel-row" key={index} role="group" aria-label={`Co-interviewer ${index + 1}`}>
            <div>
              <Field
                label={`Co-interviewer ${index + 1} email`}
                name={emailField}
                error={error}
                id={`${base}-e${index}`}
              >
                {(c) => (
                  <input
                    {...c}
                    type="email"
                    value={row.email}
                    autoComplete="off"
                    onChange={(e) => edit(index, 'email', e.target.value)}
                    onBlur={() => onSettled(rows)}
                  />
                )}
              </Field>
            </div>
            <div>
              <Field
                label={`Co-interviewer ${index + 1} name (optional)`}
                name={nameField}
                error={error}
                id={`${base}-n${index}`}
              >
                {(c) => (
                  <input
                    {...c}
                    value={row.name}
                    autoComplete="off"
                    onChange={(e) => edit(index, 'name', e.target.value)}
                  />
                )}
              </Field>
            </div>
            <div className="panel-remove">
              <button
                type="button"
                className="small"
                onClick={() => remove(index)}
                aria-label={`Remove co-interviewer ${index + 1}${row.email ? ` (${row.email})` : ''}`}
              >
                Remove
              </button>
            </div>
          </div>
        );
      })}
      <FieldError error={error} field="coInterviewers" id={`${base}-all-e`} />
      {rows.length < maxCoInterviewers && (
        <button type="button" onClick={add} aria-describedby={`${base}-h`} data-add-co-interviewer>
          Add co-interviewer
        </button>
      )}
    </fieldset>
  );
}
