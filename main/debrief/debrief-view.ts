/**
 * One interview's debrief from what is stored: each interviewer's recommendation and takeaways, the
 * criteria × interviewer table, attendance and Meet's links. Pure: it lays out what people said and
 * never weighs it into a verdict.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Scorecard } from '../../preload/shared/contract/scorecard-schema';
import type { AttendanceView } from '../../preload/shared/contract/attendance-schema';
import type {
  DebriefCriterion,
  DebriefInterview,
  DebriefInterviewer,
} from '../../preload/shared/contract/debrief-schema';
import { plannedSpan } from '../../preload/shared/rules/interview-timing';
import { attendanceOutcomeWords, lateWords, minutesWords } from '../../preload/shared/rules/attendance-words';
import { hiddenOthersLine } from '../../preload/shared/rules/scorecard-visibility';
import type { PanelFormView } from '../../preload/shared/contract/panel-forms-schema';
import type { ArtifactsView } from '../../preload/shared/contract/transcript-schema';
import type { ArtifactLink } from './debrief-sources';

/** Everything one interview's debrief is built from. */
export interface DebriefInputs {
  interview: Interview;
  /** The recruiter's own scorecard (a draft too), written in the app. */
  own: Scorecard | undefined;
  /** Everyone else's: the panel's through its Google Form. */
  others: Scorecard[];
  /** Whether others' scorecards may be shown now (the visibility rule, applied by the caller). */
  othersShown: boolean;
  attendance: AttendanceView | undefined;
  links: ArtifactLink[];
  transcriptEntries: number;
  /** The room's panel section: who was asked for a scorecard, when, and whether Forms is connected. */
  panel?: PanelFormView | undefined;
  /** The room's view of Meet's artifacts (where reading them stands, or why there is nothing). */
  meet?: ArtifactsView | undefined;
}

const linkLabels: Record<ArtifactLink['kind'], string> = {
  transcript: 'Transcript (Google Docs)',
  recording: 'Recording (Google Drive)',
  smart_notes: 'Gemini notes (Google Docs)',
};

const key = (email: string) => email.trim().toLowerCase();

/** Who attended, in words: Meet's verdict and lateness, or why it is not known. */
export function attendanceLines(view: AttendanceView | undefined): string[] {
  const report = view?.report;
  if (report) {
    return [
      attendanceOutcomeWords[report.outcome] + (report.final ? '' : ' (the meeting may still be going on)'),
      `Interviewer: ${lateWords(report.interviewerLateMinutes)}. Candidate: ${lateWords(report.candidateLateMinutes)}.`,
      report.together ? `${minutesWords(report.together.minutes)} together.` : 'Not together in the call.',
    ];
  }
  if (!view || view.connection !== 'connected') return ['Attendance from Google Meet is not connected.'];
  if (view.fetch.message) return [view.fetch.message];
  return ['Attendance has not been read from Google Meet yet.'];
}

/** The recruiter first, then the panel in its order, then anyone else who sent a scorecard (taken off the panel since). */
function interviewerList(interview: Interview, others: Scorecard[]) {
  const people: Array<{ name: string; email: string; kind: DebriefInterviewer['kind'] }> = [
    { name: interview.recruiter.name, email: interview.recruiter.email, kind: 'recruiter' },
    ...interview.coInterviewers.map((c) => ({ name: c.name || c.email, email: c.email, kind: 'panelist' as const })),
  ];
  for (const card of others) {
    if (!people.some((p) => key(p.email) === key(card.author.email)))
      people.push({ name: card.author.name || card.author.email, email: card.author.email, kind: 'panelist' });
  }
  return people;
}

/** What stands where hidden scorecards would be, or nothing when nothing is held back. */
function hiddenNote(count: number): string | undefined {
  if (count === 0) return undefined;
  return `Others' scorecards stay hidden until yours is submitted (Settings → Scorecards). ${hiddenOthersLine(count)}`;
}

/** Builds one interview's debrief. */
export function buildDebriefInterview(inputs: DebriefInputs): DebriefInterview {
  const { interview } = inputs;
  const people = interviewerList(interview, inputs.others);
  const cardOf = (person: (typeof people)[number]) =>
    person.kind === 'recruiter' ? inputs.own : inputs.others.find((c) => key(c.author.email) === key(person.email));
  let hidden = 0;
  const shown: Array<Scorecard | undefined> = [];
  const interviewers: DebriefInterviewer[] = people.map((person) => {
    const card = cardOf(person);
    const request = inputs.panel?.applies
      ? inputs.panel.people.find((p) => key(p.email) === key(person.email))
      : undefined;
    const base = { name: person.name, email: person.email, kind: person.kind, ...(request ? { request } : {}) };
    // Another interviewer's draft is theirs until they submit it; the recruiter sees their own.
    if (!card || (card.state === 'draft' && person.kind !== 'recruiter')) {
      shown.push(undefined);
      return { ...base, state: 'missing' };
    }
    if (person.kind !== 'recruiter' && !inputs.othersShown) {
      hidden++;
      shown.push(undefined);
      return { ...base, state: 'hidden', source: card.source };
    }
    shown.push(card);
    return {
      ...base,
      state: card.state,
      source: card.source,
      ...(card.answers.overall ? { overall: card.answers.overall } : {}),
      ...(card.answers.takeaways ? { takeaways: card.answers.takeaways } : {}),
      ...(card.submittedAt ? { submittedAt: card.submittedAt } : {}),
      ...(card.editedAt ? { editedAt: card.editedAt } : {}),
    };
  });
  const note = hiddenNote(hidden);
  return {
    interviewId: interview.id,
    candidate: { name: interview.candidate.name, email: interview.candidate.email },
    jobTitle: interview.jobTitle,
    startUtc: interview.startUtc,
    endUtc: plannedSpan(interview).end,
    timeZone: interview.timeZone,
    cancelled: interview.status === 'cancelled',
    interviewers,
    criteria: criteriaTable(shown),
    ...(note ? { hiddenNote: note } : {}),
    attendance: attendanceLines(inputs.attendance),
    links: inputs.links.map((l) => ({ kind: l.kind, label: linkLabels[l.kind], url: l.url })),
    ...(inputs.panel?.applies ? { formsConnection: inputs.panel.connection } : {}),
    ...(inputs.meet ? { meet: { ...inputs.meet, entries: [] } } : {}),
    transcriptEntries: inputs.transcriptEntries,
  };
}

/**
 * The criteria × interviewer table: every criterion any shown scorecard rated, in the order first met
 * (the recruiter's template first), with one cell per interviewer (empty where not shown or not asked).
 */
function criteriaTable(cards: Array<Scorecard | undefined>): DebriefCriterion[] {
  const rows: DebriefCriterion[] = [];
  for (const card of cards) {
    for (const criterion of card?.criteria ?? []) {
      if (!rows.some((r) => r.id === criterion.id)) rows.push({ id: criterion.id, name: criterion.name, cells: [] });
    }
  }
  for (const row of rows) {
    row.cells = cards.map((card) => {
      const answer = card?.criteria.some((c) => c.id === row.id) ? card.answers.ratings[row.id] : undefined;
      return {
        ...(answer?.rating ? { rating: answer.rating } : {}),
        ...(answer?.note ? { note: answer.note } : {}),
      };
    });
  }
  return rows;
}
