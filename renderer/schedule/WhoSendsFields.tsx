import { useId } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { Field } from '../common/Field';
import type { Sender } from './who-sends';

/** "You, the interviewer": the name and email invitations come from, asked for once without Google. */
export function WhoSendsFields({
  sender,
  setMine,
  error,
}: {
  sender: Sender;
  setMine: (key: keyof Sender) => (event: { target: { value: string } }) => void;
  error: DeskError | undefined;
}) {
  const hint = useId();
  return (
    <fieldset className="ask-who">
      <legend>You, the interviewer</legend>
      <p className="hint" id={hint}>
        Invitations come from you. Without a Google account, add your name and email once; they are kept in Settings.
      </p>
      <Field label="Your name" name="recruiterName" error={error} describedBy={hint}>
        {(c) => <input {...c} value={sender.recruiterName} onChange={setMine('recruiterName')} autoComplete="name" />}
      </Field>
      <Field label="Your email" name="recruiterEmail" error={error}>
        {(c) => (
          <input
            {...c}
            type="email"
            value={sender.recruiterEmail}
            onChange={setMine('recruiterEmail')}
            autoComplete="email"
          />
        )}
      </Field>
    </fieldset>
  );
}
