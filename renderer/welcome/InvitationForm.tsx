import { useEffect, useId, useState, type FormEvent } from 'react';
import type { JoinPreview } from '../../preload/shared/contract/ipc-contract';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { systemTimeZone } from '../common/format';
import { navigateTo } from '../app/use-hash-route';
import { InvitationDetails } from './InvitationDetails';

/**
 * Candidate mode: paste the invitation's "Open in Interview Desk" link, or a Meet link and the time.
 * What a pasted invitation link would save is shown in the form as soon as main has read it, so
 * "Save my interview" is the one question: it saves at once (no second screen asks again).
 */
export function InvitationForm() {
  const [link, setLink] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<DeskError | undefined>();
  const [preview, setPreview] = useState<{ link: string; value: JoinPreview } | undefined>();
  const ids = { link: useId(), date: useId(), time: useId(), preview: useId() };
  const isMeet = /^\s*https:\/\/meet\.google\.com\//.test(link);
  const invitation = /^\s*interview-desk:\/\/(join|panel)\?/.test(link) ? link.trim() : '';
  useEffect(() => {
    if (!invitation) return;
    let current = true;
    // A link main refuses shows nothing here; its words come when the person presses Save.
    void desk.deeplink
      .preview(invitation)
      .then((result) => current && setPreview(result.ok ? { link: invitation, value: result.value } : undefined));
    return () => {
      current = false;
    };
  }, [invitation]);
  const shown = preview && preview.link === invitation ? preview.value : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isMeet) {
      const result = await desk.candidate.save({ meetLink: link.trim(), date, time, timeZone: systemTimeZone() });
      if (result.ok) navigateTo({ screen: 'interview', id: result.value.id });
      else setError(result.error);
      return;
    }
    if (invitation) {
      const result = await desk.deeplink.confirmJoin(invitation);
      if (result.ok) navigateTo({ screen: 'interview', id: result.value.id });
      else setError(result.error);
      return;
    }
    const result = await desk.deeplink.open(link.trim());
    if (result.ok) navigateTo(result.value);
    else setError(result.error);
  };
  return (
    <form
      className="form invitation-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="I have an invitation"
    >
      <label htmlFor={ids.link}>Invitation link or Meet link</label>
      <input
        id={ids.link}
        value={link}
        onChange={(e) => setLink(e.target.value)}
        placeholder="interview-desk://join?… or https://meet.google.com/abc-defg-hij"
        aria-describedby={shown ? ids.preview : undefined}
      />
      {shown && (
        <div id={ids.preview} role="status">
          <p>
            {shown.savedId
              ? 'This interview is already saved on this computer:'
              : 'Saving keeps this interview on this computer. Check it is one you expect:'}
          </p>
          <InvitationDetails preview={shown} />
        </div>
      )}
      {isMeet && (
        <div className="row">
          <div>
            <label htmlFor={ids.date}>Interview date</label>
            <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div>
            <label htmlFor={ids.time}>Interview start time</label>
            <input id={ids.time} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
        </div>
      )}
      <ErrorMessage error={error} />
      <button type="submit">{shown?.savedId ? 'Open my interview' : 'Save my interview'}</button>
    </form>
  );
}
