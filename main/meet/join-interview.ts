import type { Settings } from '../../preload/shared/contract/settings-schema';
import { joinPhase, joinWindow } from '../../preload/shared/rules/interview-timing';
import { formatInstant, timeStyleOf, type TimeStyle } from '../../preload/shared/rules/time-format';
import type { InterviewQueries } from '../interviews/interview-queries';
import type { InterviewCommands } from '../interviews/interview-commands';
import type { Clock } from '../platform/clock';
import { DeskFailure } from '../shared/desk-failure';
import { requireMeetJoinUrl, type MeetLauncher } from './meet-launcher';

/** What joining an interview needs: the stored interviews, the join-window settings, the time and a Meet opener. */
export interface JoinInterviewDeps {
  interviews: InterviewQueries;
  commands: Pick<InterviewCommands, 'recordJoin' | 'recordLeave'>;
  settings: () => Settings;
  clock: Clock;
  launcher: MeetLauncher;
  /** How the recruiter writes a time (the system's regional format; 24 hours when absent). */
  timeStyle?: TimeStyle;
}

/**
 * Creates the join rule: only inside the join window, only for a live interview with a Meet link,
 * in the app window when asked and there is one, otherwise the browser; the join (and leave) is recorded.
 */
export function createJoinInterview(deps: JoinInterviewDeps) {
  return async (id: string, via: 'app' | 'browser'): Promise<{ via: 'app' | 'browser' }> => {
    const { interviews, commands, launcher } = deps;
    const interview = interviews.get(id);
    const current = deps.settings();
    const phase = joinPhase(interview, current, deps.clock.now());
    if (interview.status === 'cancelled') throw new DeskFailure('invalid_input', 'This interview was cancelled.', 'id');
    if (phase === 'before') {
      throw new DeskFailure(
        'invalid_input',
        `Joining opens ${current.joinOpensMinutesBefore} minutes before the start, at ${formatInstant(joinWindow(interview, current).opensAt, interview.timeZone, deps.timeStyle ?? timeStyleOf(undefined), { date: 'weekday', zoneName: 'short' })}.`,
        'join',
      );
    }
    if (phase === 'after')
      throw new DeskFailure('invalid_input', 'This interview has ended. Reschedule it to meet again.', 'join');
    if (!interview.meetLink)
      throw new DeskFailure('invalid_input', 'There is no Meet link yet. Paste one or wait for Google.', 'meetLink');
    const link = requireMeetJoinUrl(interview.meetLink);
    if (via === 'app' && (await launcher.openInApp(interview, () => commands.recordLeave(id)))) {
      commands.recordJoin(id, 'app');
      return { via: 'app' };
    }
    await launcher.openInBrowser(link);
    commands.recordJoin(id, 'browser');
    return { via: 'browser' };
  };
}
