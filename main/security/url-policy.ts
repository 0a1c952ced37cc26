import { meetLinkPattern } from '../../preload/shared/contract/interview-schema';

/**
 * Pure URL decisions for the security guards: which navigations stay in the app, which URLs may go
 * to the system browser, which origins the Meet window may visit. Origins are compared on parsed
 * parts (protocol, hostname, port), never with `startsWith`, so look-alike hosts and `user@host`
 * tricks fail.
 */
import { emailAddress } from '../../preload/shared/contract/interview-schema';

/** The privileged scheme the packaged renderer is served from (`protocol.handle`). */
export const appScheme = 'app';
/** The host of the app scheme; together `app://interview-desk/`. */
export const appHost = 'interview-desk';
/** The renderer's entry URL in Electron. */
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** Hosts whose pages may open in the system browser from the renderer. */
export const externalHttpsHosts: readonly string[] = [
  'meet.google.com',
  'calendar.google.com',
  'accounts.google.com',
  'myaccount.google.com',
  'support.google.com',
];

/** Origins the managed Meet window may navigate to (Meet itself and Google sign-in). */
export const meetWindowOrigins: readonly string[] = ['https://meet.google.com', 'https://accounts.google.com'];
/** The only origin granted camera, microphone and display capture in the Meet window. */
export const meetMediaOrigin = 'https://meet.google.com';

/** Parses without throwing; null for anything that is not an absolute URL. */
export function parseUrl(raw: string): URL | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** `scheme://host[:port]` computed from parts; Node reports "null" origins for custom schemes, so we don't use `URL.origin`. */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** Percent-decoding that answers null for malformed escapes (`%E0%A4%A`) instead of throwing. */
function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const mailtoAddress = emailAddress('Address');

/** A mailto path naming exactly one plain address, by the same rule interview fields use. */
function isOneMailtoAddress(path: string): boolean {
  const address = decodeOrNull(path);
  return address !== null && address === address.trim() && mailtoAddress.safeParse(address).success;
}

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/** True when the URL is the app's own renderer (the Electron scheme or, in web mode, the given origin). */
export function isAppUrl(raw: string, webOrigin?: string): boolean {
  const url = parseUrl(raw);
  if (!url || hasCredentials(url)) return false;
  if (url.protocol === `${appScheme}:` && url.host === appHost) return true;
  return webOrigin !== undefined && originOf(url) === webOrigin;
}

// A Meet recording plays at drive.google.com/file/d/{id}/view; a transcript or Gemini's notes open at
// docs.google.com/document/d/{id}/… (the exportUri Meet gives). Only these hosts and paths.
const meetArtifactPaths: Readonly<Record<string, RegExp>> = {
  'drive.google.com': /^\/file\/d\/[A-Za-z0-9_-]{10,200}\/view$/,
  'docs.google.com': /^\/document\/d\/[A-Za-z0-9_-]{10,200}(?:\/(?:view|edit))?$/,
};

/** True for the link to a Meet recording (Google Drive) or transcript or notes document (Google Docs), exactly as Meet gives it. */
export function isMeetArtifactUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string') return false;
  const url = parseUrl(raw);
  if (!url || hasCredentials(url) || url.protocol !== 'https:' || url.port !== '' || url.hash !== '') return false;
  const path = meetArtifactPaths[url.hostname];
  // Parsed again so the string is what a browser would load, with no hidden normalisation.
  return path !== undefined && path.test(url.pathname) && url.href === raw;
}

// The panel's Google Form: co-interviewers answer at /forms/d/e/{key}/viewform, the recruiter edits at /forms/d/{id}/edit.
const googleFormPath = /^\/forms\/d\/(?:e\/[A-Za-z0-9_-]{10,200}\/viewform|[A-Za-z0-9_-]{10,200}\/edit)$/;

/** True for a Google Form's answer or edit link exactly as the app makes or Google gives it. */
export function isGoogleFormUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string') return false;
  const url = parseUrl(raw);
  if (
    !url ||
    hasCredentials(url) ||
    url.protocol !== 'https:' ||
    url.port !== '' ||
    url.search !== '' ||
    url.hash !== ''
  )
    return false;
  return url.hostname === 'docs.google.com' && googleFormPath.test(url.pathname) && url.href === raw;
}

/** True when the renderer may hand this URL to the system browser. */
export function isAllowedExternalUrl(raw: string): boolean {
  if (isMeetArtifactUrl(raw) || isGoogleFormUrl(raw)) return true;
  const url = parseUrl(raw);
  if (!url || hasCredentials(url)) return false;
  if (url.protocol === 'mailto:') return url.search === '' && url.hash === '' && isOneMailtoAddress(url.pathname);
  if (url.protocol !== 'https:' || url.port !== '') return false;
  // Calendar's event links (htmlLink) live on www.google.com/calendar/.
  if (url.hostname === 'www.google.com') return url.pathname.startsWith('/calendar/');
  return externalHttpsHosts.includes(url.hostname);
}

/**
 * True only for a Google Meet meeting URL exactly as `https://meet.google.com/abc-defg-hij`: the only
 * kind of video link the app stores, sends in an invitation or opens (app window or browser).
 */
export function isMeetJoinUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || !meetLinkPattern.test(raw)) return false;
  // Parsed again so the string is what a browser would load, with no hidden normalisation.
  return parseUrl(raw)?.href === raw;
}

/** The link when it is a Meet meeting URL, else undefined (older data, or a link refused at the door). */
export function meetJoinUrlOrNone(raw: unknown): string | undefined {
  return isMeetJoinUrl(raw) ? raw : undefined;
}

/** True when the managed Meet window may navigate here. */
export function isMeetWindowUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url || hasCredentials(url) || url.protocol !== 'https:') return false;
  return meetWindowOrigins.includes(originOf(url));
}

/** Media permission in the Meet window: only Meet's own origin, only media kinds it needs. */
export function isMeetMediaPermission(permission: string, requestingUrl: string): boolean {
  const url = parseUrl(requestingUrl);
  if (!url || url.protocol !== 'https:' || hasCredentials(url)) return false;
  return originOf(url) === meetMediaOrigin && ['media', 'display-capture', 'fullscreen'].includes(permission);
}
