import type { ScorecardDue } from '../../preload/shared/contract/scorecard-schema';
import { scorecardDueLine } from '../../preload/shared/rules/scorecard-due-line';
import { useNow } from '../common/use-now';

/**
 * "Scorecard due" in the window: quiet (a status, not an alert: nothing is about to start), with the
 * time since the interview ended kept current, a button to the room and Dismiss. After either, focus
 * goes to the screen's content, not to the page's start.
 */
export function ScorecardDueBanner({
  due,
  onOpen,
  onClose,
}: {
  due: ScorecardDue;
  onOpen: () => void;
  onClose: () => void;
}) {
  const now = useNow(60_000);
  const then = (action: () => void) => () => {
    action();
    document.getElementById('main')?.focus();
  };
  return (
    <div className="banner reminder" role="status" data-testid="scorecard-due-banner">
      <span>
        <strong>Scorecard due:</strong> {scorecardDueLine(due, now)}.
      </span>
      <span className="actions">
        <button type="button" onClick={then(onOpen)} aria-label={`Write scorecard for ${due.candidateName}`}>
          Write scorecard
        </button>
        <button type="button" onClick={then(onClose)} aria-label={`Dismiss scorecard due for ${due.candidateName}`}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
