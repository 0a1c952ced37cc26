import { useId } from 'react';
import { maxCoInterviewers } from '../../preload/contract/interview-schema';
import type { DeskError } from '../../preload/contract/result';
import { FieldError, invalidProps } from '../common/FieldError';

/** One co-interviewer as typed. */
export interface PanelRow {
  email: string;
  name: string;
}

/**
 * The panel: co-interviewers' emails and optional names, each refused beside its own field in the
 * form's words. `onSettled` runs when an address is finished (the field is left, a row removed): only
 * then does the form ask Google about that person's calendar, never on each keystroke.
 */
export function PanelFields({ rows, error, onChange, onSettled }: { rows: PanelRow[]; error: DeskError | undefined; onChange: (rows: PanelRow[], field?: string) => void; onSettled: (rows: PanelRow[]) => void }) {
  const base = useId();
  const edit = (index: number, key: keyof PanelRow, value: string) => onChange(rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)), `coInterviewers.${index}.${key}`);
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next, 'coInterviewers');
    onSettled(next);
  };
  return (
    <fieldset className="panel-fields">
      <legend>Co-interviewers (optional)</legend>
      <p className="hint" id={`${base}-h`}>
        Colleagues on the panel get the same invitation, are guests of the Calendar event, and their busy times show below.
      </p>
      {rows.map((row, index) => {
        const emailField = `coInterviewers.${index}.email`;
        const nameField = `coInterviewers.${index}.name`;
        return (
          <div className="row panel-row" key={index} role="group" aria-label={`Co-interviewer ${index + 1}`}>
            <div>
              <label htmlFor={`${base}-e${index}`}>Co-interviewer {index + 1} email</label>
              <input id={`${base}-e${index}`} type="email" value={row.email} autoComplete="off" onChange={(e) => edit(index, 'email', e.target.value)} onBlur={() => onSettled(rows)} {...invalidProps(error, emailField, `${base}-e${index}-e`)} />
              <FieldError error={error} field={emailField} id={`${base}-e${index}-e`} />
            </div>
            <div>
              <label htmlFor={`${base}-n${index}`}>Co-interviewer {index + 1} name (optional)</label>
              <input id={`${base}-n${index}`} value={row.name} autoComplete="off" onChange={(e) => edit(index, 'name', e.target.value)} {...invalidProps(error, nameField, `${base}-n${index}-e`)} />
              <FieldError error={error} field={nameField} id={`${base}-n${index}-e`} />
            </div>
            <div className="panel-remove">
              <button type="button" className="small" onClick={() => remove(index)} aria-label={`Remove co-interviewer ${index + 1}${row.email ? ` (${row.email})` : ''}`}>
                Remove
              </button>
            </div>
          </div>
        );
      })}
      <FieldError error={error} field="coInterviewers" id={`${base}-all-e`} />
      {rows.length < maxCoInterviewers && (
        <button type="button" onClick={() => onChange([...rows, { email: '', name: '' }])} aria-describedby={`${base}-h`}>
          Add co-interviewer
        </button>
      )}
    </fieldset>
  );
}
