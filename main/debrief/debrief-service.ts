/**
 * The debrief service: one interview's debrief, or every interview with its candidate, with the text
 * "Copy as text" copies; and "Save as PDF" through the shell when the desktop app gives one.
 * Recruiter mode only: a candidate's or co-interviewer's saved copy has no debrief.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { AttendanceView } from '../../preload/shared/contract/attendance-schema';
import type { Debrief, DebriefQuery, SavedPdf } from '../../preload/shared/contract/debrief-schema';
import type { PanelFormView } from '../../preload/shared/contract/panel-forms-schema';
import type { ArtifactsView } from '../../preload/shared/contract/transcript-schema';
import type { TimeStyle } from '../../preload/shared/rules/time-format';
import type { Clock } from '../platform/clock';
import { DeskFailure } from '../shared/desk-failure';
import type { DebriefSources } from './debrief-sources';
import { buildDebriefInterview } from './debrief-view';
import { othersVisible } from '../../preload/shared/rules/scorecard-visibility';
import type { Scorecard } from '../../preload/shared/contract/scorecard-schema';
import { debriefText } from './debrief-text';
import { pdfFileName } from './pdf-file-name';

export interface DebriefDeps {
  interviews: {
    get(id: string): Interview;
    /** Whole interviews with these ids ('' matches all). */
    matching(ids: string[], query: string): Interview[];
  };
  /** The stored scorecards (the scorecards feature's repository): the recruiter's own and everyone else's. */
  scorecards: { own(interviewId: string): Scorecard | undefined; others(interviewId: string): Scorecard[] };
  sources: DebriefSources;
  /** The room's attendance view of an interview (what Google Meet said, or why nothing is known). */
  attendance: (id: string) => AttendanceView | undefined;
  /** The room's panel section of an interview (scorecard requests through Google Forms). */
  panel?: (id: string) => PanelFormView | undefined;
  /** The room's view of Meet's artifacts of an interview. */
  meet?: (id: string) => ArtifactsView | undefined;
  /** Settings: show others' scorecards before the recruiter's own is submitted. */
  showOthersBeforeSubmit: () => boolean;
  clock: Clock;
  /** The recruiter's way of writing times (the copied text). */
  timeStyle: TimeStyle;
  /** Prints the window showing the debrief to a PDF the person places (desktop only). */
  savePdf?: (fileName: string) => Promise<SavedPdf>;
}

/** The debrief for the screen and its exports. */
export interface DebriefService {
  get(query: DebriefQuery): Debrief;
  savePdf(query: DebriefQuery): Promise<SavedPdf>;
}

/** Creates the debrief service. */
export function createDebriefService(deps: DebriefDeps): DebriefService {
  const recruiterInterview = (id: string) => {
    const interview = deps.interviews.get(id);
    if (interview.origin !== 'recruiter')
      throw new DeskFailure('forbidden', 'A debrief is only for interviews you schedule in Interview Desk.', 'id');
    return interview;
  };

  const build = (interview: Interview) => {
    const own = deps.scorecards.own(interview.id);
    return buildDebriefInterview({
      interview,
      own,
      others: deps.scorecards.others(interview.id),
      othersShown: othersVisible(own, deps.showOthersBeforeSubmit()),
      attendance: deps.attendance(interview.id),
      links: deps.sources.links(interview.id),
      transcriptEntries: deps.sources.transcriptEntries(interview.id),
      panel: deps.panel?.(interview.id),
      meet: deps.meet?.(interview.id),
    });
  };

  // The candidate's interviews that have begun (the one asked for always), oldest first.
  const candidateInterviews = (interview: Interview) => {
    const now = deps.clock.now();
    return deps.interviews
      .matching(deps.sources.candidateInterviewIds(interview.candidate.email), '')
      .filter((i) => i.id === interview.id || (i.status === 'scheduled' && Date.parse(i.startUtc) <= now))
      .sort((a, b) => a.startUtc.localeCompare(b.startUtc) || a.id.localeCompare(b.id));
  };

  const get = (query: DebriefQuery): Debrief => {
    const interview = recruiterInterview(query.id);
    const list = query.scope === 'candidate' ? candidateInterviews(interview) : [interview];
    const debrief = {
      scope: query.scope,
      candidate: { name: interview.candidate.name, email: interview.candidate.email },
      interviews: list.map(build),
    };
    return { ...debrief, text: debriefText(debrief, deps.timeStyle) };
  };

  return {
    get,
    async savePdf(query) {
      const debrief = get(query);
      if (!deps.savePdf)
        throw new DeskFailure(
          'unavailable',
          'Saving as PDF works in the desktop app. In the browser, use Print and choose “Save as PDF”.',
        );
      const only = debrief.interviews.length === 1 ? debrief.interviews[0] : undefined;
      return deps.savePdf(
        pdfFileName(debrief.candidate.name, query.scope === 'interview' ? only?.jobTitle : undefined),
      );
    },
  };
}
