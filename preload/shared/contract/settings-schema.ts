/** The Settings shape, shared by main (validation, storage) and the renderer (the Settings screen). */
import { z } from 'zod';
import { emailAddress, lineText } from './interview-schema';

/** The app's name: never a company name in an email. */
export const appName = 'Interview Desk';

/** Whole minutes within a range, refused in the words of the field's label (never zod's "Too small: expected number"). */
const minutes = (label: string, min: number, max: number) => {
  const words = `${label} must be a whole number of minutes from ${min} to ${max}`;
  return z.number({ error: words }).int(words).min(min, words).max(max, words);
};
/** A secure web address (https only, no credentials): it goes into emails as a link. */
const httpsUrl = z
  .string()
  .trim()
  .max(2048, 'Download link can be at most 2048 characters')
  .refine((raw) => {
    try {
      const url = new URL(raw);
      return url.protocol === 'https:' && !url.username && !url.password && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Download link must be a secure link starting with https://, like https://example.com/download');

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Brand colour must be a colour like #1a73e8');

// Rules are refinements, not regex patterns: the store's JSON Schema is generated from these, and a
// value saved by an older version must still open (it is then reported, not used), never crash start-up.

/** An address field that may be left empty; otherwise one plain address by the interview fields' rule. */
function optionalEmail(label: string) {
  const address = emailAddress(label);
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (value === '') return '';
    const parsed = address.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({
      code: 'custom',
      message: parsed.error.issues[0]?.message ?? `${label} must be one plain address like name@example.com`,
    });
    return z.NEVER;
  });
}

const hostLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
/** A host name or IPv4 address (RFC 1123 labels), or empty while mail is not set up. */
function hostName(label: string) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(253, `${label} can be at most 253 characters`)
        .refine(
          (s) => s === '' || s.split('.').every((part) => hostLabel.test(part)),
          `${label} must be a host name like smtp.example.com`,
        ),
    );
}

const loopbackHosts = ['127.0.0.1', 'localhost', '[::1]'];
/**
 * Where the device check measures round trips: an https address. Plain http is accepted only for a
 * server on this computer (tests and local mirrors), where there is no network to protect.
 */
function checkUrl(label: string) {
  return z
    .string()
    .max(2048, `${label} can be at most 2048 characters`)
    .refine((s) => s === '' || isCheckUrl(s), `${label} must be an https:// address`);
}

/** True for an address the network check may fetch: https, or http to this computer only; no user:password. */
export function isCheckUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.includes(url.hostname));
}

/** A wall-clock time "HH:MM" (24-hour), "24:00" for the end of the day; refused in the field's words. */
const isClockTime = (s: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s) || s === '24:00';
function clockTime(label: string) {
  return z
    .string({ error: `${label} must be a time like 09:00` })
    .refine(isClockTime, `${label} must be a time like 09:00`);
}
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
// Judged only when both are times: a malformed one already has its own message.
const endsAfterStart = (hours: { start: string; end: string }) =>
  !isClockTime(hours.start) || !isClockTime(hours.end) || toMinutes(hours.end) > toMinutes(hours.start);

/** The recruiter's working hours (in their own zone) and working days (ISO weekdays, 1 = Monday). */
export const workingHoursSchema = z
  .object({
    start: clockTime('Working hours start'),
    end: clockTime('Working hours end'),
    days: z
      .array(z.number().int().min(1).max(7), { error: 'Pick your working days' })
      .min(1, 'Pick at least one working day')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'Each working day can be picked once'),
  })
  .refine(endsAfterStart, { path: ['end'], message: 'Working hours must end after they start' });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

/** The hours "Suggest times" keeps to in the candidate's own zone. */
export const candidateHoursSchema = z
  .object({ start: clockTime("Candidate's hours start"), end: clockTime("Candidate's hours end") })
  .refine(endsAfterStart, { path: ['end'], message: "Candidate's hours must end after they start" });

/** Mail transport settings; the SMTP password lives in the keychain, never here. */
export const smtpSettingsSchema = z.object({
  host: hostName('SMTP server'),
  port: z
    .number({ error: 'Port must be a number from 1 to 65535, like 587' })
    .int('Port must be a whole number, like 587')
    .min(1, 'Port must be a number from 1 to 65535, like 587')
    .max(65535, 'Port must be a number from 1 to 65535, like 587'),
  security: z.enum(['tls', 'starttls', 'none'], { error: 'Choose one of the listed security options' }),
  user: lineText('User name', 320, 0),
  fromAddress: optionalEmail('Send from (address)'),
});

/** Every user-facing setting with its default; text fields follow the interview fields' rules. */
export const settingsSchema = z.object({
  /** Who "the recruiter" is when no Google account is connected (the account's name and email win when it is). */
  recruiterName: lineText('Your name', 100, 0).default(''),
  recruiterEmail: optionalEmail('Your email').default(''),
  joinDefault: z
    .enum(['app', 'browser'], { error: 'Choose where to join interviews: the app window or your browser' })
    .default('app'),
  joinOpensMinutesBefore: minutes('Joining opens', 0, 120).default(15),
  joinClosesMinutesAfter: minutes('Joining closes', 5, 600).default(60),
  reminderOffsetsMinutes: z
    .array(minutes('Each reminder', 0, 60 * 24 * 14), {
      error: 'Remind me must be minutes separated by commas, like 1440, 60, 0',
    })
    .max(10, 'Remind me can list at most 10 reminders')
    .default([1440, 60, 0]),
  candidateReminderEmail: z.boolean().default(false),
  closeToTray: z.boolean().default(true),
  startAtLogin: z.boolean().default(false),
  /** The company named in invitations; empty means the emails are worded without one. */
  // The app's own name was the default once and must never be sent as the company: read it as none.
  companyName: z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim().toLowerCase() === appName.toLowerCase() ? '' : v),
      lineText('Company name', 120, 0),
    )
    .default(''),
  /** Where a candidate can download Interview Desk; empty means the emails offer no download. */
  candidateDownloadUrl: httpsUrl.or(z.literal('')).default(''),
  /** The person chose "I schedule interviews": the full app, even with only invitations saved and no account. */
  fullApp: z.boolean().default(false),
  /** The first-run step (company, your name and email) was completed or skipped. */
  firstRunDone: z.boolean().default(false),
  brandColor: hexColor.default('#1a73e8'),
  signOff: lineText('Sign-off', 500, 0).default('Looking forward to speaking with you.'),
  mailTransport: z.enum(['smtp', 'gmail'], { error: 'Choose how invitations are sent: SMTP or Gmail' }).default('smtp'),
  smtp: smtpSettingsSchema.default({ host: '', port: 587, security: 'starttls', user: '', fromAddress: '' }),
  googleSendsInvites: z.boolean().default(false),
  /** When "Suggest times" may offer a slot: the recruiter's hours and days (Find a time). */
  workingHours: workingHoursSchema.default({ start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }),
  /** The candidate's reasonable hours in their own zone, every day. */
  candidateHours: candidateHoursSchema.default({ start: '08:00', end: '20:00' }),
  netcheckUrl: checkUrl('Network check address').default(''),
  /** The devices picked in the device check (labels kept too: ids change between sessions). */
  deviceChoices: z
    .object({
      camera: z.object({ id: z.string().max(500), label: z.string().max(300) }).optional(),
      microphone: z.object({ id: z.string().max(500), label: z.string().max(300) }).optional(),
      speaker: z.object({ id: z.string().max(500), label: z.string().max(300) }).optional(),
    })
    .default({}),
  /** Light or dark colours; 'system' follows the operating system's choice (prefers-color-scheme). */
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Show the other interviewers' scorecards before the recruiter submits their own (off: as the ATS tools do, against anchoring). */
  showOthersScorecardsBeforeSubmit: z.boolean().default(false),
  /** Days after an interview's end that what is kept about it (attendance, transcript, scorecards, panel forms) stays. */
  attendanceRetentionDays: z
    .number({ error: 'Keep after-interview data must be a whole number of days from 1 to 3650' })
    .int('Keep after-interview data must be a whole number of days from 1 to 3650')
    .min(1, 'Keep after-interview data must be a whole number of days from 1 to 3650')
    .max(3650, 'Keep after-interview data must be a whole number of days from 1 to 3650')
    .default(180),
  stunServer: z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'STUN server must be a host and port, like stun.example.com:3478')
    .or(z.literal(''))
    .default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

// zod 4's `.partial()` still fills in a field's default when it is absent, so a one-field patch
// would reset every other setting: the patch takes each field without its default.
const patchShape = Object.fromEntries(
  Object.entries(settingsSchema.shape).map(([key, field]) => [
    key,
    (field instanceof z.ZodDefault ? field.unwrap() : field).optional(),
  ]),
);
function _partialStrict() {
  return settingsSchema.partial().strict();
}
/** A partial update from the Settings screen: only the fields it names; unknown keys are refused. */
export const settingsPatchSchema = z.object(patchShape).strict() as unknown as ReturnType<typeof _partialStrict>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** A saved setting that no longer passes its rule: kept in the file, not used, shown in Settings. */
export const settingsProblemSchema = z.object({ field: z.string(), message: z.string() });
export type SettingsProblem = z.infer<typeof settingsProblemSchema>;

/** The defaults, as a parsed object. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
