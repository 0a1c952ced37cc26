import { useId } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { SenderFields } from '../settings/SenderFields';
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
      {/* Settings' own fields: what is typed here is saved there. */}
      <SenderFields
        sender={sender}
        onEdit={(key, value) => setMine(key)({ target: { value } })}
        error={error}
        describedBy={hint}
      />
    </fieldset>
  );
}
