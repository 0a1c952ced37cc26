import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { googleError, json, readJson } from './http-helpers';
import type { OAuthEmulator } from './oauth-routes';

type Json = Record<string, unknown>;

interface Conference {
  requestId: string;
  status: 'pending' | 'success' | 'failure';
  readsUntilReady: number;
  conferenceId: string;
  meetLink: string;
}

interface StoredEvent {
  event: Json;
  changeSeq: number;
  conference?: Conference;
  /** A conference someone else put on the event (a conferencing add-on, or an edit by a delegate). */
  replacedConference?: Json;
}

const eventIdPattern = /^[a-v0-9]{5,1024}$/;
const syncForbidden = [
  'iCalUID',
  'orderBy',
  'privateExtendedProperty',
  'q',
  'sharedExtendedProperty',
  'timeMin',
  'timeMax',
  'updatedMin',
];

function meetCode(): string {
  const letters = () => Array.from(randomBytes(4), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${letters().slice(0, 3)}-${letters()}-${letters().slice(0, 3)}`;
}

/** Google Calendar v3 events on the primary calendar, with the rules the app depends on. */
export class CalendarEmulator {
  /** How conference creation behaves for new events. */
  conferenceMode: 'success' | 'pending' | 'failure' = 'success';
  /** Reads (get/list) a pending conference needs before it turns to success. */
  pendingReads = 2;
  /** A calendar whose settings disallow Meet answers "Invalid conference type value." */
  allowMeet = true;
  private events = new Map<string, StoredEvent>();
  private changeSeq = 0;
  private syncEpoch = 1;
  private etagCounter = 0;

  constructor(private readonly oauth: OAuthEmulator) {}

  /** Every event, including cancelled ones (for assertions). */
  all(): Json[] {
    return [...this.events.values()].map((s) => this.view(s, false));
  }

  /** One event as the API would return it now (no read side effects). */
  peek(id: string): Json | undefined {
    const stored = this.events.get(id);
    return stored ? this.view(stored, false) : undefined;
  }

  /** Makes every outstanding sync token invalid (the next incremental sync gets 410). */
  expireSyncTokens(): void {
    this.syncEpoch++;
  }

  /** Emulates an edit made in Google Calendar's own UI. */
  editAsUser(id: string, changes: Json): void {
    const stored = this.events.get(id);
    if (!stored) throw new Error(`no event ${id}`);
    const timeChanged = 'start' in changes || 'end' in changes;
    stored.event = { ...stored.event, ...changes };
    if (timeChanged) stored.event.sequence = Number(stored.event.sequence ?? 0) + 1;
    this.touch(stored);
  }

  /**
   * Emulates someone with edit rights (a delegate, a conferencing add-on) replacing the event's
   * conference: Calendar then shows that add-on's `conferenceData` (solution type `addOn`, its own
   * video entry point) and no `hangoutLink`, which Google sets only for Meet conferences.
   */
  replaceConferenceAsUser(id: string, videoUri: string, name = 'Other video call'): void {
    const stored = this.events.get(id);
    if (!stored) throw new Error(`no event ${id}`);
    stored.replacedConference = {
      conferenceId: randomUUID(),
      conferenceSolution: { key: { type: 'addOn' }, name },
      entryPoints: [{ entryPointType: 'video', uri: videoUri, label: videoUri }],
    };
    this.touch(stored);
  }

  /** Emulates deleting the event in Google Calendar. */
  deleteAsUser(id: string): void {
    const stored = this.events.get(id);
    if (!stored) throw new Error(`no event ${id}`);
    stored.event.status = 'cancelled';
    this.touch(stored);
  }

  /** Emulates an attendee answering the invitation. */
  respondAsAttendee(id: string, email: string, responseStatus: 'accepted' | 'declined' | 'tentative'): void {
    const stored = this.events.get(id);
    if (!stored) throw new Error(`no event ${id}`);
    const attendees = (stored.event.attendees as Json[] | undefined) ?? [];
    stored.event.attendees = attendees.map((a) => (a.email === email ? { ...a, responseStatus } : a));
    this.touch(stored);
  }

  /** Adds an event not created by the app (someone's lunch) to the calendar. */
  insertForeign(event: Json): string {
    const id = randomUUID().replaceAll('-', '');
    this.store(
      id,
      {
        summary: 'Lunch',
        start: { dateTime: new Date().toISOString() },
        end: { dateTime: new Date().toISOString() },
        ...event,
      },
      undefined,
    );
    return id;
  }

  private touch(stored: StoredEvent): void {
    stored.changeSeq = ++this.changeSeq;
    stored.event.updated = new Date().toISOString();
    stored.event.etag = `"${++this.etagCounter}"`;
  }

  private store(id: string, body: Json, conference: Conference | undefined): StoredEvent {
    const now = new Date().toISOString();
    const email = this.oauth.user.email;
    const stored: StoredEvent = {
      event: {
        ...body,
        kind: 'calendar#event',
        id,
        status: 'confirmed',
        iCalUID: `${id}@google.com`,
        sequence: 0,
        htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${email}`).toString('base64url')}`,
        created: now,
        creator: { email, self: true },
        organizer: { email, self: true },
      },
      changeSeq: 0,
      conference,
    };
    this.touch(stored);
    this.events.set(id, stored);
    return stored;
  }

  /** The API view: conference fields appear as Google shows them; reads advance pending conferences. */
  private view(stored: StoredEvent, isRead: boolean): Json {
    const c = stored.conference;
    if (c && isRead && c.status === 'pending') {
      c.readsUntilReady--;
      if (c.readsUntilReady <= 0) c.status = 'success';
    }
    const event: Json = { ...stored.event };
    if (c) {
      event.conferenceData = {
        ...(c.requestId
          ? {
              createRequest: {
                requestId: c.requestId,
                conferenceSolutionKey: { type: 'hangoutsMeet' },
                status: { statusCode: c.status },
              },
            }
          : {}),
        ...(c.status === 'success'
          ? {
              conferenceId: c.conferenceId,
              conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
              entryPoints: [{ entryPointType: 'video', uri: c.meetLink, label: c.meetLink.replace('https://', '') }],
            }
          : {}),
      };
      if (c.status === 'success') event.hangoutLink = c.meetLink;
    }
    if (stored.replacedConference) {
      event.conferenceData = stored.replacedConference;
      delete event.hangoutLink;
    }
    return event;
  }

  /** Emulates replacing the event's conference in Google Calendar's UI (a new Meet). */
  changeConferenceAsUser(id: string): string {
    const stored = this.events.get(id);
    if (!stored) throw new Error(`no event ${id}`);
    const code = meetCode();
    stored.conference = {
      requestId: `ui-${code}`,
      status: 'success',
      readsUntilReady: 0,
      conferenceId: code,
      meetLink: `https://meet.google.com/${code}`,
    };
    this.touch(stored);
    return stored.conference.meetLink;
  }

  /**
   * An existing conference given as data: "either conferenceSolution and at least one entryPoint, or
   * createRequest is required"; entry points must belong to one conference, and for hangoutsMeet the
   * conferenceId is the meeting code.
   */
  private existingConference(data: Json, res: ServerResponse): Conference | 'error' {
    const type = ((data.conferenceSolution as Json | undefined)?.key as Json | undefined)?.type;
    const entryPoints = Array.isArray(data.entryPoints) ? (data.entryPoints as Json[]) : [];
    const video = entryPoints.find((e) => e.entryPointType === 'video');
    if (type !== 'hangoutsMeet' || !this.allowMeet) {
      json(res, 400, googleError(400, 'invalid', 'Invalid conference type value.'));
      return 'error';
    }
    const code = typeof data.conferenceId === 'string' ? data.conferenceId : '';
    if (
      !video ||
      typeof video.uri !== 'string' ||
      video.uri !== `https://meet.google.com/${code}` ||
      !/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/.test(code)
    ) {
      json(res, 400, googleError(400, 'invalid', 'Invalid conference data.'));
      return 'error';
    }
    return { requestId: '', status: 'success', readsUntilReady: 0, conferenceId: code, meetLink: video.uri };
  }

  private createConference(body: Json, version: number, res: ServerResponse): Conference | undefined | 'error' {
    const data = body.conferenceData as Json | undefined;
    if (!data || version < 1) return undefined; // conferenceDataVersion=0 ignores conference data
    const request = data.createRequest as Json | undefined;
    if (!request) {
      if (data.conferenceSolution || data.entryPoints) return this.existingConference(data, res);
      json(res, 400, googleError(400, 'invalid', 'Invalid conference data.'));
      return 'error';
    }
    const type = (request.conferenceSolutionKey as Json | undefined)?.type;
    if (type !== 'hangoutsMeet' || !this.allowMeet) {
      json(res, 400, googleError(400, 'invalid', 'Invalid conference type value.'));
      return 'error';
    }
    if (typeof request.requestId !== 'string' || request.requestId.length === 0) {
      json(res, 400, googleError(400, 'invalid', 'Invalid conference create request.'));
      return 'error';
    }
    const code = meetCode();
    return {
      requestId: request.requestId,
      status: this.conferenceMode === 'success' ? 'success' : this.conferenceMode === 'failure' ? 'failure' : 'pending',
      readsUntilReady: this.pendingReads,
      conferenceId: code,
      meetLink: `https://meet.google.com/${code}`,
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const match = url.pathname.match(/^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/);
    if (!match) return false;
    const grant = this.oauth.authenticate(req);
    if (!grant) return (json(res, 401, googleError(401, 'authError', 'Invalid Credentials')), true);
    if (
      !grant.scopes.has('https://www.googleapis.com/auth/calendar.events') &&
      !grant.scopes.has('https://www.googleapis.com/auth/calendar')
    ) {
      return (
        json(res, 403, googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.')),
        true
      );
    }
    const calendarId = decodeURIComponent(match[1]!);
    if (calendarId !== 'primary' && calendarId !== grant.email)
      return (json(res, 404, googleError(404, 'notFound', 'Not Found')), true);
    const id = match[2] ? decodeURIComponent(match[2]) : undefined;
    const version = Number(url.searchParams.get('conferenceDataVersion') ?? '0');
    const sendUpdates = url.searchParams.get('sendUpdates');
    if (sendUpdates !== null && !['all', 'externalOnly', 'none'].includes(sendUpdates)) {
      return (json(res, 400, googleError(400, 'invalidParameter', 'Invalid value for: sendUpdates')), true);
    }

    if (!id && req.method === 'GET') return (this.list(res, url), true);
    if (!id && req.method === 'POST') {
      const body = await readJson(req);
      if (!body) return (json(res, 400, googleError(400, 'parseError', 'Parse Error')), true);
      const newId = typeof body.id === 'string' ? body.id : randomUUID().replaceAll('-', '');
      if (!eventIdPattern.test(newId))
        return (json(res, 400, googleError(400, 'invalid', 'Invalid resource id value.')), true);
      if (this.events.has(newId))
        return (json(res, 409, googleError(409, 'duplicate', 'The requested identifier already exists.')), true);
      const start = (body.start as Json | undefined)?.dateTime;
      const end = (body.end as Json | undefined)?.dateTime;
      if (typeof start !== 'string' || typeof end !== 'string' || Date.parse(end) < Date.parse(start)) {
        return (json(res, 400, googleError(400, 'timeRangeEmpty', 'The specified time range is empty.')), true);
      }
      const refused = attendeeError(body.attendees);
      if (refused) return (json(res, 400, googleError(400, refused.reason, refused.message)), true);
      const conference = this.createConference(body, version, res);
      if (conference === 'error') return true;
      const { conferenceData: _ignored, ...rest } = body;
      const stored = this.store(newId, rest, conference);
      return (json(res, 200, this.view(stored, false)), true);
    }
    const stored = id ? this.events.get(id) : undefined;
    if (!stored) return (json(res, 404, googleError(404, 'notFound', 'Not Found')), true);
    if (req.method === 'GET') return (json(res, 200, this.view(stored, true)), true);
    if (req.method === 'DELETE') {
      if (stored.event.status === 'cancelled')
        return (json(res, 410, googleError(410, 'deleted', 'Resource has been deleted')), true);
      stored.event.status = 'cancelled';
      this.touch(stored);
      res.writeHead(204).end();
      return true;
    }
    if (req.method === 'PATCH' || req.method === 'PUT') {
      const ifMatch = req.headers['if-match'];
      if (ifMatch && ifMatch !== stored.event.etag)
        return (json(res, 412, googleError(412, 'conditionNotMet', 'Precondition Failed')), true);
      const body = await readJson(req);
      if (!body) return (json(res, 400, googleError(400, 'parseError', 'Parse Error')), true);
      const refused = body.attendees === undefined ? undefined : attendeeError(body.attendees);
      if (refused) return (json(res, 400, googleError(400, refused.reason, refused.message)), true);
      const { conferenceData, id: _id, iCalUID: _uid, sequence, ...rest } = body;
      const before = JSON.stringify([stored.event.start, stored.event.end]);
      stored.event = req.method === 'PUT' ? { ...pickSystem(stored.event), ...rest } : { ...stored.event, ...rest };
      const timeChanged = JSON.stringify([stored.event.start, stored.event.end]) !== before;
      const requested = typeof sequence === 'number' ? sequence : undefined;
      const current = Number(stored.event.sequence ?? 0);
      stored.event.sequence = Math.max(current + (timeChanged ? 1 : 0), requested ?? 0);
      // A repeated requestId is ignored; a new request (after a failure) or given conference data replaces it.
      const requestId = ((conferenceData as Json | undefined)?.createRequest as Json | undefined)?.requestId;
      if (
        conferenceData !== undefined &&
        version >= 1 &&
        (!stored.conference || requestId !== stored.conference.requestId)
      ) {
        const conference = this.createConference({ conferenceData }, version, res);
        if (conference === 'error') return true;
        stored.conference = conference;
        // Conference data given by the caller replaces whatever an add-on had put there, as in Calendar.
        delete stored.replacedConference;
      }
      if (stored.event.status === 'cancelled' && rest.status !== 'confirmed') {
        return (json(res, 410, googleError(410, 'deleted', 'Resource has been deleted')), true);
      }
      this.touch(stored);
      return (json(res, 200, this.view(stored, false)), true);
    }
    return false;
  }

  private list(res: ServerResponse, url: URL): void {
    const p = url.searchParams;
    const syncToken = p.get('syncToken');
    const pageToken = p.get('pageToken');
    const maxResults = Math.min(Number(p.get('maxResults') ?? '250') || 250, 2500);
    if (syncToken && syncForbidden.some((name) => p.has(name))) {
      json(res, 400, googleError(400, 'invalid', 'Sync token cannot be combined with these parameters.'));
      return;
    }
    let since: number | null = null;
    let snapshot: number;
    let offset = 0;
    if (pageToken) {
      const parsed = /^page-(\d+)-(full|\d+)-(\d+)-(\d+)$/.exec(pageToken);
      if (!parsed || Number(parsed[1]) !== this.syncEpoch) {
        json(res, 410, googleError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.'));
        return;
      }
      since = parsed[2] === 'full' ? null : Number(parsed[2]);
      snapshot = Number(parsed[3]);
      offset = Number(parsed[4]);
    } else {
      snapshot = this.changeSeq;
      if (syncToken) {
        const parsed = /^sync-(\d+)-(\d+)$/.exec(syncToken);
        if (!parsed || Number(parsed[1]) !== this.syncEpoch) {
          json(
            res,
            410,
            googleError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.'),
          );
          return;
        }
        since = Number(parsed[2]);
      }
    }
    const showDeleted = p.get('showDeleted') === 'true' || since !== null;
    const matching = [...this.events.values()]
      .filter((s) => (since === null || s.changeSeq > since) && s.changeSeq <= snapshot)
      .filter((s) => showDeleted || s.event.status !== 'cancelled')
      .sort((a, b) => a.changeSeq - b.changeSeq);
    const page = matching.slice(offset, offset + maxResults);
    const more = offset + maxResults < matching.length;
    json(res, 200, {
      kind: 'calendar#events',
      summary: this.oauth.user.email,
      updated: new Date().toISOString(),
      items: page.map((s) => this.view(s, true)),
      ...(more
        ? { nextPageToken: `page-${this.syncEpoch}-${since ?? 'full'}-${snapshot}-${offset + maxResults}` }
        : { nextSyncToken: `sync-${this.syncEpoch}-${snapshot}` }),
    });
  }
}

function pickSystem(event: Json): Json {
  const keep = [
    'kind',
    'id',
    'status',
    'iCalUID',
    'sequence',
    'htmlLink',
    'created',
    'creator',
    'organizer',
    'etag',
    'updated',
  ];
  return Object.fromEntries(Object.entries(event).filter(([k]) => keep.includes(k)));
}

/**
 * Calendar's checks on `attendees`: a list of objects, each with an email ("Missing attendee email."
 * otherwise) that is one plain address ("Invalid attendee email.").
 */
function attendeeError(attendees: unknown): { reason: string; message: string } | undefined {
  if (attendees === undefined) return undefined;
  if (!Array.isArray(attendees)) return { reason: 'invalid', message: 'Invalid value for: attendees' };
  for (const attendee of attendees as unknown[]) {
    const email = (attendee as Json | null)?.email;
    if (email === undefined || email === '') return { reason: 'required', message: 'Missing attendee email.' };
    if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      return { reason: 'invalid', message: 'Invalid attendee email.' };
  }
  return undefined;
}
