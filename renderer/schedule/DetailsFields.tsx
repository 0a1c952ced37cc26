import { Field } from '../common/Field';
import { CandidateMessagePreview } from './CandidateMessagePreview';
import type { DraftFieldsProps } from './use-schedule-draft';

const meetLinkHints = {
  withGoogle:
    'Leave it empty and Google Calendar makes the Meet link. A link you paste becomes the Calendar event’s meeting instead, so there is only ever one. Invitations go out when the event is ready, with the same link for everyone.',
  withoutGoogle:
    'The meeting everyone joins. Without a link, invitations wait until you add one in the interview room.',
};

/**
 * The schedule form's "Details": the Meet link (Google makes one when connected), private notes and
 * the message to the candidate, previewed as the email shows it, signed by `signer`.
 */
export function DetailsFields({
  draft,
  set,
  error,
  withGoogle,
  signer,
}: DraftFieldsProps & { withGoogle: boolean; signer: string }) {
  return (
    <>
      <Field
        label="Meet link (optional)"
        name="meetLink"
        error={error}
        hint={withGoogle ? meetLinkHints.withGoogle : meetLinkHints.withoutGoogle}
      >
        {(c) => (
          <input
            {...c}
            value={draft.meetLink}
            onChange={set('meetLink')}
            placeholder="https://meet.google.com/abc-defg-hij"
          />
        )}
      </Field>
      <Field
        label="Private notes"
        name="notes"
        error={error}
        hint="Only for you: shown in the interview room, never sent to anyone."
      >
        {(c) => <textarea {...c} value={draft.notes} onChange={set('notes')} />}
      </Field>
      <Field
        label="Message to the candidate (optional)"
        name="candidateMessage"
        error={error}
        hint="Goes into the candidate's invitation, update and reminder emails; co-interviewers see it in theirs, as your message."
      >
        {(c) => <textarea {...c} value={draft.candidateMessage} onChange={set('candidateMessage')} />}
      </Field>
      <CandidateMessagePreview message={draft.candidateMessage} signer={signer} />
    </>
  );
}
