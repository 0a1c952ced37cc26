/**
 * The interview record and the inputs that create or change one. Shared by main (validation and
 * storage), the preload (types) and the renderer (forms). Field rules that need a clock or a
 * time-zone database (DST gaps, "not in the past") are checked in main, not here.
 */
import { z } from 'zod';
import { attendanceFiguresSchema } from './attendance-schema';
import { scorecardFiguresSchema } from './scorecard-figures-schema';

/**
 * Control characters (C0, DEL, C1), line breaks and invisible characters that reorder text (Trojan
 * Source style), as a character-class body: never allowed in one-line fields, and what a display
 * name from Google is cleaned of.
 */
export const lineControlChars =
  '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c';
/**
 * Characters that show nothing (zero-width spaces and joiners, word joiner and invisible operators,
 * Hangul fillers, the BOM, soft hyphen, tag characters), as a character-class body for a `u` regex:
 * what a name chosen by someone else (a Meet display name) is cleaned of, with `lineControlChars`.
 */
export const invisibleChars =
  '\\u00ad\\u115f\\u1160\\u180e\\u200b-\\u200d\\u2060-\\u2064\\u3164\\ufeff\\uffa0\\u{e0000}-\\u{e007f}';
const forbiddenInLine = new RegExp(`[${lineControlChars}]`);
// Control characters are exactly what this pattern looks for.
/* eslint-disable no-control-regex */
const forbiddenInText =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/* eslint-enable no-control-regex */

/** A trimmed single line of text: no control, line-break or direction-override characters. */
export function lineText(label: string, max: number, min = 1) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
        .max(max, `${label} can be at most ${max} characters`)
        .refine((s) => !forbiddenInLine.test(s), `${label} contains line breaks or invisible control characters`),
    );
}

/** Multi-line free text (notes): line breaks allowed, other controls and direction overrides not. */
export function freeText(label: string, max: number) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, `${label} can be at most ${max} characters`)
        .refine((s) => !forbiddenInText.test(s), `${label} contains invisible control characters`),
    );
}

// One plain address (RFC 5321 dot-atom local part, a dotted domain); no display name, no list, no
// comments, no quoted local parts: anything a header parser could read two ways is refused.
const addressPattern =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** True for one plain address by the same rule the forms use (for values that did not come through a form). */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && addressPattern.test(value);
}

/** One email address, lower-cased domain; refuses display names, lists and tricks. */
export function emailAddress(label: string) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(254, `${label} is too long`)
        .refine((s) => addressPattern.test(s), `${label} must be one plain address like name@example.com`)
        .transform((s) => {
          const at = s.lastIndexOf('@');
          return `${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}`;
        }),
    );
}

/** A Google Meet link: https://meet.google.com/xxx-xxxx-xxx, nothing else. */
export const meetLinkPattern = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
export const meetLinkSchema = z
  .string()
  .transform((s) => s.trim().replace(/\?.*$/, ''))
  .pipe(z.string().regex(meetLinkPattern, 'Meet link must look like https://meet.google.com/abc-defg-hij'));

/** An IANA zone name, refused in the words of the field's label; main checks it against the time-zone database. */
export function zoneName(label: string) {
  return z
    .string()
    .min(1, `${label} is required: pick one from the list, like Europe/Berlin`)
    .max(64, `${label} is too long: pick one from the list, like Europe/Berlin`)
    .regex(/^[A-Za-z0-9_+\-/]+$/, `${label} is not one from the list: pick a place, like Europe/Berlin`);
}

/** The recruiter's time zone. */
export const timeZoneName = zoneName('Time zone');

/** How many co-interviewers a panel may have (Calendar and mail stay readable; Google caps guests far higher). */
export const maxCoInterviewers = 8;

/** One co-interviewer of a panel: an address like the candidate's, a name if known. */
export const coInterviewerSchema = z.object({
  email: emailAddress('Co-interviewer email'),
  name: lineText('Co-interviewer name', 100, 0).optional(),
});
export type CoInterviewer = z.infer<typeof coInterviewerSchema>;

/** The panel: at most `maxCoInterviewers`, each address once (the domain compared without case). */
export const coInterviewersSchema = z
  .array(coInterviewerSchema, { error: 'Co-interviewers must be a list of people' })
  .max(maxCoInterviewers, `A panel can have at most ${maxCoInterviewers} co-interviewers`)
  .superRefine((people, ctx) => {
    const seen = new Set<string>();
    people.forEach((person, index) => {
      const key = person.email.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [index, 'email'], message: `${person.email} is already on the panel` });
      seen.add(key);
    });
  });

/** What the schedule form sends. Date and time are the recruiter's local wall time in `timeZone`. */
export const scheduleInputSchema = z.object({
  candidateName: lineText('Candidate name', 100),
  candidateEmail: emailAddress('Candidate email'),
  jobTitle: lineText('Job title', 120),
  // The picker shows the date in the person's own format; what arrives is empty or half-typed, never "wrong format".
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date is missing or incomplete: pick a day in the date picker'),
  time: z.string().regex(/^\d{2}:\d{2}$/, 'Start time is missing or incomplete: pick a time, like 10:00'),
  timeZone: timeZoneName,
  candidateTimeZone: zoneName('Candidate time zone').or(z.literal('')).optional(),
  durationMinutes: z
    .number({ error: 'Duration is missing: type a number of minutes, like 45' })
    .int('Duration must be whole minutes, like 45')
    .min(5, 'Duration must be at least 5 minutes')
    .max(480, 'Duration can be at most 480 minutes (8 hours)'),
  /** Private notes: shown in the room only, never sent to anyone. */
  notes: freeText('Private notes', 4000).default(''),
  /** An optional message shown to the candidate in their emails (and the Calendar event). */
  candidateMessage: freeText('Message to the candidate', 2000).default(''),
  meetLink: meetLinkSchema.or(z.literal('')).optional(),
  /** For a time that happens twice (clocks go back): which one. */
  occurrence: z.enum(['earlier', 'later'], { error: 'Choose which of the two times you mean' }).optional(),
  /** The person saw the conflict warning and wants to go ahead. */
  acceptConflicts: z.boolean().optional(),
  /** A panel: the other interviewers (Calendar guests; they get the same invitations). */
  coInterviewers: coInterviewersSchema.default([]),
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;
export type ScheduleFields = z.infer<typeof scheduleInputSchema>;

/** A candidate's own notes on an interview they saved: the same rules as private notes. */
export const candidateNotesSchema = freeText('Your notes', 4000);

/** Moves an interview; same rules as scheduling. */
export const rescheduleInputSchema = z.object({
  id: z.uuid({ error: 'This interview could not be found: go back to the schedule and open it again' }),
  date: scheduleInputSchema.shape.date,
  time: scheduleInputSchema.shape.time,
  timeZone: timeZoneName,
  durationMinutes: scheduleInputSchema.shape.durationMinutes,
  occurrence: scheduleInputSchema.shape.occurrence,
  acceptConflicts: z.boolean().optional(),
});
export type RescheduleInput = z.input<typeof rescheduleInputSchema>;

/** What an email is about: an invitation, an update (new time), a cancellation or a reminder. */
export const mailKindSchema = z.enum(['invitation', 'update', 'cancellation', 'reminder']);

export const recipientStateSchema = z.object({
  state: z.enum(['none', 'queued', 'sent', 'failed']),
  /** Which message the state is about (absent in records from before it was kept). */
  kind: mailKindSchema.optional(),
  reason: z.string().optional(),
  at: z.string().optional(),
  /** A co-interviewer's name, kept so the room still names them once they are off the panel. */
  name: z.string().optional(),
});

export type RecipientState = z.infer<typeof recipientStateSchema>;
/** Whose delivery state it is: the candidate, the recruiter, or one co-interviewer by address (`panel:` + address without case). */
export type DeliveryRecipient = 'candidate' | 'recruiter' | `panel:${string}`;

export const joinRecordSchema = z.object({
  joinedAt: z.string(),
  leftAt: z.string().optional(),
  via: z.enum(['app', 'browser']),
});
export type JoinRecord = z.infer<typeof joinRecordSchema>;

/**
 * A move or cancel made in Google Calendar and applied here, which the app has not emailed anyone
 * about yet: when it was made, what people were last told (`was`), and how many messages still
 * waiting to go out were withdrawn with it. Cleared once the recruiter sends the update.
 */
export const calendarChangeSchema = z.object({
  kind: z.enum(['moved', 'cancelled']),
  at: z.string(),
  was: z.object({ startUtc: z.string(), durationMinutes: z.number().int() }),
  withdrawn: z.number().int().optional(),
  /**
   * Found by the full read after restoring a copy: Google differs from the copy, which may be the
   * app's own change made (and emailed) after the copy was taken, so nobody knows who was told.
   */
  afterRestore: z.literal(true).optional(),
});
export type CalendarChange = z.infer<typeof calendarChangeSchema>;

/**
 * A change made in Google Calendar that the recruiter said people already know about (they were
 * phoned, or the app's own update went out before a copy was restored): the mark was cleared and
 * nothing was sent. Kept so the room says so; replaced by the next change.
 */
export const calendarChangeToldSchema = z.object({
  kind: z.enum(['moved', 'cancelled']),
  /** When the recruiter said so. */
  markedAt: z.string(),
  afterRestore: z.literal(true).optional(),
});
export type CalendarChangeTold = z.infer<typeof calendarChangeToldSchema>;

/** The stored interview. Times are ISO-8601 UTC instants. */
export const interviewSchema = z.object({
  id: z.uuid(),
  candidate: z.object({ name: z.string(), email: z.string(), timeZone: z.string().optional() }),
  recruiter: z.object({ name: z.string(), email: z.string() }),
  /** A panel's other interviewers (Calendar guests and invitees); none in records from before panels. */
  coInterviewers: z.array(z.object({ email: z.string(), name: z.string().optional() })).default([]),
  jobTitle: z.string(),
  startUtc: z.string(),
  durationMinutes: z.number().int(),
  /** A candidate's interview saved from an older invitation link that did not say how long it is. */
  lengthUnknown: z.boolean().optional(),
  timeZone: z.string(),
  /** Private to the recruiter: never leaves the app. */
  notes: z.string(),
  /** What the candidate reads in their emails; records from before it existed have none. */
  candidateMessage: z.string().default(''),
  status: z.enum(['scheduled', 'cancelled']),
  meetLink: z.string().optional(),
  /**
   * Who made this record: the recruiter scheduled it here; a candidate or a co-interviewer ('panelist')
   * saved their own copy from the invitation link they received (no emails, no changes for everyone).
   */
  origin: z.enum(['recruiter', 'candidate', 'panelist']),
  google: z
    .object({
      eventId: z.string(),
      iCalUID: z.string().optional(),
      sequence: z.number().int().optional(),
      etag: z.string().optional(),
      htmlLink: z.string().optional(),
      state: z.enum(['synced', 'pending', 'failed']),
      error: z.string().optional(),
      attendeeDeclined: z.boolean().optional(),
      /** Google's event carries a video link that is not a Google Meet link: it was not kept. */
      unusableMeetLink: z.boolean().optional(),
      /**
       * The guests (addresses without case) the app has put, or is putting, on the event: a panel
       * change takes off only these, whoever sends the invitations. Absent in older records.
       */
      guestsWritten: z.array(z.string()).optional(),
      /** A move or cancel made in Google Calendar that the app has not emailed anyone about (see calendarChangeSchema). */
      calendarChange: calendarChangeSchema.optional(),
      /** The last such change, cleared by "They were told" without sending anything. */
      calendarChangeTold: calendarChangeToldSchema.optional(),
    })
    .optional(),
  /** The invite identity used when there is no Google event (UID stable, SEQUENCE raised on change). */
  ics: z.object({ uid: z.string(), sequence: z.number().int() }),
  invitations: z.object({
    candidate: recipientStateSchema,
    recruiter: recipientStateSchema,
    /** Each co-interviewer's delivery, by their address; records from before panels have none. */
    panel: z.record(z.string(), recipientStateSchema).optional(),
  }),
  joins: z.array(joinRecordSchema),
  /** Reminders handled so far, and when they were armed (created or moved): moments before that are skipped, not missed. */
  reminders: z.object({ sent: z.array(z.object({ key: z.string(), at: z.string() })), armedAt: z.string().optional() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Interview = z.infer<typeof interviewSchema>;

/** What the schedule list needs per row; small, so 10,000 rows cross the bridge quickly. */
export const interviewSummarySchema = z.object({
  id: z.string(),
  candidateName: z.string(),
  jobTitle: z.string(),
  startUtc: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  attention: z.string().optional(),
  hasMeetLink: z.boolean(),
  /** Set on a copy saved from an invitation someone received: whose (the candidate's, or a co-interviewer's). */
  savedBy: z.enum(['candidate', 'panelist']).optional(),
});
export type InterviewSummary = z.infer<typeof interviewSummarySchema>;

/** One overlapping interview, for the conflict warning. */
export const conflictSchema = z.object({
  id: z.string(),
  candidateName: z.string(),
  jobTitle: z.string(),
  startUtc: z.string(),
  durationMinutes: z.number(),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** Analytics request: a period of days in the recruiter's zone. */
export const analyticsQuerySchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  timeZone: timeZoneName,
});

/**
 * The period's figures. Until real attendance data exists they say only what the app saw: whether
 * the recruiter pressed Join in the app (`joinedInApp`) or not (`noJoinRecorded`: joining from
 * Google Calendar or a phone is not seen, so this is never a candidate no-show). Nothing counts as
 * joined before its end time; an interview still to come (or still joinable) is `upcoming`.
 */
export const analyticsReportSchema = z.object({
  scheduled: z.number(),
  joinedInApp: z.number(),
  noJoinRecorded: z.number(),
  cancelled: z.number(),
  upcoming: z.number(),
  /** Time in the app's own Meet window (join to leave); browser joins have no leave time. */
  averageMinutes: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  perWeek: z.array(z.object({ weekStart: z.string(), count: z.number(), joinedInApp: z.number() })),
  byJobTitle: z.array(
    z.object({
      jobTitle: z.string(),
      scheduled: z.number(),
      joinedInApp: z.number(),
      noJoinRecorded: z.number(),
      cancelled: z.number(),
    }),
  ),
  /** Who really attended, from Google Meet where it was read (see attendanceFiguresSchema). */
  attendance: attendanceFiguresSchema.optional(),
  /** How soon scorecards came in after the period's interviews ended (see scorecardFiguresSchema). */
  scorecards: scorecardFiguresSchema.optional(),
});
export type AnalyticsReport = z.infer<typeof analyticsReportSchema>;
