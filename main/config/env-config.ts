import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { builtInGoogleClient } from './built-in-client';

/** Google's real endpoints; every one can be pointed at the loopback emulator through the environment. */
export const googleDefaults = {
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
  apiUrl: 'https://www.googleapis.com/',
  meetApiUrl: 'https://meet.googleapis.com/',
  formsApiUrl: 'https://forms.googleapis.com/',
} as const;

/** Everything the environment may configure, parsed and checked. */
export interface AppConfig {
  dataDir: string;
  google: {
    clientId: string;
    clientSecret: string;
    authUrl: string;
    tokenUrl: string;
    revokeUrl: string;
    apiUrl: string;
    /** Meet REST v2 lives on its own host. */
    meetApiUrl: string;
    /** Forms API v1 (the panel's scorecards) lives on its own host too. */
    formsApiUrl: string;
  };
  smtpUrl: string | undefined;
  webPort: number;
  netcheckUrl: string | undefined;
  stunServer: string | undefined;
}

/** A bad environment variable: the message is one line naming it, printed at start. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

function protocolOf(raw: string): string | null {
  try {
    return new URL(raw).protocol;
  } catch {
    return null;
  }
}

/** Whether a URL's user name and password decode (a lone `%E0%A4` would throw wherever they are read). */
function percentEncodingReads(raw: string): boolean {
  try {
    const url = new URL(raw);
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    return true;
  } catch {
    return false;
  }
}

const httpUrl = z.string().refine((u) => ['http:', 'https:'].includes(protocolOf(u) ?? ''), 'must be an http(s) URL');

const rules = {
  INTERVIEW_DESK_DATA_DIR: z
    .string()
    .min(1)
    .refine((p) => path.isAbsolute(p), 'must be an absolute path'),
  INTERVIEW_DESK_GOOGLE_CLIENT_ID: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[\w.-]+$/, 'must look like 1234-abc.apps.googleusercontent.com'),
  INTERVIEW_DESK_GOOGLE_CLIENT_SECRET: z.string().min(1).max(512),
  INTERVIEW_DESK_GOOGLE_AUTH_URL: httpUrl,
  INTERVIEW_DESK_GOOGLE_TOKEN_URL: httpUrl,
  INTERVIEW_DESK_GOOGLE_REVOKE_URL: httpUrl,
  INTERVIEW_DESK_GOOGLE_API_URL: httpUrl,
  INTERVIEW_DESK_GOOGLE_MEET_API_URL: httpUrl,
  INTERVIEW_DESK_GOOGLE_FORMS_API_URL: httpUrl,
  INTERVIEW_DESK_SMTP_URL: z
    .string()
    .refine((u) => ['smtp:', 'smtps:'].includes(protocolOf(u) ?? ''), 'must be an smtp:// or smtps:// URL')
    .refine(
      percentEncodingReads,
      'has a user name or password whose %-escapes are not valid UTF-8 (encode each special character as %XX)',
    ),
  INTERVIEW_DESK_WEB_PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number')
    .transform(Number)
    .refine((n) => n >= 0 && n <= 65535, 'must be between 0 and 65535'),
  INTERVIEW_DESK_NETCHECK_URL: httpUrl,
  INTERVIEW_DESK_STUN_SERVER: z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port'),
} as const;

/** Variables whose value may carry a password (the SMTP URL's user:password@, the client secret). */
const isSecretVariable = (key: string) => key === 'INTERVIEW_DESK_SMTP_URL' || key.endsWith('_SECRET');

/** The bad value as a ConfigError shows it: never for a secret-bearing variable (the line is printed and logged). */
function shownValue(key: string, raw: string): string {
  if (isSecretVariable(key)) return '';
  return ` (got "${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}")`;
}

type Rules = typeof rules;
type Parsed = { [K in keyof Rules]?: z.infer<Rules[K]> };

/** The platform's per-user config dir, as Electron's userData would be, so both modes share data. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Interview Desk');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Interview Desk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Interview Desk');
}

/**
 * Parses the environment; throws ConfigError naming the first bad variable. `builtIn` is the Google
 * client baked in at build time: the environment's client, when set, wins over it.
 */
export function loadEnvConfig(
  env: NodeJS.ProcessEnv,
  fallbackDataDir: string = defaultDataDir(),
  builtIn: { clientId: string; clientSecret: string } = builtInGoogleClient,
): AppConfig {
  const parsed: Parsed = {};
  for (const key of Object.keys(rules) as Array<keyof Rules>) {
    const raw = env[key];
    if (raw === undefined || raw === '') continue;
    const result = rules[key].safeParse(raw);
    if (!result.success) {
      throw new ConfigError(key, `${result.error.issues[0]?.message ?? 'is not valid'}${shownValue(key, raw)}`);
    }
    (parsed as Record<string, unknown>)[key] = result.data;
  }
  const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`);
  return {
    dataDir: parsed.INTERVIEW_DESK_DATA_DIR ?? fallbackDataDir,
    google: {
      // Id and secret travel together: an environment id never pairs with the built-in secret.
      clientId: parsed.INTERVIEW_DESK_GOOGLE_CLIENT_ID ?? builtIn.clientId,
      clientSecret: parsed.INTERVIEW_DESK_GOOGLE_CLIENT_ID
        ? (parsed.INTERVIEW_DESK_GOOGLE_CLIENT_SECRET ?? '')
        : (parsed.INTERVIEW_DESK_GOOGLE_CLIENT_SECRET ?? builtIn.clientSecret),
      authUrl: parsed.INTERVIEW_DESK_GOOGLE_AUTH_URL ?? googleDefaults.authUrl,
      tokenUrl: parsed.INTERVIEW_DESK_GOOGLE_TOKEN_URL ?? googleDefaults.tokenUrl,
      revokeUrl: parsed.INTERVIEW_DESK_GOOGLE_REVOKE_URL ?? googleDefaults.revokeUrl,
      apiUrl: withSlash(parsed.INTERVIEW_DESK_GOOGLE_API_URL ?? googleDefaults.apiUrl),
      meetApiUrl: withSlash(parsed.INTERVIEW_DESK_GOOGLE_MEET_API_URL ?? googleDefaults.meetApiUrl),
      formsApiUrl: withSlash(parsed.INTERVIEW_DESK_GOOGLE_FORMS_API_URL ?? googleDefaults.formsApiUrl),
    },
    smtpUrl: parsed.INTERVIEW_DESK_SMTP_URL,
    webPort: parsed.INTERVIEW_DESK_WEB_PORT ?? 0,
    netcheckUrl: parsed.INTERVIEW_DESK_NETCHECK_URL,
    stunServer: parsed.INTERVIEW_DESK_STUN_SERVER,
  };
}
