/**
 * The panel's scorecards through Google Forms, as the app runs them: once an interview with a panel
 * has ended, its form is made from the scorecard template, each co-interviewer who attended (all of
 * them when attendance is unknown) is asked an hour after the end and reminded daily until their
 * response arrives, and responses are read back as scorecards. Nothing is asked of Google until the
 * recruiter connects Google Forms (the `drive.file` scope, incrementally). One loop (the shared queue
 * worker) runs it all: one pass at a time, woken when something is next due.
 */
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import type { AttendanceView } from '../../preload/shared/contract/attendance-schema';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { PanelFormsConnection, PanelFormView } from '../../preload/shared/contract/panel-forms-schema';
import type { ScorecardTemplate } from '../../preload/shared/contract/scorecard-schema';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { plannedSpan } from '../../preload/shared/rules/interview-timing';
import type { AccountService } from '../google/account/account-service';
import type { RetryOptions } from '../google/api/retry-policy';
import type { InterviewQueries } from '../interviews/interview-queries';
import type { Database } from '../database/database';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import type { MailTransport } from '../mail/mail-transport';
import type { RenderedEmail } from '../mail/render-email';
import type { ScorecardRequestView } from '../mail/scorecard-request';
import type { EventHub } from '../shared/event-hub';
import { DeskFailure } from '../shared/desk-failure';
import { createQueueWorker, type WorkerTimers } from '../shared/queue-worker';
import { createFormMaker } from './form-maker';
import { createFormsClient, formsScope } from './forms-client';
import { hasPanelForm, panelFormView } from './panel-form-view';
import { createPanelFormsRepository } from './panel-forms-repository';
import { askWindowMs, attendedFromReport, nextMail, type Attended } from './request-plan';
import { createRequestSender, dueRequests, mailGivenUp } from './request-sender';
import { createHeldScorecardMail, heldScorecardsUpTo, type HeldScorecardMail } from './restore-held-requests';
import { unreadableMarkSeenAt } from '../database/restore-hold';
import { createResponseReader, type ReadPacing } from './response-reader';

/** The longest interview the schema allows: how far back a start may lie for its end to be recent. */
const longestInterviewMs = 8 * 3_600_000;

export interface PanelFormsServiceDeps {
  database: Database;
  account: Pick<AccountService, 'status' | 'hasScope' | 'authClient' | 'connect' | 'markNeedsReconnect' | 'onChange'>;
  interviews: Pick<InterviewQueries, 'find' | 'startingBetween'>;
  /** Calls back after interviews change (a panel edited, a move); returns the unsubscribe. */
  onInterviewsChanged?: (listener: () => void) => () => void;
  /** The scorecard template for a job title (the scorecards' own rule). */
  templateFor: (jobTitle: string) => ScorecardTemplate;
  /** Meet attendance of an interview, as the room shows it (who attended). */
  attendance: (interviewId: string) => AttendanceView | undefined;
  mail: { transport(): Promise<MailTransport>; from(): { name: string; address: string } };
  settings: () => Pick<Settings, 'companyName' | 'brandColor'>;
  render: (view: ScorecardRequestView) => RenderedEmail;
  formsApiUrl: string;
  clock: Clock;
  log: Logger;
  events: EventHub;
  /** The recruiter's locale: emails and the form write the interview's day in it. */
  locale?: string;
  timers?: WorkerTimers;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
  pacing?: Partial<ReadPacing>;
  /** When a restored copy of the database was restored, while its review is pending: what was due by then waits. */
  restoreHeldUpTo?: () => number | undefined;
}

/** The panel forms of the app. */
export interface PanelFormsService {
  connection(): PanelFormsConnection;
  /** The room's view of one interview. */
  view(id: string): PanelFormView;
  /** Asks for the Forms scope (incremental consent) unless granted; then makes what is due. */
  connect(): Promise<AccountStatus>;
  /** Reads this interview's responses now (and makes its form or sends what is due first). */
  checkNow(id: string): Promise<PanelFormView>;
  /** Tries a given-up scorecard email again (the room's Resend). */
  resend(id: string, email: string): Promise<PanelFormView>;
  /** The scorecard emails a restored copy holds back, for the restore review. */
  heldAfterRestore: HeldScorecardMail;
  /** Wakes the loop (after the restore review let an email go). */
  wake(): void;
  /** One pass: make due forms, send due requests, read due responses (tests await it). */
  run(): Promise<void>;
  /** Stops; resolves once the pass running now (if any) is over, so nothing writes to a closed database. */
  dispose(): Promise<void> | undefined;
}

/** Creates the service; its first pass runs at once. */
export function createPanelFormsService(deps: PanelFormsServiceDeps): PanelFormsService {
  const { account } = deps;
  const now = () => deps.clock.now();
  const heldUpTo = heldScorecardsUpTo(
    () => deps.restoreHeldUpTo?.(),
    () => unreadableMarkSeenAt(deps.database, now()),
  );
  const repository = createPanelFormsRepository(deps.database);
  const client = createFormsClient({
    auth: () => account.authClient(),
    rootUrl: deps.formsApiUrl,
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.requestTimeoutMs ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
  });
  const markNeedsReconnect = (reason: string) => account.markNeedsReconnect(reason);
  const makeForm = createFormMaker({
    client,
    repository,
    templateFor: deps.templateFor,
    markNeedsReconnect,
    now,
    ...(deps.locale ? { locale: deps.locale } : {}),
  });
  const sendRequests = createRequestSender({
    repository,
    mail: deps.mail,
    settings: deps.settings,
    render: deps.render,
    now,
    log: deps.log,
    heldUpTo,
    ...(deps.locale ? { locale: deps.locale } : {}),
  });
  const readResponses = createResponseReader({
    client,
    repository,
    database: deps.database,
    markNeedsReconnect,
    now,
    log: deps.log,
    ...(deps.pacing ? { pacing: deps.pacing } : {}),
  });

  const connection = (): PanelFormsConnection => {
    const status = account.status();
    if (status.state === 'disconnected') return 'no_account';
    if (status.state === 'needs_reconnect') return 'needs_reconnect';
    return account.hasScope(formsScope) ? 'connected' : 'not_connected';
  };
  const changed = (ids: string[], scorecards = false) => {
    if (ids.length === 0) return;
    deps.events.emit('panelForms:changed', { ids });
    // The room's scorecard section shows the panel's scorecards: it reads them again.
    if (scorecards) deps.events.emit('scorecards:changed', { ids });
  };
  const attendedIn = (interview: Interview) => {
    const view = deps.attendance(interview.id);
    return (email: string): Attended =>
      attendedFromReport(interview.coInterviewers.find((c) => c.email.toLowerCase() === email) ?? {}, view?.report);
  };
  const syncPanel = (interview: Interview) =>
    repository.syncRecipients(
      interview.id,
      interview.coInterviewers.map((c) => ({ email: c.email, name: c.name?.trim() || c.email })),
    );
  /** Interviews with a panel that ended recently enough to be asked about: the ones a pass makes forms for and mails. */
  const recentlyEnded = (at: number): Interview[] =>
    deps.interviews
      .startingBetween(at - askWindowMs - longestInterviewMs, at)
      .filter((i) => hasPanelForm(i) && Date.parse(plannedSpan(i).end) <= at);

  /** Makes the form, sends what is due, reads what is due, for one interview. Throws only a DeskFailure that stops the pass. */
  const passOne = async (interview: Interview): Promise<void> => {
    syncPanel(interview);
    // A restored copy without the form: it may have been made, and the panel asked, after the copy was taken.
    if (heldAfterRestore.holdsForm(interview)) return;
    let form = await makeForm(interview);
    const attended = attendedIn(interview);
    // Responses are read before anything is sent: someone who just answered is not reminded.
    const mailDue =
      dueRequests(interview, form, repository.recipients(interview.id), attended, now(), heldUpTo()).length > 0;
    let scorecards = false;
    if (form.state === 'ready' && (form.nextReadMs <= now() || mailDue)) {
      scorecards = (await readResponses(interview, form)).scorecardsChanged;
      form = repository.form(interview.id) ?? form;
    }
    await sendRequests(interview, form, attended);
    changed([interview.id], scorecards);
  };

  const pass = async (): Promise<'paused' | void> => {
    if (connection() !== 'connected') return;
    try {
      const at = now();
      const recent = recentlyEnded(at);
      for (const interview of recent) await passOne(interview);
      // Older forms are only read (edits still come in); nothing more is sent about them.
      for (const id of repository.dueReads(at)) {
        if (recent.some((i) => i.id === id)) continue;
        const interview = deps.interviews.find(id);
        const form = repository.form(id);
        if (!interview || !form) continue;
        const outcome = await readResponses(interview, form);
        changed([id], outcome.scorecardsChanged);
      }
    } catch (error) {
      if (!(error instanceof DeskFailure)) throw error;
      deps.log.warn(`panel forms paused: ${error.message}`);
      return 'paused';
    }
  };

  /** When the next pass has something to do: a form to make or read, a request due, an interview about to end. */
  const nextDue = (): number | undefined => {
    if (connection() !== 'connected') return undefined;
    const at = now();
    const times: number[] = [];
    const read = repository.nextReadMs();
    if (read !== undefined) times.push(read);
    for (const interview of deps.interviews.startingBetween(at - askWindowMs - longestInterviewMs, at + 86_400_000)) {
      if (!hasPanelForm(interview)) continue;
      const endMs = Date.parse(plannedSpan(interview).end);
      if (endMs > at) {
        times.push(endMs);
        continue;
      }
      const form = repository.form(interview.id);
      // Held for the restore review: it waits for the person's decision, not for a time.
      if (!form && heldAfterRestore.holdsForm(interview)) continue;
      if (!form || form.state === 'creating') times.push(form?.nextReadMs ?? at);
      if (form?.state !== 'ready') continue;
      const attended = attendedIn(interview);
      const held = heldUpTo();
      for (const r of repository.recipients(interview.id)) {
        if (mailGivenUp(r)) continue;
        const next = nextMail(endMs, r, attended(r.email));
        // Held by a restored copy: it waits for the person's decision, not for a time.
        if (next && (held === undefined || next.dueMs > held)) times.push(next.dueMs);
      }
    }
    return times.length ? Math.min(...times) : undefined;
  };

  const worker = createQueueWorker({
    drainOnce: pass,
    nextDue,
    subscribe: (wake) => {
      const unsubscribe = deps.onInterviewsChanged?.(wake);
      const stopAccount = account.onChange((status) => {
        if (status.state === 'connected' && account.hasScope(formsScope)) wake();
      });
      return () => {
        unsubscribe?.();
        stopAccount();
      };
    },
    now,
    pausedRetryMs: 10 * 60_000,
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
  queueMicrotask(() => void worker.drain());

  const view = (id: string): PanelFormView => {
    const interview = deps.interviews.find(id);
    if (!interview) throw new DeskFailure('not_found', 'This interview no longer exists.');
    return panelFormView({
      interview,
      connection: connection(),
      form: repository.form(id),
      recipients: repository.recipients(id),
      attended: attendedIn(interview),
      now: now(),
      ...(heldUpTo() !== undefined ? { heldUpTo: heldUpTo()! } : {}),
    });
  };

  const heldAfterRestore = createHeldScorecardMail({ repository, recentlyEnded, attendedIn, heldUpTo, now });

  return {
    connection,
    view,
    heldAfterRestore,
    wake: () => void worker.drain(),
    async resend(id, email) {
      const interview = deps.interviews.find(id);
      if (!interview) throw new DeskFailure('not_found', 'This interview no longer exists.');
      const person = repository.recipients(id).find((r) => r.email === email.toLowerCase());
      if (!person || !mailGivenUp(person))
        throw new DeskFailure('invalid_input', 'This scorecard email is not waiting to be sent again.', 'email');
      const endMs = Date.parse(plannedSpan(interview).end);
      if (!nextMail(endMs, { ...person, mailRetryMs: undefined }, attendedIn(interview)(person.email)))
        throw new DeskFailure(
          'invalid_input',
          'Too late to ask for this scorecard: the interview ended more than six days ago.',
          'email',
        );
      // Tried again from now, with a fresh count of attempts; the last problem stays shown until it goes.
      repository.updateRecipient(id, person.email, { mailAttempts: 0, mailRetryMs: now() });
      await worker.drain();
      return view(id);
    },
    async connect() {
      if (connection() === 'connected') {
        void worker.drain();
        return account.status();
      }
      return account.connect([formsScope]);
    },
    async checkNow(id) {
      const interview = deps.interviews.find(id);
      if (!interview) throw new DeskFailure('not_found', 'This interview no longer exists.');
      if (connection() !== 'connected')
        throw new DeskFailure(
          'needs_reconnect',
          'Connect Google Forms first: Interview Desk reads the responses with it.',
        );
      // "Check now" reads whatever the backoff planned: the recruiter asked. The pass runs after the one
      // running now, if any, so nothing is made or sent twice.
      const form = repository.form(id);
      if (form && (form.state === 'ready' || form.state === 'creating'))
        repository.saveForm({ ...form, nextReadMs: Math.min(form.nextReadMs, now()) });
      await worker.drain();
      return view(id);
    },
    run: () => worker.drain(),
    dispose: () => worker.dispose(),
  };
}
