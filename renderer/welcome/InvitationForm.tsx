import { useId, useState, type FormEvent } from 'react';
import type { DeskError } from '../../preload/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { systemTimeZone } from '../common/format';
import { navigateTo } from '../app/use-hash-route';

/** Candidate mode: paste the invitation's "Open in Interview Desk" link, or a Meet link and the time. */
export function InvitationForm() {
  const [link, setLink] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<DeskError | undefined>();
  const ids = { link: useId(), date: useId(), time: useId() };
  const isMeet = /^\s*https:\/\/meet\.google\.com\//.test(link);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isMeet) {
      const result = await desk.candidate.save({ meetLink: link.trim(), date, time, timeZone: systemTimeZone() });
      if (result.ok) navigateTo({ screen: 'interview', id: result.value.id });
      else setError(result.error);
      return;
    }
    const result = await desk.deeplink.open(link.trim());
    if (result.ok) navigateTo(result.value);
    else setError(result.error);
  };
  return (
    <form className="form invitation-form" onSubmit={(e) => void submit(e)} noValidate aria-label="I have an invitation">
      <label htmlFor={ids.link}>Invitation link or Meet link</label>
      <input id={ids.link} value={link} onChange={(e) => setLink(e.target.value)} placeholder="interview-desk://join?… or https://meet.google.com/abc-defg-hij" />
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
      <button type="submit">Save my interview</button>
    </form>
  );
}
