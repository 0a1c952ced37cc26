// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from '../../../../renderer/common/Field';
import type { DeskError } from '../../../../preload/shared/contract/result';

afterEach(() => cleanup());

const refused: DeskError = {
  code: 'invalid_input',
  message: 'Enter the candidate’s email',
  field: 'candidateEmail',
  fields: [{ field: 'candidateEmail', message: 'Enter the candidate’s email' }],
};

describe('Field', () => {
  it('labels its control and points it at its hint', () => {
    render(
      <Field label="Candidate email" name="candidateEmail" error={undefined} hint="Invitations go here.">
        {(c) => <input {...c} />}
      </Field>,
    );
    const input = screen.getByLabelText('Candidate email');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Invitations go here.',
    );
  });

  it("marks the control invalid with main's words, read after the hint", () => {
    render(
      <Field label="Candidate email" name="candidateEmail" error={refused} hint="Invitations go here.">
        {(c) => <input {...c} />}
      </Field>,
    );
    const input = screen.getByLabelText('Candidate email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const [hint, error] = (input.getAttribute('aria-describedby') ?? '').split(' ');
    expect(document.getElementById(hint!)?.textContent).toBe('Invitations go here.');
    expect(document.getElementById(error!)?.textContent).toBe('Enter the candidate’s email');
  });

  it("shows no error for another field's refusal, and uses a group's hint when given one", () => {
    render(
      <>
        <p id="group-hint">For the whole group.</p>
        <Field label="Job title" name="jobTitle" error={refused} describedBy="group-hint">
          {(c) => <input {...c} />}
        </Field>
      </>,
    );
    const input = screen.getByLabelText('Job title');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('group-hint');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
