/**
 * The one IPC contract: every call the renderer may make and every event main may push.
 * Imported by main (validation, handler registration), the preload (the exposed API) and the
 * renderer (the web bridge and types). Pure: no electron or node imports, so all three can load it.
 */
import { z } from 'zod';
import type { Result } from './result';
import { settingsSchema, settingsPatchSchema, settingsProblemSchema } from './settings-schema';
import {
  analyticsQuerySchema,
  analyticsReportSchema,
  candidateNotesSchema,
  conflictSchema,
  coInterviewerSchema,
  coInterviewersSchema,
  interviewSchema,
  interviewSummarySchema,
  lineText,
  meetLinkSchema,
  rescheduleInputSchema,
  scheduleInputSchema,
  timeZoneName,
} from './interview-schema';
import { attendanceViewSchema, candidateWaitingSchema } from './attendance-schema';
import { panelFormViewSchema } from './panel-forms-schema';
import { artifactsViewSchema, transcriptLinesAskSchema, transcriptPageSchema } from './transcript-schema';
import {
  scorecardDueSchema,
  scorecardInputSchema,
  scorecardTemplateSchema,
  scorecardViewSchema,
} from './scorecard-schema';
import { debriefQuerySchema, debriefSchema, savedPdfSchema } from './debrief-schema';

const noInput = z.undefined();

/** SMTP set by the environment: it wins over Settings → Email, which shows it read-only. Never the password. */
export const smtpOverrideSchema = z.object({
  variable: z.string(),
  host: z.string(),
  port: z.number(),
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.string(),
  /** Whether the variable carries a password (never the password itself). */
  passwordSet: z.boolean(),
});
export type SmtpOverride = z.infer<typeof smtpOverrideSchema>;

/** Public facts about the running app. */
export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  platform: z.string(),
  smtpOverride: smtpOverrideSchema.optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A message main wants the person to see once (e.g. the store was recovered from a backup). */
export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** One message that came with a restored copy of the database and waits for the person to send or drop it. */
export const restoreMessageSchema = z.object({
  key: z.string(),
  interviewId: z.string(),
  /** `scorecard_request`/`scorecard_reminder`: a co-interviewer's scorecard email (main/panel-forms), due by the restore. */
  kind: z.enum(['invitation', 'update', 'cancellation', 'reminder', 'scorecard_request', 'scorecard_reminder']),
  /** Whom it is for, as the screen names them ("you" for the recruiter). */
  recipientName: z.string(),
  candidateName: z.string(),
  jobTitle: z.string(),
  /** When it was queued (before the copy was taken). */
  queuedAt: z.string(),
  /** Its interview's time, status or link changed when Google Calendar was read again: it was written for an old time. */
  oldTime: z.boolean(),
});
/** What a restored copy still holds back: its waiting mail, and whether Google Calendar has been read again since. */
export const restorePendingSchema = z.object({ messages: z.array(restoreMessageSchema), calendarRead: z.boolean() });
export type RestorePending = z.infer<typeof restorePendingSchema>;
/** An outbox message's id, or a held scorecard email's key (`scorecard:<interview>:<number>:<email>`). */
const restoreKey = z
  .string()
  .max(400)
  .refine((k) => z.uuid().safeParse(k).success || /^scorecard:[^:\s]+:\d:[^\s:]+@[^\s:]+$/.test(k), {
    error: 'Not a valid message',
  });
const restoreKeys = z.object({
  keys: z.array(restoreKey).min(1, 'Choose at least one message').max(1000),
});

/** What the UI may know about the Google connection: never a token. */
// `signIn`: 'waiting' while a browser sign-in is open (it outlives a reload of the window);
// 'unavailable' when this copy was built without a Google client (everything else still works).
const signInState = z.enum(['waiting', 'unavailable']).optional();
export const accountStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('disconnected'), signIn: signInState }),
  z.object({
    state: z.enum(['connected', 'needs_reconnect']),
    email: z.string(),
    name: z.string(),
    picture: z.string().optional(),
    signIn: signInState,
  }),
]);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

/** Only https URLs (and mailto) may be handed to the system browser; main checks the allowlist. */
export const externalUrlSchema = z.string().min(1).max(2048);

const interviewId = z.uuid({ error: 'Not a valid interview id' });

/** The form's live preview: the instant it resolves to, and overlapping interviews. */
export const previewInputSchema = z.object({
  date: scheduleInputSchema.shape.date,
  time: scheduleInputSchema.shape.time,
  timeZone: timeZoneName,
  durationMinutes: scheduleInputSchema.shape.durationMinutes,
  occurrence: scheduleInputSchema.shape.occurrence,
  excludeId: interviewId.optional(),
});
export const previewSchema = z.object({ startUtc: z.string(), endUtc: z.string(), conflicts: z.array(conflictSchema) });

/** An instant in ms since 1970 (the renderer's clock and day boundaries). */
const instantMs = z
  .number({ error: 'The schedule sent a time that is not a number: reload the window' })
  .int()
  .min(0)
  .max(8.64e15);

/**
 * A section of the schedule and its search: `upcoming` is today (from the start of the recruiter's
 * day in their zone) onwards plus anything still running, by start time; `past` the rest, newest first.
 */
export const scheduleWindowSchema = z.object({
  section: z.enum(['upcoming', 'past']),
  query: z.string().max(200, 'Search can be at most 200 characters').default(''),
  todayStartMs: instantMs,
  nowMs: instantMs,
});
export type ScheduleWindowInput = z.input<typeof scheduleWindowSchema>;

/** Rows `offset`… of a section (at most `limit`). */
export const schedulePageInputSchema = scheduleWindowSchema.extend({
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(500),
});
/** Where a search found words said in an interview's transcript: who said them, the words around, the matched ones marked. */
export const spokenLineSchema = z.object({
  speaker: z.string(),
  parts: z.array(z.object({ text: z.string(), match: z.boolean() })),
});
export type SpokenLine = z.infer<typeof spokenLineSchema>;
/** A schedule row; `spoken` when the search found the interview by words said, not by its name, email or job. */
export const scheduleRowSchema = interviewSummarySchema.extend({ spoken: spokenLineSchema.optional() });
export type ScheduleRow = z.infer<typeof scheduleRowSchema>;
/** A page of rows; `total` (the section's size) comes with the first page, so opening a search is one call per section. */
export const schedulePageSchema = z.object({
  items: z.array(scheduleRowSchema),
  total: z.number().int().optional(),
});

/** The main-process half of the network check. */
export const networkReportSchema = z.object({
  online: z.boolean(),
  endpoint: z.string(),
  rttMs: z.number().optional(),
  jitterMs: z.number().optional(),
  downloadMbps: z.number().optional(),
  stun: z.object({
    server: z.string(),
    ok: z.boolean(),
    reflexive: z.string().optional(),
    error: z.string().optional(),
  }),
  error: z.string().optional(),
});
export type NetworkReport = z.infer<typeof networkReportSchema>;

/** What the operating system allows (Electron on macOS/Windows); 'unknown' elsewhere. */
const accessState = z.enum(['granted', 'denied', 'restricted', 'not-determined', 'unknown']);
export const mediaAccessSchema = z.object({ camera: accessState, microphone: accessState });
export type MediaAccess = z.infer<typeof mediaAccessSchema>;

/** Where main asks the renderer to go (deep links, notification clicks, the tray). */
export const navigateSchema = z.discriminatedUnion('screen', [
  z.object({ screen: z.literal('interview'), id: z.uuid() }),
  /** An invitation link to confirm before anything is saved; the screen asks main what it holds. */
  z.object({ screen: z.literal('join-preview'), link: z.string().max(4096) }),
  z.object({ screen: z.enum(['schedule', 'device-check', 'welcome', 'settings']) }),
]);
export type NavigateTarget = z.infer<typeof navigateSchema>;

/** A reminder as the renderer shows it. */
export const reminderFiredSchema = z.object({
  interviewId: z.string(),
  candidateName: z.string(),
  jobTitle: z.string(),
  startUtc: z.string(),
  /** Which reminder this is (its Settings offset), never the time left: word that from `startUtc` and the current time. */
  offsetMinutes: z.number(),
  joinOpen: z.boolean(),
});

/** "I have an invitation" with a pasted Meet link and time (candidate mode). */
export const candidateInviteSchema = z.object({
  meetLink: meetLinkSchema,
  date: scheduleInputSchema.shape.date,
  time: scheduleInputSchema.shape.time,
  timeZone: timeZoneName,
  title: lineText('Title', 200, 0).optional(),
});

/** What an invitation link would save, shown to the person before they agree. */
export const joinPreviewSchema = z.object({
  title: z.string(),
  meetLink: z.string(),
  startUtc: z.string(),
  /** The length the link carries; absent in older links (then the room says it is not known). */
  durationMinutes: z.number().int().optional(),
  /** A co-interviewer's link: the candidate it names (the copy is saved as a panelist's). */
  panelistFor: z.string().optional(),
  /** Set when this interview is already saved (then nothing new would be saved). */
  savedId: z.string().optional(),
});
export type JoinPreview = z.infer<typeof joinPreviewSchema>;

/** Find a time: whose busy time to ask Google for, over which instants (at most 62 days). */
export const freeBusyInputSchema = z
  .object({
    timeMin: z.iso.datetime({ offset: true, error: 'The day to look at is missing: pick a date' }),
    timeMax: z.iso.datetime({ offset: true, error: 'The day to look at is missing: pick a date' }),
    coInterviewers: z
      .array(coInterviewerSchema.shape.email)
      .max(20, 'Free/busy can look at most 20 co-interviewers at once')
      .default([]),
    /** The interview being moved: its own time is not busy. */
    excludeId: z.uuid().optional(),
  })
  .refine(
    (r) =>
      Date.parse(r.timeMax) > Date.parse(r.timeMin) && Date.parse(r.timeMax) - Date.parse(r.timeMin) <= 62 * 86_400_000,
    {
      message: 'Free/busy looks at up to 62 days at once',
      path: ['timeMax'],
    },
  );

const busyBlock = z.object({ start: z.string(), end: z.string() });
/** One person's busy time, or why Google would not tell (said per person; the others still count). */
export const personBusySchema = z.object({
  /** 'recruiter' for the connected account, otherwise the co-interviewer's address. */
  who: z.string(),
  status: z.enum(['ok', 'not_found', 'forbidden', 'error', 'unknown']),
  busy: z.array(busyBlock),
});
export type PersonBusy = z.infer<typeof personBusySchema>;
/** Busy time for the form: Google's answer per person (or why there is none) and the app's own interviews. */
export const freeBusyAnswerSchema = z.object({
  /** 'ok' when Google answered; otherwise why free/busy is not shown (the app's interviews still are). */
  google: z.enum(['ok', 'needs_consent', 'disconnected', 'needs_reconnect', 'unavailable']),
  message: z.string().optional(),
  people: z.array(personBusySchema),
  /** Interviews stored in the app (always known, with or without Google). */
  appBusy: z.array(busyBlock.extend({ id: z.string(), candidateName: z.string() })),
  /** When Google answered (for "checked at …"). */
  at: z.string(),
});
export type FreeBusyAnswer = z.infer<typeof freeBusyAnswerSchema>;

/** Describes one call: its input schema and its output schema (types; every handler's answer is checked against it in tests/integration/contract). */
interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}
function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> {
  return { input, output };
}

/** Every renderer → main call, namespaced `area:action`. */
export const calls = {
  'app:info': call(noInput, appInfoSchema),
  'app:notices': call(noInput, z.array(noticeSchema)),
  'app:dismissNotice': call(z.string().min(1).max(200), z.null()),
  'settings:get': call(noInput, settingsSchema),
  'settings:update': call(settingsPatchSchema, settingsSchema),
  'settings:problems': call(noInput, z.array(settingsProblemSchema)),
  'account:status': call(noInput, accountStatusSchema),
  'account:connect': call(noInput, accountStatusSchema),
  'account:disconnect': call(noInput, z.object({ status: accountStatusSchema, revoked: z.boolean() })),
  /** Opens the waiting sign-in's Google page in the browser again (the tab was closed or lost). */
  'account:reopenSignIn': call(noInput, z.object({ reopened: z.boolean() })),
  /** Ends the waiting sign-in: its browser page is no longer accepted. */
  'account:cancelSignIn': call(noInput, accountStatusSchema),
  'google:syncNow': call(noInput, z.object({ changed: z.number() })),
  'google:retry': call(z.uuid(), interviewSchema),
  'shell:openExternal': call(externalUrlSchema, z.null()),
  'interviews:list': call(noInput, z.array(interviewSummarySchema)),
  'interviews:get': call(interviewId, interviewSchema),
  /** One page of the schedule, by start time, searched in the database; the first page also says how many the section holds. */
  'interviews:page': call(schedulePageInputSchema, schedulePageSchema),
  /** How many interviews a schedule section (with its search) holds. */
  'interviews:count': call(scheduleWindowSchema, z.number().int()),
  /** The rows of just these interviews (those that changed), if they still exist and match the search. */
  'interviews:byIds': call(
    z.object({ ids: z.array(interviewId).max(500), query: scheduleWindowSchema.shape.query }),
    z.array(scheduleRowSchema),
  ),
  /** The next scheduled interview that has not ended (the countdown banner). */
  'interviews:next': call(noInput, interviewSummarySchema.nullable()),
  'interviews:preview': call(previewInputSchema, previewSchema),
  'interviews:schedule': call(scheduleInputSchema, interviewSchema),
  'interviews:reschedule': call(rescheduleInputSchema, interviewSchema),
  'interviews:cancel': call(interviewId, interviewSchema),
  'interviews:setMeetLink': call(z.object({ id: interviewId, meetLink: meetLinkSchema }), interviewSchema),
  'interviews:join': call(
    z.object({ id: interviewId, via: z.enum(['app', 'browser']) }),
    z.object({ via: z.enum(['app', 'browser']) }),
  ),
  'meet:setAlwaysOnTop': call(z.boolean(), z.null()),
  /** `panel:<address>` resends to one co-interviewer of a panel. */
  'mail:resend': call(
    z.object({
      id: interviewId,
      recipient: z.union([z.enum(['candidate', 'recruiter']), z.templateLiteral(['panel:', z.email()])]),
    }),
    interviewSchema,
  ),
  /** Sends a test email to the recruiter: says to whom (`Name <address>`) and through what it went. */
  'mail:sendTest': call(noInput, z.object({ response: z.string(), to: z.string(), transport: z.string() })),
  'mail:setSmtpPassword': call(z.string().max(1024, 'Password can be at most 1024 characters'), z.null()),
  'mail:useGmail': call(noInput, accountStatusSchema),
  'deeplink:open': call(z.string().max(4096), navigateSchema),
  'deeplink:preview': call(z.string().max(4096), joinPreviewSchema),
  'deeplink:confirmJoin': call(z.string().max(4096), interviewSchema),
  'candidate:save': call(candidateInviteSchema, interviewSchema),
  /** The candidate's own notes on an interview they saved (same rules as private notes). */
  'candidate:setNotes': call(z.object({ id: interviewId, notes: candidateNotesSchema }), interviewSchema),
  /** The candidate's home: interviews saved from invitations, and whether any was scheduled here. */
  'candidate:home': call(noInput, z.object({ saved: z.array(interviewSummarySchema), scheduledHere: z.boolean() })),
  /** Forgets a candidate's saved interview on this computer; nothing is sent to anyone. */
  'candidate:remove': call(interviewId, z.null()),
  'devicecheck:network': call(noInput, networkReportSchema),
  'devicecheck:mediaAccess': call(noInput, mediaAccessSchema),
  'analytics:report': call(analyticsQuerySchema, analyticsReportSchema),
  'analytics:exportCsv': call(analyticsQuerySchema, z.string()),
  /** One interview's attendance from Google Meet (or why there is none). */
  'attendance:get': call(interviewId, attendanceViewSchema),
  /** Asks Google for the Meet read scope (incremental consent), then reads what has ended. */
  'attendance:connect': call(noInput, accountStatusSchema),
  /** Candidates waiting in the Meet without their interviewer right now (what the `attendance:waiting` events last said). */
  'attendance:waitingNow': call(noInput, z.array(candidateWaitingSchema)),
  /** Find a time: busy blocks of the recruiter and the panel from Google (one request), plus the app's interviews. */
  'findTime:busy': call(freeBusyInputSchema, freeBusyAnswerSchema),
  /** Asks Google for the free/busy scope (incremental consent, the first time Find a time is used). */
  'findTime:connect': call(noInput, accountStatusSchema),
  /** Changes who is on an interview's panel after scheduling (invitations and cancellations follow). */
  /** Emails everyone about a move or cancel made in Google Calendar (the room's "Send update"). */
  'interviews:sendCalendarChange': call(interviewId, interviewSchema),
  /** Clears that mark without emailing anyone: people already know (the room's "They were told"). */
  'interviews:markCalendarChangeTold': call(interviewId, interviewSchema),
  /** After restoring the last good copy: the messages it held, to send or drop. */
  'restore:pending': call(noInput, restorePendingSchema),
  'restore:send': call(restoreKeys, restorePendingSchema),
  'restore:drop': call(restoreKeys, restorePendingSchema),
  'interviews:setPanel': call(
    z.object({ id: interviewId, coInterviewers: coInterviewersSchema, acceptConflicts: z.boolean().optional() }),
    interviewSchema,
  ),
  // After the interview: Meet's transcript, recording and notes (main/meet-artifacts).
  /** Meet's transcript (kept here, speakers named), the recording, transcript and notes links, and where reading them stands. */
  'artifacts:get': call(interviewId, artifactsViewSchema),
  /** Looks at Google Meet for this interview now (the room's "Check Meet now"). */
  'artifacts:checkNow': call(interviewId, artifactsViewSchema),
  /** The transcript's next page after `after`, or with `query` only the lines that hold it, counted over the whole interview. */
  'artifacts:lines': call(transcriptLinesAskSchema.extend({ interviewId }), transcriptPageSchema),
  // After the interview: transcript search (main/meet-artifacts/transcript-search).
  // After the interview: scorecards and their templates (main/scorecards).
  /** The room's scorecards: the recruiter's own, its template, and the others' while visible. */
  'scorecards:get': call(interviewId, scorecardViewSchema),
  /** Keeps the recruiter's answers as a draft (a submitted scorecard stays submitted and is marked edited). */
  'scorecards:saveDraft': call(scorecardInputSchema, scorecardViewSchema),
  /** Submits the recruiter's scorecard; again later, records the edit. */
  'scorecards:submit': call(scorecardInputSchema, scorecardViewSchema),
  /** "Scorecard due" as it stands now (what the `scorecards:due` notices said), for a window opened after them. */
  'scorecards:dueNow': call(noInput, z.array(scorecardDueSchema)),
  /** Settings → Scorecards: the default template first, then one per job title. */
  'scorecards:templates': call(noInput, z.array(scorecardTemplateSchema)),
  'scorecards:saveTemplate': call(scorecardTemplateSchema, z.array(scorecardTemplateSchema)),
  /** Removes a job title's template; removing the default restores the built-in one. */
  'scorecards:removeTemplate': call(
    z.string().regex(/^[a-z0-9-]{1,40}$/, 'Not a template'),
    z.array(scorecardTemplateSchema),
  ),
  // After the interview: the panel's scorecards through Google Forms (main/panel-forms).
  /** The room's panel form: where it stands, and per co-interviewer asked, reminded, received. */
  'panelForms:get': call(interviewId, panelFormViewSchema),
  /** Asks Google for the Forms scope (`drive.file`), incrementally, unless granted. */
  'panelForms:connect': call(noInput, accountStatusSchema),
  /** Makes the form or sends what is due, and reads the responses now (the room's "Check now"). */
  'panelForms:checkNow': call(interviewId, panelFormViewSchema),
  /** Tries a given-up scorecard email to one co-interviewer again (the room's Resend). */
  'panelForms:resend': call(
    z.object({ interviewId, email: z.email({ error: 'Not a valid email address' }).max(320) }),
    panelFormViewSchema,
  ),
  // After the interview: the debrief (main/debrief).
  'debrief:get': call(debriefQuerySchema, debriefSchema),
  /** Desktop only: prints the window showing the debrief to a PDF; web mode answers `unavailable` (the browser prints). */
  'debrief:savePdf': call(debriefQuerySchema, savedPdfSchema),
} as const;

/** Every main → renderer event. */
export const events = {
  'app:notice': noticeSchema,
  'account:changed': accountStatusSchema,
  'settings:changed': settingsSchema,
  'interviews:changed': z.object({ ids: z.array(z.string()) }),
  'app:navigate': navigateSchema,
  'reminder:fired': reminderFiredSchema,
  'sync:finished': z.object({ changed: z.number(), at: z.string() }),
  'attendance:changed': z.object({ ids: z.array(z.string()) }),
  'attendance:waiting': candidateWaitingSchema,
  // After the interview: Meet artifacts.
  'artifacts:changed': z.object({ ids: z.array(z.string()) }),
  // After the interview: scorecards.
  'scorecards:changed': z.object({ ids: z.array(z.string()) }),
  'scorecards:due': scorecardDueSchema,
  // After the interview: panel forms.
  'panelForms:changed': z.object({ ids: z.array(z.string()) }),
} as const;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = z.infer<(typeof calls)[N]['output']>;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

/** The list of call names, in contract order (used by the preload key test). */
export const callNames = Object.keys(calls) as CallName[];
/** The list of event names. */
export const eventNames = Object.keys(events) as EventName[];

/** The IPC channel name of a call; a prefix keeps our channels apart from anything else. */
export function callChannel(name: CallName): string {
  return `desk:call:${name}`;
}
/** The IPC channel name of an event. */
export function eventChannel(name: EventName): string {
  return `desk:event:${name}`;
}

/** How a bridge moves calls and events; the preload uses IPC, web mode uses HTTP + SSE. */
export interface DeskTransport {
  invoke(name: CallName, input: unknown): Promise<Result<unknown>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

type Split<S extends string> = S extends `${infer A}:${infer B}` ? [A, B] : never;
type Namespaces = Split<CallName>[0];
type CallIn<N extends CallName> = undefined extends CallInput<N> ? [input?: CallInput<N>] : [input: CallInput<N>];

/** The API the renderer sees as `window.desk`: `desk.<area>.<action>(input)` plus `desk.on(event, listener)`. */
export type DeskApi = {
  [NS in Namespaces]: {
    [N in CallName as Split<N>[0] extends NS ? Split<N>[1] : never]: (
      ...args: CallIn<N>
    ) => Promise<Result<CallOutput<N>>>;
  };
} & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Builds the DeskApi over a transport: the preload and the web bridge share this, so their shapes are one. */
export function buildDeskApi(transport: DeskTransport): DeskApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of callNames) {
    const [ns, action] = name.split(':') as [string, string];
    api[ns] ??= {};
    api[ns][action] = (input?: unknown) => transport.invoke(name, input);
  }
  const on = (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!eventNames.includes(name)) throw new Error(`Unknown event ${String(name)}`);
    return transport.subscribe(name, listener);
  };
  return Object.freeze({ ...api, on }) as unknown as DeskApi;
}
