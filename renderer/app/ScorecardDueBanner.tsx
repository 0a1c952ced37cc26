import type { ScorecardDue } from '../../preload/shared/contract/scorecard-schema';
import { scorecardDueLine } from '../../preload/shared/rules/scorecard-due-line';
import { useNow } from '../common/use-now';

/**
 * "Scorecard due" in the window: one quiet banner however many are due (a status, not an alert:
 * nothing is about to start), so the screen's own actions stay in sight. It names the interview that
 * ended last, counts the rest, opens that one's room, and Dismiss puts away every one it counts. After
 * either, focus goes to the screen's content, not to the page's start.
 */
export function ScorecardDueBanner({
  dues,
  onOpen,
  onClose,
}: {
  dues: readonly ScorecardDue[];
  onOpen: (due: ScorecardDue) => void;
  onClose: (dues: readonly ScorecardDue[]) => void;
}) {
  const now = useNow(60_000);
  const latest = dues.reduce<ScorecardDue | undefined>(
    (best, due) => (!best || Date.parse(due.endUtc) > Date.parse(best.endUtc) ? due : best),
    undefined,
  );
  if (!latest) return null;
  const more = dues.length - 1;
  const then = (action: () => void) => () => {
    action();
    document.getElementById('main')?.focus();
  };
  return (
    <div className="banner reminder" role="status" data-testid="scorecard-due-banner">
      <span>
        <strong>{more > 0 ? `${dues.length} scorecards due:` : 'Scorecard due:'}</strong>{' '}
        {scorecardDueLine(latest, now)}
        {more > 0 ? `, and ${more} more ${more === 1 ? 'interview' : 'interviews'}.` : '.'}
      </span>
      <span className="actions">
        <button
          type="button"
          onClick={then(() => onOpen(latest))}
          aria-label={`Write scorecard for ${latest.candidateName}`}
        >
          Write scorecard
        </button>
        <button
          type="button"
          onClick={then(() => onClose(dues))}
          aria-label={
            more > 0 ? `Dismiss ${dues.length} scorecards due` : `Dismiss scorecard due for ${latest.candidateName}`
          }
        >
          Dismiss
        </button>
      </span>
    </div>
  );
}
