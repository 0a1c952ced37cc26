/** The Settings shape, shared by main (validation, storage) and the renderer (the Settings screen). */
import { z } from 'zod';

/** The app's name: never a company name in an email. */
export const appName = 'Interview Desk';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1a73e8');
const shortText = (max: number) => z.string().trim().max(max);
/** A secure web address (https only, no credentials): it goes into emails as a link. */
const httpsUrl = z
  .string()
  .trim()
  .max(2048, 'Use a shorter link (at most 2048 characters)')
  .refine((raw) => {
    try {
      const url = new URL(raw);
      return url.protocol === 'https:' && !url.username && !url.password && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Use a secure link starting with https://, like https://example.com/download');

/** Mail transport settings; the SMTP password lives in the keychain, never here. */
export const smtpSettingsSchema = z.object({
  host: shortText(253),
  port: z.number().int().min(1).max(65535),
  security: z.enum(['tls', 'starttls', 'none']),
  user: shortText(320),
  fromAddress: shortText(320),
});

/** Every user-facing setting with its default. */
export const settingsSchema = z.object({
  /** Who "the recruiter" is when no Google account is connected (the account's name and email win when it is). */
  recruiterName: shortText(100).default(''),
  recruiterEmail: z.string().trim().max(254).regex(/^$|^[^\s@<>",;]+@[^\s@<>",;]+\.[A-Za-z]{2,}$/, 'Use one plain email address').default(''),
  joinDefault: z.enum(['app', 'browser']).default('app'),
  joinOpensMinutesBefore: z.number().int().min(0).max(120).default(15),
  joinClosesMinutesAfter: z.number().int().min(5).max(600).default(60),
  reminderOffsetsMinutes: z.array(z.number().int().min(0).max(60 * 24 * 14)).max(10).default([1440, 60, 0]),
  candidateReminderEmail: z.boolean().default(false),
  closeToTray: z.boolean().default(true),
  startAtLogin: z.boolean().default(false),
  /** The company named in invitations; empty means the emails are worded without one. */
  // The app's own name was the default once and must never be sent as the company: read it as none.
  companyName: z.preprocess((v) => (typeof v === 'string' && v.trim().toLowerCase() === appName.toLowerCase() ? '' : v), shortText(120)).default(''),
  /** Where a candidate can download Interview Desk; empty means the emails offer no download. */
  candidateDownloadUrl: httpsUrl.or(z.literal('')).default(''),
  /** The first-run step (company, your name and email) was completed or skipped. */
  firstRunDone: z.boolean().default(false),
  brandColor: hexColor.default('#1a73e8'),
  signOff: shortText(500).default('Looking forward to speaking with you.'),
  mailTransport: z.enum(['smtp', 'gmail']).default('smtp'),
  smtp: smtpSettingsSchema.default({ host: '', port: 587, security: 'starttls', user: '', fromAddress: '' }),
  googleSendsInvites: z.boolean().default(false),
  netcheckUrl: z.string().url().max(2048).or(z.literal('')).default(''),
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
  stunServer: z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'Use host:port').or(z.literal('')).default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update from the Settings screen; unknown keys are refused. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** The defaults, as a parsed object. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
