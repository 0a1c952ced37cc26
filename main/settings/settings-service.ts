import {
  settingsSchema,
  type Settings,
  type SettingsPatch,
  type SettingsProblem,
} from '../../preload/shared/contract/settings-schema';
import type { KeyValueStore } from '../settings-file/key-value-store';
import type { EventHub } from '../shared/event-hub';
import type { Logger } from '../logging/logger';

/** Reads and updates Settings; every write is validated against the contract's schema first. */
export interface SettingsService {
  /** The settings in use: a saved value that breaks its rule reads as the default. */
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** Saved values that break their rule (kept in the file until the person replaces them). */
  problems(): SettingsProblem[];
  /** Why mail must not go out with the current settings, in the Settings screen's words; undefined when it may. */
  mailProblem(): string | undefined;
}

// The fields that reach an email or an invite: a bad saved value there stops mail rather than
// being silently swapped for a default the recruiter never chose.
// The channel fields too: a bad saved channel must not quietly become the default one (SMTP
// instead of the chosen Gmail, or the app sending where Google was to).
const mailFields = [
  'recruiterName',
  'recruiterEmail',
  'companyName',
  'signOff',
  'brandColor',
  'smtp',
  'mailTransport',
  'googleSendsInvites',
  'candidateDownloadUrl',
  'candidateReminderEmail',
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Creates the settings service over the app store. */
export function createSettingsService(store: KeyValueStore, events: EventHub, log: Logger): SettingsService {
  const stored = (): Record<string, unknown> => {
    const raw = store.get('settings');
    return isRecord(raw) ? raw : {};
  };
  const inspect = (): { settings: Settings; problems: SettingsProblem[] } => {
    const raw = stored();
    const parsed = settingsSchema.safeParse(raw);
    if (parsed.success) return { settings: parsed.data, problems: [] };
    // A hand-edited file, or one saved before a rule was tightened: each valid field is used, each
    // invalid one reads as its default and is reported; nothing is removed from the file.
    const kept: Record<string, unknown> = {};
    const problems: SettingsProblem[] = [];
    for (const [key, value] of Object.entries(raw)) {
      const field = Object.hasOwn(settingsSchema.shape, key) ? settingsSchema.shape[key as keyof Settings] : undefined;
      if (!field) continue;
      const result = field.safeParse(value);
      if (result.success) kept[key] = value;
      else {
        const issue = result.error.issues[0];
        problems.push({
          field: [key, ...(issue?.path ?? []).map(String)].join('.'),
          message: issue?.message ?? 'This saved value is not valid.',
        });
      }
    }
    return { settings: settingsSchema.parse(kept), problems };
  };
  let warned = false;
  const read = (): Settings => {
    const { settings, problems } = inspect();
    if (problems.length && !warned) {
      warned = true;
      log.warn(
        `stored settings did not validate (${problems.map((p) => p.field).join(', ')}); those fields are not used until they are fixed`,
      );
    }
    return settings;
  };
  return {
    get: read,
    update(patch) {
      const next = settingsSchema.parse({ ...read(), ...patch });
      // Saved values the patch does not replace stay as they were, even invalid ones: they are shown in
      // Settings for the person to fix, never dropped behind their back.
      const raw = stored();
      const invalid = Object.fromEntries(
        inspect()
          .problems.map((p) => p.field.split('.')[0]!)
          .filter((key) => !(key in patch))
          .map((key) => [key, raw[key]]),
      );
      store.set('settings', { ...next, ...invalid });
      events.emit('settings:changed', next);
      return next;
    },
    problems: () => inspect().problems,
    mailProblem() {
      const problem = inspect().problems.find((p) => mailFields.includes(p.field.split('.')[0]!));
      return problem
        ? `A saved setting is not valid, so no email is sent until it is fixed in Settings: ${problem.message}.`
        : undefined;
    },
  };
}
