import { useState } from 'react';
import type { CandidateWaiting } from '../../preload/shared/contract/attendance-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { waitingLine } from '../../preload/shared/rules/waiting-line';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { useNow } from '../common/use-now';

/** "Ada Lovelace joined 2 minutes ago and is waiting", kept current, with Join (the recruiter's usual way) and Open. */
export function WaitingBanner({
  waiting,
  joinVia,
  onClose,
}: {
  waiting: CandidateWaiting;
  joinVia: 'app' | 'browser';
  onClose: () => void;
}) {
  const now = useNow(15_000);
  const [error, setError] = useState<DeskError | undefined>();
  const join = async () => {
    const result = await desk.interviews.join({ id: waiting.interviewId, via: joinVia });
    if (result.ok) onClose();
    else setError(result.error);
  };
  return (
    <div className="banner reminder" role="alert" data-testid="waiting-banner">
      <span>
        <strong>
          {waitingLine(
            {
              displayName: waiting.displayName ?? '',
              since: waiting.since ?? new Date(now).toISOString(),
              identified: waiting.identified ?? false,
            },
            now,
          )}
        </strong>{' '}
        {waiting.identified
          ? `in the ${waiting.jobTitle} interview.`
          : `in the interview with ${waiting.candidateName} (${waiting.jobTitle}).`}
        <ErrorMessage error={error} />
      </span>
      <span className="actions">
        <button type="button" className="primary" onClick={() => void join()}>
          Join
        </button>
        <a href={`#/interview/${waiting.interviewId}`}>Open</a>
        <button type="button" onClick={onClose}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
