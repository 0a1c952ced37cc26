import { Field } from '../common/Field';
import type { DraftFieldsProps } from './use-schedule-draft';

/** The schedule form's "Candidate" fields: who is interviewed, for which job. */
export function CandidateFields({ draft, set, error }: DraftFieldsProps) {
  return (
    <>
      <Field label="Candidate name" name="candidateName" error={error}>
        {(c) => <input {...c} value={draft.candidateName} onChange={set('candidateName')} autoComplete="off" />}
      </Field>
      <Field label="Candidate email" name="candidateEmail" error={error}>
        {(c) => (
          <input {...c} type="email" value={draft.candidateEmail} onChange={set('candidateEmail')} autoComplete="off" />
        )}
      </Field>
      <Field label="Job title" name="jobTitle" error={error}>
        {(c) => <input {...c} value={draft.jobTitle} onChange={set('jobTitle')} />}
      </Field>
    </>
  );
}
