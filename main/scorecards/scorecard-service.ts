/**
 * The recruiter's scorecard for an interview and who sees what: a draft is kept as typed, Submit
 * records it (a later change is marked as an edit), and the others' scorecards leave main only
 * while the visibility rule allows. Writing opens once the interview has started; never for a
 * cancelled interview or a candidate's saved copy.
 */
import type { Clock } from '../platform/clock';
import type { EventHub } from '../shared/event-hub';
import type { UnitOfWork } from '../database/database';
import type { InterviewQueries } from '../interviews/interview-queries';
import { DeskFailure } from '../shared/desk-failure';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type {
  Scorecard,
  ScorecardAnswers,
  ScorecardInput,
  ScorecardView,
} from '../../preload/shared/contract/scorecard-schema';
import { othersVisible } from '../../preload/shared/rules/scorecard-visibility';
import type { ScorecardRepository } from './scorecard-repository';
import type { TemplateStore } from './template-store';

export interface ScorecardServiceDeps {
  unitOfWork: UnitOfWork;
  repository: ScorecardRepository;
  templates: Pick<TemplateStore, 'templateFor'>;
  interviews: Pick<InterviewQueries, 'get'>;
  /** Settings → Scorecards: see the others' before submitting one's own. */
  showOthersBeforeSubmit: () => boolean;
  /** The recruiter's name and address (the account's, or Settings' without Google). */
  recruiter: () => { name: string; email: string } | null;
  clock: Clock;
  events: EventHub;
}

/** The room's scorecard calls. */
export interface ScorecardService {
  view(interviewId: string): ScorecardView;
  saveDraft(input: ScorecardInput): ScorecardView;
  submit(input: ScorecardInput): ScorecardView;
}

const notYours = 'Scorecards are kept only for interviews you scheduled';

/** Whether the recruiter may write the interview's scorecard at `now`, and if not, why in the room's words. */
export function writeRefusal(interview: Interview, now: number): string | undefined {
  if (interview.origin !== 'recruiter') return notYours;
  if (interview.status === 'cancelled') return 'This interview was cancelled: there is no scorecard to write';
  if (Date.parse(interview.startUtc) > now) return 'The scorecard opens once the interview has started';
  return undefined;
}

// Compared key by key in sorted order: the stored copy and the typed one may list keys differently.
const canonical = (value: unknown): unknown =>
  value && typeof value === 'object'
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v)]),
      )
    : value;
const sameAnswers = (a: ScorecardAnswers, b: ScorecardAnswers) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Creates the service. */
export function createScorecardService(deps: ScorecardServiceDeps): ScorecardService {
  const view = (interviewId: string): ScorecardView => {
    const interview = deps.interviews.get(interviewId);
    if (interview.origin !== 'recruiter') throw new DeskFailure('forbidden', notYours);
    const own = deps.repository.own(interview.id);
    const others = deps.repository.others(interview.id);
    const visible = othersVisible(own, deps.showOthersBeforeSubmit());
    return {
      interviewId: interview.id,
      open: writeRefusal(interview, deps.clock.now()) === undefined,
      template: deps.templates.templateFor(interview.jobTitle),
      ...(own ? { own } : {}),
      others: visible ? others : [],
      hiddenOthers: visible ? 0 : others.length,
    };
  };

  const write = (input: ScorecardInput, submitting: boolean): ScorecardView => {
    const now = deps.clock.now();
    const at = new Date(now).toISOString();
    deps.unitOfWork.transaction(() => {
      const interview = deps.interviews.get(input.interviewId);
      const refusal = writeRefusal(interview, now);
      if (refusal) throw new DeskFailure('forbidden', refusal);
      const existing = deps.repository.own(interview.id);
      // A scorecard keeps the criteria it was first written against: a later template edit changes nothing here.
      const template = deps.templates.templateFor(interview.jobTitle);
      const criteria = existing?.criteria ?? template.criteria;
      const known = new Set(criteria.map((c) => c.id));
      if (Object.keys(input.answers.ratings).some((id) => !known.has(id)))
        throw new DeskFailure(
          'invalid_input',
          'This scorecard has changed since the room opened: reload it, your text is kept on screen',
          'answers.ratings',
        );
      if (submitting && !input.answers.overall)
        throw new DeskFailure('invalid_input', 'Choose an overall recommendation, or No decision', 'answers.overall');
      const submitted = existing?.state === 'submitted';
      if (existing && sameAnswers(existing.answers, input.answers) && (submitted || !submitting)) return;
      const author = deps.recruiter() ?? existing?.author ?? { name: 'You', email: '' };
      const next: Scorecard = {
        interviewId: interview.id,
        author: { kind: 'recruiter', name: author.name, email: author.email },
        source: 'app',
        templateName: existing?.templateName ?? template.name,
        criteria,
        answers: input.answers,
        state: submitted || submitting ? 'submitted' : 'draft',
        ...(existing?.submittedAt ? { submittedAt: existing.submittedAt } : submitting ? { submittedAt: at } : {}),
        ...(submitted ? { editedAt: at } : existing?.editedAt ? { editedAt: existing.editedAt } : {}),
        updatedAt: at,
      };
      deps.repository.putOwn(next);
      deps.unitOfWork.afterCommit(() => deps.events.emit('scorecards:changed', { ids: [interview.id] }));
    });
    return view(input.interviewId);
  };

  return {
    view,
    saveDraft: (input) => write(input, false),
    submit: (input) => write(input, true),
  };
}
