/**
 * The part of the composition root for what happens after the interview: Meet's transcript and links,
 * scorecards and their templates, the panel's Google Forms and the debrief — built from the services
 * the root already made, registered for disposal, with their handlers. Composes only.
 */
import type { Database } from '../database/database';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import type { AppConfig } from '../config/env-config';
import type { EventHub } from '../shared/event-hub';
import type { DisposableStore } from '../shared/disposable-store';
import type { SettingsService } from '../settings/settings-service';
import type { AccountService } from '../google/account/account-service';
import type { InterviewQueries } from '../interviews/interview-queries';
import type { InterviewCommands } from '../interviews/interview-commands';
import type { AttendanceService } from '../attendance/attendance-service';
import type { MailSetup } from '../mail/mail-setup';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { SavedPdf } from '../../preload/shared/contract/debrief-schema';
import type { TimeStyle } from '../../preload/shared/rules/time-format';
import { createEmailRenderer } from '../mail/render-email';
import type { ScorecardRequestView } from '../mail/scorecard-request';
import { createMeetArtifacts } from '../meet-artifacts/artifact-service';
import { createScorecards } from '../scorecards/scorecards';
import { createScorecardRepository } from '../scorecards/scorecard-repository';
import { createPanelFormsService, type PanelFormsService } from '../panel-forms/panel-forms-service';
import { createDebriefService } from '../debrief/debrief-service';
import { createDebriefSources } from '../debrief/debrief-sources';
import { tuned, type ServiceTuning } from './service-tuning';
import { artifactsHandlers } from './handlers/artifacts-handlers';
import { scorecardsHandlers } from './handlers/scorecards-handlers';
import { panelformsHandlers } from './handlers/panelforms-handlers';
import { debriefHandlers } from './handlers/debrief-handlers';

/** What the after-interview services take from the rest of the app. */
export interface AfterInterviewDeps {
  database: Database;
  config: Pick<AppConfig, 'google'>;
  clock: Clock;
  log: Logger;
  templatesDir: string;
  tuning: ServiceTuning;
  disposables: DisposableStore;
  events: EventHub;
  settings: SettingsService;
  account: AccountService;
  interviews: InterviewQueries;
  commands: InterviewCommands;
  attendance: AttendanceService;
  mail: MailSetup;
  recruiter: () => { name: string; email: string } | null;
  timeStyle: TimeStyle;
  recruiterLocale: string;
  /** When a restored copy of the database was put in place, while its hold lasts. */
  restoredAt: () => number | undefined;
  /** Whether the transcript word index is there (built at start by the schedule's transcript search). */
  transcriptWordsIndexed: boolean;
  /** Shows "Scorecard due" natively (Electron). */
  scorecardDueNotifier?: (interview: Interview, now: number) => void;
  /** Saves the debrief as PDF (Electron's printToPDF); web mode prints instead. */
  savePdf?: (fileName: string) => Promise<SavedPdf>;
}

/** Builds the after-interview services; answers what the root wires further (retention, restore review, handlers). */
export function composeAfterInterview(deps: AfterInterviewDeps) {
  const { tuning, disposables, events, settings, account, interviews, commands, attendance } = deps;
  const showOthersBeforeSubmit = () => settings.get().showOthersScorecardsBeforeSubmit;

  const artifacts = disposables.add(
    createMeetArtifacts({
      database: deps.database,
      account,
      connection: attendance.connection,
      interviews,
      onInterviewsChanged: commands.onChange,
      meetApiUrl: deps.config.google.meetApiUrl,
      wordsIndexed: deps.transcriptWordsIndexed,
      clock: deps.clock,
      log: deps.log.scope('meet-artifacts'),
      events,
      ...tuned(tuning, ['timers']),
      ...tuned(tuning.google, ['retry', 'requestTimeoutMs']),
    }),
  );
  artifacts.start();

  const scorecards = disposables.add(
    createScorecards({
      database: deps.database,
      interviews,
      onInterviewsChanged: commands.onChange,
      showOthersBeforeSubmit,
      recruiter: deps.recruiter,
      attendanceReport: (id) => attendance.view(id).report,
      ...(deps.scorecardDueNotifier ? { notifyDue: deps.scorecardDueNotifier } : {}),
      clock: deps.clock,
      log: deps.log.scope('scorecards'),
      events,
      ...tuned(tuning, ['timers']),
    }),
  );

  const panelForms: PanelFormsService = disposables.add(
    createPanelFormsService({
      database: deps.database,
      account,
      interviews,
      onInterviewsChanged: commands.onChange,
      templateFor: (jobTitle) => scorecards.templates.templateFor(jobTitle),
      attendance: (id) => attendance.view(id),
      mail: deps.mail,
      settings: () => settings.get(),
      render: createEmailRenderer<ScorecardRequestView>(deps.templatesDir, undefined, 'scorecard-request'),
      formsApiUrl: deps.config.google.formsApiUrl,
      clock: deps.clock,
      log: deps.log.scope('panel-forms'),
      events,
      locale: deps.recruiterLocale,
      restoreHeldUpTo: deps.restoredAt,
      ...tuned(tuning, ['timers']),
      ...tuned(tuning.google, ['retry', 'requestTimeoutMs']),
    }),
  );

  const debrief = createDebriefService({
    interviews,
    scorecards: createScorecardRepository({ database: deps.database, log: deps.log.scope('debrief') }),
    sources: createDebriefSources(deps.database),
    attendance: (id) => attendance.view(id),
    panel: (id) => panelForms.view(id),
    meet: (id) => artifacts.status(id),
    showOthersBeforeSubmit,
    clock: deps.clock,
    timeStyle: deps.timeStyle,
    ...(deps.savePdf ? { savePdf: deps.savePdf } : {}),
  });

  return {
    panelForms,
    /** Deletes what is kept about interviews that ended before this instant (the retention schedule calls it). */
    forget(endedBeforeMs: number) {
      artifacts.forget(endedBeforeMs);
      scorecards.forget(endedBeforeMs);
    },
    handlers: {
      ...artifactsHandlers({ artifacts, interviews }),
      ...scorecardsHandlers({
        scorecards: scorecards.service,
        templates: scorecards.templates,
        dueNow: () => scorecards.dueNow(),
      }),
      ...panelformsHandlers({ panelForms, interviews }),
      ...debriefHandlers(debrief),
    },
  };
}
