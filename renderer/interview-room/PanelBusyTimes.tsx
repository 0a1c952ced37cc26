import { plannedSpan } from '../../preload/shared/rules/interview-timing';
import { useMemo } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { useSettings } from '../bridge/live-copies';
import { dayKey } from '../common/format';
import { FindTimePanel } from '../schedule/FindTimePanel';
import { useFreeBusy } from '../schedule/use-free-busy';
import type { PanelRow } from '../common/use-settled-panel';

/**
 * The panel editor's busy times: the schedule form's timeline for the interview's day, everyone as the
 * panel is being edited, the interview drawn across it. The interview's own event is left out of the
 * busy time of whoever already has it (you and the panel as saved); a newcomer's calendar counts as it is.
 */
export function PanelBusyTimes({
  interview,
  rows,
  settled,
}: {
  interview: Interview;
  rows: PanelRow[];
  settled: string[];
}) {
  const settings = useSettings();
  const date = dayKey(interview.startUtc, interview.timeZone);
  const freeBusy = useFreeBusy(date, interview.timeZone, settled, interview.id);
  const own = useMemo(
    () => plannedSpan({ startUtc: interview.startUtc, durationMinutes: interview.durationMinutes }),
    [interview.startUtc, interview.durationMinutes],
  );
  const invited = useMemo(
    () => ['recruiter', ...interview.coInterviewers.map((p) => p.email.toLowerCase())],
    [interview.coInterviewers],
  );
  return (
    <FindTimePanel
      freeBusy={freeBusy}
      date={date}
      zone={interview.timeZone}
      candidateZone={interview.candidate.timeZone ?? ''}
      panel={rows}
      proposal={own}
      durationMinutes={interview.durationMinutes}
      settings={settings.value}
      own={own}
      ownHeldBy={invited}
    />
  );
}
