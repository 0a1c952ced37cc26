import type { DeskError } from '../../preload/shared/contract/result';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { Field } from '../common/Field';

/** The name and email invitations come from, as Settings keep them. */
type NameAndEmail = Pick<Settings, 'recruiterName' | 'recruiterEmail'>;

/**
 * "Your name" and "Your email": Settings' own fields, also asked for by the schedule form when they
 * are missing. Each fieldset around them says why it asks (`describedBy` points the name at that).
 * The browser may fill them from the person's own details (WCAG 1.3.5).
 */
export function SenderFields({
  sender,
  onEdit,
  error,
  describedBy,
}: {
  sender: NameAndEmail;
  onEdit: (key: keyof NameAndEmail, value: string) => void;
  error: DeskError | undefined;
  describedBy?: string;
}) {
  return (
    <>
      <Field label="Your name" name="recruiterName" error={error} describedBy={describedBy}>
        {(c) => (
          <input
            {...c}
            value={sender.recruiterName}
            onChange={(e) => onEdit('recruiterName', e.target.value)}
            autoComplete="name"
          />
        )}
      </Field>
      <Field label="Your email" name="recruiterEmail" error={error}>
        {(c) => (
          <input
            {...c}
            type="email"
            value={sender.recruiterEmail}
            onChange={(e) => onEdit('recruiterEmail', e.target.value)}
            autoComplete="email"
          />
        )}
      </Field>
    </>
  );
}
