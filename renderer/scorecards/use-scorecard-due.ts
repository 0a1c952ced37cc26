import { useEffect } from 'react';
import type { NavigateTarget } from '../../preload/shared/contract/ipc-contract';
import { desk } from '../bridge/desk';
import { notifyInBrowser } from '../app/browser-notifications';

/**
 * "Scorecard due" in web mode: main's `scorecards:due` event becomes the browser's notification
 * (the desktop app shows a native one); clicking it opens the interview's room. Recruiter words
 * only: the event carries no scorecard content.
 */
export function useScorecardDue(navigate: (target: NavigateTarget) => void): void {
  useEffect(
    () =>
      desk.on('scorecards:due', (due) =>
        notifyInBrowser({
          title: 'Scorecard due',
          body: `Write your scorecard for ${due.candidateName} · ${due.jobTitle} while it is fresh.`,
          tag: `scorecard-due-${due.interviewId}`,
          onClick: () => navigate({ screen: 'interview', id: due.interviewId }),
        }),
      ),
    [navigate],
  );
}
