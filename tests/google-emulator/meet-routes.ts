import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, rpcError } from './http-helpers';
import type { OAuthEmulator } from './oauth-routes';
import { MeetArtifactEmulator, type ConferenceAccess } from './meet-artifact-routes';

type Json = Record<string, unknown>;

/** Meet v2 accepts either of these (read-only, or spaces the app created). */
export const meetScopes = [
  'https://www.googleapis.com/auth/meetings.space.readonly',
  'https://www.googleapis.com/auth/meetings.space.created',
];

/** One join-to-leave of a participant; `end` absent while still in the call. */
export interface SessionInput {
  start: string;
  end?: string;
}

/** A participant as tests describe it. `email` only decides who may read the record (Meet never returns it). */
export interface ParticipantInput {
  kind: 'signedin' | 'anonymous' | 'phone';
  displayName: string;
  /** `users/…` for a signed-in user (generated when absent). */
  user?: string;
  email?: string;
  sessions: SessionInput[];
}

/** A conference as tests describe it. */
export interface ConferenceInput {
  meetingCode: string;
  startTime: string;
  endTime?: string;
  /** `spaces/…` (generated per meeting code when absent). */
  space?: string;
  /** Who owns the space (default: the connected user). Only the owner and joined users can read it. */
  owner?: string;
  participants?: ParticipantInput[];
}

interface StoredSession {
  name: string;
  start: string;
  end?: string;
}

interface StoredParticipant {
  name: string;
  input: ParticipantInput;
  user?: string;
  sessions: StoredSession[];
}

interface StoredConference {
  name: string;
  meetingCode: string;
  space: string;
  owner: string;
  startTime: string;
  endTime?: string;
  participants: StoredParticipant[];
}

type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IS NULL';
interface Condition {
  field: string;
  op: Op;
  value?: string;
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The filter grammar Meet documents for its list calls (an AIP-160 subset): comparisons joined by
 * `AND`, string values in double quotes, timestamps as quoted RFC 3339, and `field IS NULL`.
 * Returns the conditions, or an error message for INVALID_ARGUMENT.
 */
export function parseMeetFilter(filter: string, fields: Record<string, 'string' | 'time'>): Condition[] | string {
  const text = filter.trim();
  if (!text) return [];
  const parts = text.split(/\s+AND\s+/);
  const conditions: Condition[] = [];
  for (const part of parts) {
    const isNull = /^([a-z_.]+)\s+IS\s+NULL$/.exec(part.trim());
    if (isNull) {
      const field = isNull[1]!;
      if (fields[field] !== 'time') return `Invalid filter: ${field} cannot be compared with NULL.`;
      conditions.push({ field, op: 'IS NULL' });
      continue;
    }
    const match = /^([a-z_.]+)\s*(<=|>=|!=|=|<|>)\s*"((?:[^"\\]|\\.)*)"$/.exec(part.trim());
    if (!match) return `Invalid filter: cannot parse "${part.trim()}".`;
    const [, field, op, value] = match as unknown as [string, string, Op, string];
    const type = fields[field];
    if (!type) return `Invalid filter: unknown field "${field}".`;
    if (type === 'time' && (!rfc3339.test(value) || Number.isNaN(Date.parse(value))))
      return `Invalid filter: "${value}" is not an RFC 3339 timestamp.`;
    if (type === 'string' && op !== '=' && op !== '!=') return `Invalid filter: ${field} supports only = and !=.`;
    conditions.push({ field, op, value });
  }
  return conditions;
}

function matches(conditions: Condition[], read: (field: string) => string | undefined): boolean {
  return conditions.every((c) => {
    const actual = read(c.field);
    if (c.op === 'IS NULL') return actual === undefined;
    if (actual === undefined) return false;
    if (c.field.endsWith('time')) {
      const a = Date.parse(actual);
      const b = Date.parse(c.value!);
      return c.op === '='
        ? a === b
        : c.op === '!='
          ? a !== b
          : c.op === '<'
            ? a < b
            : c.op === '<='
              ? a <= b
              : c.op === '>'
                ? a > b
                : a >= b;
    }
    return c.op === '=' ? actual === c.value : actual !== c.value;
  });
}

const byStartDesc = (a: string, b: string) => Date.parse(b) - Date.parse(a);
const id = () => randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');

/** Google Meet REST API v2: conference records, participants and participant sessions, read-only. */
export class MeetEmulator {
  private conferences: StoredConference[] = [];
  private spaces = new Map<string, string>();
  /** Transcripts (with entries), recordings and smart notes of these conferences (`*` as email: the test API, no check). */
  readonly artifacts = new MeetArtifactEmulator((name, email): ConferenceAccess => {
    const c = this.conferences.find((x) => x.name === name);
    if (!c) return { kind: 'missing' };
    if (email !== '*' && !this.visible(c, email)) return { kind: 'forbidden' };
    const participants = c.participants.map((p) => ({ name: p.name, displayName: p.input.displayName }));
    return { kind: 'visible', participants };
  });

  constructor(private readonly oauth: OAuthEmulator) {}

  /** Test API: records a conference (running when `endTime` is absent) with its participants. Returns its resource name. */
  addConference(input: ConferenceInput): string {
    const space = input.space ?? this.spaces.get(input.meetingCode) ?? `spaces/${id()}`;
    this.spaces.set(input.meetingCode, space);
    const conference: StoredConference = {
      name: `conferenceRecords/${id()}`,
      meetingCode: input.meetingCode,
      space,
      owner: input.owner ?? this.oauth.user.email,
      startTime: input.startTime,
      ...(input.endTime ? { endTime: input.endTime } : {}),
      participants: [],
    };
    this.conferences.push(conference);
    for (const p of input.participants ?? []) this.addParticipant(conference.name, p);
    return conference.name;
  }

  /** Test API: someone joins a recorded conference. Returns the participant's resource name. */
  addParticipant(conferenceName: string, input: ParticipantInput): string {
    const conference = this.find(conferenceName);
    const name = `${conference.name}/participants/${id()}`;
    const user =
      input.kind === 'signedin' ? (input.user ?? `users/${Math.floor(1e11 + Math.random() * 9e11)}`) : undefined;
    const participant: StoredParticipant = { name, input, ...(user ? { user } : {}), sessions: [] };
    for (const s of input.sessions)
      participant.sessions.push({
        name: `${name}/participantSessions/${id()}`,
        start: s.start,
        ...(s.end ? { end: s.end } : {}),
      });
    conference.participants.push(participant);
    return name;
  }

  /** Test API: a participant joins again (a new session). */
  addSession(participantName: string, session: SessionInput): void {
    const participant = this.conferences.flatMap((c) => c.participants).find((p) => p.name === participantName);
    if (!participant) throw new Error(`no participant ${participantName}`);
    participant.sessions.push({
      name: `${participantName}/participantSessions/${id()}`,
      start: session.start,
      ...(session.end ? { end: session.end } : {}),
    });
  }

  /** Test API: ends a running conference, closing every open session at `endTime`. */
  endConference(conferenceName: string, endTime: string): void {
    const conference = this.find(conferenceName);
    conference.endTime = endTime;
    for (const p of conference.participants) for (const s of p.sessions) s.end ??= endTime;
  }

  /** Test API: forgets every conference (and so their artifacts). */
  clear(): void {
    this.conferences = [];
    this.artifacts.clear();
  }

  private find(name: string): StoredConference {
    const conference = this.conferences.find((c) => c.name === name);
    if (!conference) throw new Error(`no conference ${name}`);
    return conference;
  }

  /** Only the space owner and people who joined it can read a conference. */
  private visible(conference: StoredConference, email: string): boolean {
    return conference.owner === email || conference.participants.some((p) => p.input.email === email);
  }

  private recordView(c: StoredConference): Json {
    const expire = new Date(Date.parse(c.endTime ?? c.startTime) + 30 * 86_400_000).toISOString();
    return {
      name: c.name,
      startTime: c.startTime,
      ...(c.endTime ? { endTime: c.endTime, expireTime: expire } : {}),
      space: c.space,
    };
  }

  private participantView(p: StoredParticipant): Json {
    const starts = p.sessions.map((s) => s.start).sort(byStartDesc);
    const open = p.sessions.some((s) => !s.end);
    const ends = p.sessions.map((s) => s.end!).sort(byStartDesc);
    const who =
      p.input.kind === 'signedin'
        ? { signedinUser: { user: p.user, displayName: p.input.displayName } }
        : p.input.kind === 'anonymous'
          ? { anonymousUser: { displayName: p.input.displayName } }
          : { phoneUser: { displayName: p.input.displayName } };
    return {
      name: p.name,
      ...who,
      ...(starts.length ? { earliestStartTime: starts.at(-1) } : {}),
      ...(!open && ends.length ? { latestEndTime: ends[0] } : {}),
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (!path.startsWith('/v2/conferenceRecords')) return false;
    if (req.method !== 'GET') return (json(res, 404, rpcError(404, `Method not found.`)), true);
    const grant = this.oauth.authenticate(req);
    if (!grant) {
      json(
        res,
        401,
        rpcError(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
          'ACCESS_TOKEN_TYPE_UNSUPPORTED',
        ),
      );
      return true;
    }
    if (!meetScopes.some((s) => grant.scopes.has(s))) {
      json(
        res,
        403,
        rpcError(403, 'Request had insufficient authentication scopes.', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'),
      );
      return true;
    }
    if (this.artifacts.handle(res, url, grant.email)) return true;
    const p = url.searchParams;
    const list = /^\/v2\/conferenceRecords$/.test(path);
    const participants = /^\/v2\/(conferenceRecords\/[^/]+)\/participants$/.exec(path);
    const sessions = /^\/v2\/(conferenceRecords\/[^/]+)\/participants\/[^/]+\/participantSessions$/.exec(path);
    const fields: Record<string, 'string' | 'time'> = list
      ? { 'space.meeting_code': 'string', 'space.name': 'string', start_time: 'time', end_time: 'time' }
      : participants
        ? { earliest_start_time: 'time', latest_end_time: 'time' }
        : { start_time: 'time', end_time: 'time' };
    const filter = p.get('filter') ?? '';
    const conditions = parseMeetFilter(filter, fields);
    if (typeof conditions === 'string') return (json(res, 400, rpcError(400, conditions)), true);
    const pageSizeText = p.get('pageSize');
    const requested = pageSizeText === null ? 0 : Number(pageSizeText);
    if (!Number.isInteger(requested) || requested < 0)
      return (json(res, 400, rpcError(400, 'Invalid page size. Must be a non-negative integer.')), true);
    const [defaultSize, maxSize] = list ? [25, 100] : [100, 250];
    const pageSize = Math.min(requested || defaultSize, maxSize);

    let items: Json[];
    let key: string;
    if (list) {
      key = 'conferenceRecords';
      items = this.conferences
        .filter((c) => this.visible(c, grant.email))
        .filter((c) =>
          matches(conditions, (f) =>
            f === 'space.meeting_code'
              ? c.meetingCode
              : f === 'space.name'
                ? c.space
                : f === 'start_time'
                  ? c.startTime
                  : c.endTime,
          ),
        )
        .sort((a, b) => byStartDesc(a.startTime, b.startTime))
        .map((c) => this.recordView(c));
    } else {
      const recordName = (participants ?? sessions)?.[1];
      const conference = this.conferences.find((c) => c.name === recordName);
      if (!recordName || !conference) return (json(res, 404, rpcError(404, 'Requested entity was not found.')), true);
      if (!this.visible(conference, grant.email))
        return (json(res, 403, rpcError(403, 'The caller does not have permission')), true);
      if (participants) {
        key = 'participants';
        items = conference.participants
          .map((x) => this.participantView(x))
          .filter((v) =>
            matches(conditions, (f) =>
              f === 'earliest_start_time'
                ? (v.earliestStartTime as string | undefined)
                : (v.latestEndTime as string | undefined),
            ),
          )
          .sort((a, b) => byStartDesc(String(a.earliestStartTime), String(b.earliestStartTime)));
      } else {
        key = 'participantSessions';
        const participant = conference.participants.find((x) => path === `/v2/${x.name}/participantSessions`);
        if (!participant) return (json(res, 404, rpcError(404, 'Requested entity was not found.')), true);
        items = participant.sessions
          .filter((s) => matches(conditions, (f) => (f === 'start_time' ? s.start : s.end)))
          .sort((a, b) => byStartDesc(a.start, b.start))
          .map((s) => ({ name: s.name, startTime: s.start, ...(s.end ? { endTime: s.end } : {}) }));
      }
    }

    // Page tokens are opaque to clients and tied to the query they came from, as Google's are.
    const pageToken = p.get('pageToken');
    let offset = 0;
    if (pageToken) {
      let decoded: { o?: unknown; q?: unknown } = {};
      try {
        decoded = JSON.parse(Buffer.from(pageToken, 'base64url').toString('utf8')) as typeof decoded;
      } catch {
        decoded = {};
      }
      if (typeof decoded.o !== 'number' || decoded.q !== `${path}?${filter}`)
        return (json(res, 400, rpcError(400, 'Invalid page token.')), true);
      offset = decoded.o;
    }
    const page = items.slice(offset, offset + pageSize);
    const next =
      offset + pageSize < items.length
        ? Buffer.from(JSON.stringify({ o: offset + pageSize, q: `${path}?${filter}` })).toString('base64url')
        : undefined;
    // proto3 JSON leaves out empty repeated fields: an empty list answers `{}`.
    json(res, 200, { ...(page.length ? { [key]: page } : {}), ...(next ? { nextPageToken: next } : {}) });
    return true;
  }
}
