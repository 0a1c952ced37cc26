import { useEffect, useRef, useState } from 'react';
import type { RestorePending } from '../../preload/shared/contract/ipc-contract';
import type { DeskError, Result } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { ErrorMessage } from '../common/ErrorMessage';
import { formatDateTime, systemTimeZone } from '../common/format';

type Message = RestorePending['messages'][number];

const kindWords: Record<Message['kind'], string> = {
  invitation: 'Invitation',
  update: 'Update',
  cancellation: 'Cancellation',
  reminder: 'Reminder',
  scorecard_request: 'Scorecard request',
  scorecard_reminder: 'Scorecard reminder',
};

/** A scorecard email is about the interview, not to its candidate: "(Ada Lovelace, Compiler Engineer)". */
const isScorecard = (m: Message) => m.kind === 'scorecard_request' || m.kind === 'scorecard_reminder';

/** One waiting message in the list's words. */
const messageWords = (m: Message) =>
  isScorecard(m)
    ? `${kindWords[m.kind]} to ${m.recipientName} (${m.candidateName}, ${m.jobTitle})`
    : `${kindWords[m.kind]} to ${m.recipientName} about ${m.candidateName} (${m.jobTitle})`;

/**
 * The mail a restored copy of the data held back, for the person to send or drop: none of it goes
 * out on its own (some may have gone out after the copy was saved, whether the copy came back after damage,
 * by hand or from a newer version's data). Shown while any waits.
 */
export function RestoreReview() {
  const pending = useCall(() => desk.restore.pending());
  const [error, setError] = useState<DeskError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Google Calendar read again (times may have changed): the list is read again too.
  const { reload } = pending;
  useEffect(() => desk.on('sync:finished', () => void reload()), [reload]);
  // A panel's form made since (its scorecard emails due by the restore join the list), or one sent: read again.
  useEffect(() => desk.on('panelForms:changed', () => void reload()), [reload]);

  const messages = pending.value?.messages ?? [];
  if (messages.length === 0) return null;

  const decide = async (run: () => Promise<Result<RestorePending>>) => {
    if (busy) return;
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (result.ok) {
      setError(undefined);
      pending.setValue(result.value);
      // The button pressed is gone with its message: focus stays in the list, or goes to the page once it is empty.
      requestAnimationFrame(() => (heading.current ?? document.getElementById('main'))?.focus());
    } else {
      setError(result.error);
      void pending.reload();
    }
  };
  const all = messages.map((m) => m.key);
  const zone = systemTimeZone();

  return (
    <section className="restore-review" aria-labelledby="restore-review-title">
      <h2 id="restore-review-title" ref={heading} tabIndex={-1}>
        Messages waiting from the restored copy
      </h2>
      <p aria-live="polite">{busy ? 'Working…' : ''}</p>
      <p>
        These messages were waiting when the copy was saved. Some may already have gone out after that, so none is sent
        until you choose.
        {!pending.value?.calendarRead &&
          ' Google Calendar has not been read again yet, so some times may still change.'}
      </p>
      <ErrorMessage error={error ?? pending.error} />
      <ul className="restore-list" aria-label="Waiting messages">
        {messages.map((m) => {
          const what = messageWords(m);
          return (
            <li key={m.key}>
              <span>
                {what}, {isScorecard(m) ? 'due' : 'queued'} {formatDateTime(m.queuedAt, zone)}
                {m.oldTime && (
                  <strong className="old-time">
                    {' '}
                    — written for an old time: Google Calendar has a different time, status or link for this interview
                  </strong>
                )}
              </span>
              <span className="actions">
                <button
                  type="button"
                  aria-label={`Send: ${what}`}
                  onClick={() => void decide(() => desk.restore.send({ keys: [m.key] }))}
                >
                  Send
                </button>
                <button
                  type="button"
                  aria-label={`Drop: ${what}`}
                  onClick={() => void decide(() => desk.restore.drop({ keys: [m.key] }))}
                >
                  Drop
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void decide(() => desk.restore.send({ keys: all }))}>
          Send all
        </button>
        <button type="button" onClick={() => void decide(() => desk.restore.drop({ keys: all }))}>
          Drop all
        </button>
      </div>
    </section>
  );
}
