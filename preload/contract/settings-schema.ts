/** The Settings shape, shared by main (validation, storage) and the renderer (the Settings screen). */
import { z } from 'zod';

/** The app's name: never a company name in an email. */
export const appName = 'Interview Desk';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Brand colour must be a colour code like #1a73e8');
/** Trimmed text up to `max` characters, refused in the words of the field's label. */
const shortText = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters`);
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

/** Mail transport settings; the SMTP password lives in the keychain, never here. */
export const smtpSettingsSchema = z.object({
  host: shortText(253, 'SMTP server'),
  port: z.number({ error: 'Port must be a number from 1 to 65535, like 587' }).int('Port must be a whole number, like 587').min(1, 'Port must be a number from 1 to 65535, like 587').max(65535, 'Port must be a number from 1 to 65535, like 587'),
  security: z.enum(['tls', 'starttls', 'none'], { error: 'Choose one of the listed security options' }),
  user: shortText(320, 'User name'),
  fromAddress: shortText(320, 'From address'),
});

/** Every user-facing setting with its default. */
export const settingsSchema = z.object({
  /** Who "the recruiter" is when no Google account is connected (the account's name and email win when it is). */
  recruiterName: shortText(100, 'Your name').default(''),
  recruiterEmail: z.string().trim().max(254, 'Your email is too long').regex(/^$|^[^\s@<>",;]+@[^\s@<>",;]+\.[A-Za-z]{2,}$/, 'Your email must be one plain address, like you@example.com').default(''),
  joinDefault: z.enum(['app', 'browser'], { error: 'Choose where to join interviews: the app window or your browser' }).default('app'),
  joinOpensMinutesBefore: minutes('Joining opens', 0, 120).default(15),
  joinClosesMinutesAfter: minutes('Joining closes', 5, 600).default(60),
  reminderOffsetsMinutes: z
    .array(minutes('Each reminder', 0, 60 * 24 * 14), { error: 'Remind me must be minutes separated by commas, like 1440, 60, 0' })
    .max(10, 'Remind me can list at most 10 reminders')
    .default([1440, 60, 0]),
  candidateReminderEmail: z.boolean().default(false),
  closeToTray: z.boolean().default(true),
  startAtLogin: z.boolean().default(false),
  /** The company named in invitations; empty means the emails are worded without one. */
  // The app's own name was the default once and must never be sent as the company: read it as none.
  companyName: z.preprocess((v) => (typeof v === 'string' && v.trim().toLowerCase() === appName.toLowerCase() ? '' : v), shortText(120, 'Company name')).default(''),
  /** Where a candidate can download Interview Desk; empty means the emails offer no download. */
  candidateDownloadUrl: httpsUrl.or(z.literal('')).default(''),
  /** The first-run step (company, your name and email) was completed or skipped. */
  firstRunDone: z.boolean().default(false),
  brandColor: hexColor.default('#1a73e8'),
  signOff: shortText(500, 'Sign-off').default('Looking forward to speaking with you.'),
  mailTransport: z.enum(['smtp', 'gmail'], { error: 'Choose how invitations are sent: SMTP or Gmail' }).default('smtp'),
  smtp: smtpSettingsSchema.default({ host: '', port: 587, security: 'starttls', user: '', fromAddress: '' }),
  googleSendsInvites: z.boolean().default(false),
  netcheckUrl: z.string().url('Network check address must be a web address, like https://example.com/check').max(2048, 'Network check address can be at most 2048 characters').or(z.literal('')).default(''),
  /** The devices picked in the device check (labels kept too: ids change between sessions). */
  deviceChoices: z
    .object({
      camera: z.object({ id: z.string().max(500), label: z.string().max(300) }).optional(),
      microphone: z.object({ id: z.string().max(500), label: z.string().max(300) }).optional(),
      speaker: z.object({ id: z.string().max(500), label: z.string().max(300) }).optional(),
    })
    .default({}),
  stunServer: z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'STUN server must be a host and port, like stun.example.com:3478').or(z.literal('')).default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update from the Settings screen; unknown keys are refused. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** The defaults, as a parsed object. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
