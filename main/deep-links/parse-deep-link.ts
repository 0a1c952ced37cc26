import { lineText, meetLinkPattern } from '../../preload/shared/contract/interview-schema';

/** A validated `interview-desk://` link. */
export type DeepLink =
  | { kind: 'interview'; id: string }
  | { kind: 'device-check' }
  | ({ kind: 'join' } & InvitationParts)
  /** A co-interviewer's invitation: the same parts, and the candidate's name. */
  | ({ kind: 'panel'; candidateName: string } & InvitationParts);

/** What an invitation link (a candidate's or a co-interviewer's) tells about the interview. */
export interface InvitationParts {
  meetLink: string;
  startUtc: string;
  title: string;
  durationMinutes?: number;
}

/** Why a link was refused, in words for the person. */
export class DeepLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeepLinkError';
  }
}

const maxLength = 2048;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const meetCode = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
// The sender chose the title: the same one-line rule as every title typed into the app.
const titleRule = lineText('The title in the invitation link', 200, 0);
const candidateRule = lineText("The candidate's name in the invitation link", 100);

/**
 * Parses and validates an `interview-desk://` link. Every part is checked: the scheme, a known host,
 * a UUID for interviews; for invitation links (`join` for the candidate, `panel` for a co-interviewer,
 * which also names the candidate in one line of at most 100 characters) a Meet code in xxx-xxxx-xxx
 * form (never a URL to navigate to), an ISO start time, a whole number of minutes from 5 to 480 for `duration` (older links carry none: the length
 * is then unknown, never guessed), a short title without control characters, and the overall length.
 */
export function parseDeepLink(raw: string, now = Date.now()): DeepLink {
  if (typeof raw !== 'string' || raw.length === 0) throw new DeepLinkError('The link is empty.');
  if (raw.length > maxLength) throw new DeepLinkError('The link is too long to be an Interview Desk link.');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DeepLinkError('That is not a link Interview Desk understands.');
  }
  if (url.protocol !== 'interview-desk:') throw new DeepLinkError('Only interview-desk:// links can be opened here.');
  if (url.username || url.password || url.port) throw new DeepLinkError('That link is malformed.');
  const path = url.pathname.replace(/^\/+|\/+$/g, '');
  switch (url.host) {
    case 'interview': {
      if (!uuid.test(path)) throw new DeepLinkError('That interview link is not valid.');
      return { kind: 'interview', id: path.toLowerCase() };
    }
    case 'device-check':
      if (path) throw new DeepLinkError('That device-check link is not valid.');
      return { kind: 'device-check' };
    case 'join':
      return { kind: 'join', ...invitationParts(url.searchParams, now) };
    case 'panel': {
      const parts = invitationParts(url.searchParams, now);
      const candidate = candidateRule.safeParse(url.searchParams.get('candidate') ?? '');
      if (!candidate.success)
        throw new DeepLinkError(
          `${candidate.error.issues[0]?.message ?? "The candidate's name in the invitation link is not valid"}.`,
        );
      return { kind: 'panel', ...parts, candidateName: candidate.data };
    }
    default:
      throw new DeepLinkError(`Interview Desk does not know links to "${url.host.slice(0, 40)}".`);
  }
}

/** The parts every invitation link carries, each validated; refused in words about the invitation. */
function invitationParts(params: URLSearchParams, now: number): InvitationParts {
  const meet = params.get('meet') ?? '';
  const start = params.get('start') ?? '';
  const title = titleRule.safeParse(params.get('title') ?? 'Interview');
  if (!meetCode.test(meet))
    throw new DeepLinkError('The Meet code in the invitation link must look like abc-defg-hij.');
  const startMs = Date.parse(start);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(start) || Number.isNaN(startMs))
    throw new DeepLinkError('The start time in the invitation link is not a valid time.');
  if (startMs < now - 24 * 3600_000 || startMs > now + 2 * 365 * 24 * 3600_000)
    throw new DeepLinkError('The invitation link has a start time that is out of range.');
  if (!title.success)
    throw new DeepLinkError(`${title.error.issues[0]?.message ?? 'The title in the invitation link is not valid'}.`);
  const duration = params.get('duration');
  if (duration !== null && (!/^\d{1,3}$/.test(duration) || Number(duration) < 5 || Number(duration) > 480))
    throw new DeepLinkError('The interview length in the invitation link must be 5 to 480 minutes.');
  const meetLink = `https://meet.google.com/${meet}`;
  if (!meetLinkPattern.test(meetLink)) throw new DeepLinkError('The Meet code is not valid.');
  return {
    meetLink,
    startUtc: new Date(startMs).toISOString(),
    title: title.data || 'Interview',
    ...(duration !== null ? { durationMinutes: Number(duration) } : {}),
  };
}

/** Finds the deep link among process arguments (Windows/Linux pass it on the command line). */
export function deepLinkFromArgv(argv: string[]): string | undefined {
  return argv.find((a) => a.startsWith('interview-desk://'));
}
