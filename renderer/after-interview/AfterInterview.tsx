import { useState } from 'react';
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
  const started = Date.parse(interview.startUtc) <= now;
  // Once shown, the scorecard stays mounted when a move puts the start ahead again: it reads main's
  // view afresh (closed, so gone as a reload shows it) and keeps words typed but not saved yet.
  const [scorecardShownFor, setScorecardShownFor] = useState<string | undefined>();
  if (started && scorecardShownFor !== interview.id) setScorecardShownFor(interview.id);
  if (interview.origin !== 'recruiter') return null;
  // Main's answers (scorecard open, panel form owed) follow the interview's status and time: each
  // section reads them again on a cancel or a move, made here or elsewhere, without being rebuilt.
  return (
    <>
      {/* Scorecard (renderer/scorecards). */}
      {(started || scorecardShownFor === interview.id) && <ScorecardPanel interview={interview} now={now} />}
      {/* Panel scorecards (renderer/panel-forms). */}
      {interview.coInterviewers.length > 0 && <PanelForms interview={interview} />}
      {/* Transcript and Meet links (renderer/transcript). */}
      {interview.meetLink?.startsWith('https://meet.google.com/') && Date.parse(interview.startUtc) <= now && (
        <TranscriptPanel interview={interview} />
      )}
      {/* Debrief link (renderer/debrief). */}
      <DebriefLink interview={interview} now={now} />
    </>
  );
}
