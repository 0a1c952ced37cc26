import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { ScorecardPanel } from '../scorecards/ScorecardPanel';
import { PanelForms } from '../panel-forms/PanelForms';
import { DebriefLink } from '../debrief/DebriefLink';
import { TranscriptPanel } from '../transcript/TranscriptPanel';

/**
 * What the room shows once the interview has started, in reading order: the recruiter's scorecard,
 * the panel's, Meet's transcript and links, and the way to the debrief. Recruiter mode only: the
 * candidate's room never renders this.
 */
export function AfterInterview({
  interview,
  settings,
  now,
}: {
  interview: Interview;
  settings: Settings;
  now: number;
}) {
  void settings;
  void now;
  if (interview.origin !== 'recruiter') return null;
  // Main's answers (scorecard open, panel form owed) follow the interview's status and time: a cancel
  // or a move, made here or elsewhere, loads them afresh, as a reload would (a waiting draft is saved).
  const loadedFor = `${interview.status} ${interview.startUtc} ${interview.durationMinutes}`;
  return (
    <>
      {/* Scorecard (renderer/scorecards). */}
      {Date.parse(interview.startUtc) <= now && <ScorecardPanel key={`scorecard-${loadedFor}`} interview={interview} />}
      {/* Panel scorecards (renderer/panel-forms). */}
      {interview.coInterviewers.length > 0 && <PanelForms key={`panel-forms-${loadedFor}`} interview={interview} />}
      {/* Transcript and Meet links (renderer/transcript). */}
      {interview.meetLink?.startsWith('https://meet.google.com/') && Date.parse(interview.startUtc) <= now && (
        <TranscriptPanel interview={interview} />
      )}
      {/* Debrief link (renderer/debrief). */}
      <DebriefLink interview={interview} now={now} />
    </>
  );
}
