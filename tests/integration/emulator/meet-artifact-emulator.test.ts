import { beforeEach, describe, expect, it } from 'vitest';
import { emulatorForFile } from '../../support/emulator-for-file';

const meetScope = 'https://www.googleapis.com/auth/meetings.space.readonly';
const calendarScope = 'https://www.googleapis.com/auth/calendar.events';

type Body = Record<string, unknown> & { error?: { code: number; status: string; message: string } };

/** The emulator's Meet artifact routes answer in Google's documented shapes and refuse what Google refuses. */
describe('Google emulator: Meet transcripts, entries, recordings and smart notes', () => {
  const { g, token, request } = emulatorForFile();
  let conference: string;
  beforeEach(() => {
    g.faults.clear();
    g.meet.clear();
    g.meet.artifacts.clear();
    conference = g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: '2030-01-01T10:00:00Z',
      endTime: '2030-01-01T11:00:00Z',
      participants: [
        { kind: 'signedin', displayName: 'Rita Recruiter', sessions: [{ start: '2030-01-01T10:00:00Z' }] },
        { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: '2030-01-01T10:01:00Z' }] },
      ],
    });
  });
  const get = (path: string, access: string) => request<Body>('GET', `/v2/${path}`, access);

  it('moves an artifact from STARTED to ENDED to FILE_GENERATED, giving its link only once the file exists', async () => {
    const access = token(meetScope);
    const t = g.meet.artifacts.addTranscript(conference, { state: 'STARTED', startTime: '2030-01-01T10:02:00Z' });
    const r = g.meet.artifacts.addRecording(conference, {
      state: 'ENDED',
      startTime: '2030-01-01T10:00:30Z',
      endTime: '2030-01-01T11:00:00Z',
      fileId: 'rec1',
    });
    const transcripts = await get(`${conference}/transcripts`, access);
    expect(transcripts.status).toBe(200);
    expect(transcripts.body.transcripts).toEqual([{ name: t, state: 'STARTED', startTime: '2030-01-01T10:02:00Z' }]);
    const before = await get(`${conference}/recordings`, access);
    expect(before.body.recordings).toEqual([
      { name: r, state: 'ENDED', startTime: '2030-01-01T10:00:30Z', endTime: '2030-01-01T11:00:00Z' },
    ]);
    g.meet.artifacts.setState(r, 'FILE_GENERATED');
    const after = await get(`${conference}/recordings`, access);
    expect(after.body.recordings).toEqual([
      expect.objectContaining({
        state: 'FILE_GENERATED',
        driveDestination: { file: 'rec1', exportUri: 'https://drive.google.com/file/d/rec1/view' },
      }),
    ]);
    g.meet.artifacts.setState(t, 'FILE_GENERATED', '2030-01-01T11:00:00Z');
    const done = await get(`${conference}/transcripts`, access);
    const doc = (done.body.transcripts as Body[])[0]!.docsDestination as { exportUri: string; document: string };
    expect(doc.exportUri).toBe(`https://docs.google.com/document/d/${doc.document}/view`);
    // Nothing there: proto3 JSON leaves the empty list out.
    expect((await get(`${conference}/smartNotes`, access)).body).toEqual({});
  });

  it('pages entries (10 unless asked, at most 100), oldest first, naming the speaking participant', async () => {
    const access = token(meetScope);
    const start = Date.parse('2030-01-01T10:00:00Z');
    const entries = Array.from({ length: 230 }, (_, i) => ({
      speaker: i % 2 ? 'Ada Lovelace' : 'Rita Recruiter',
      text: `line ${i}`,
      languageCode: 'en-US',
      // Added out of order: the list answers by start time.
      start: new Date(start + (230 - i) * 5_000).toISOString(),
    }));
    const t = g.meet.artifacts.addTranscript(conference, { startTime: '2030-01-01T10:00:00Z', entries });
    const first = await get(`${t}/entries`, access);
    expect((first.body.transcriptEntries as Body[]).length).toBe(10);
    let token_ = '';
    const seen: Body[] = [];
    for (;;) {
      const page = await get(`${t}/entries?pageSize=500${token_ ? `&pageToken=${token_}` : ''}`, access);
      expect(page.status).toBe(200);
      const items = page.body.transcriptEntries as Body[];
      expect(items.length).toBeLessThanOrEqual(100);
      seen.push(...items);
      if (!page.body.nextPageToken) break;
      token_ = String(page.body.nextPageToken);
    }
    expect(seen).toHaveLength(230);
    const times = seen.map((e) => Date.parse(String(e.startTime)));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const participants = await get(`${conference}/participants`, access);
    const ada = (participants.body.participants as Body[]).find(
      (p) => (p.anonymousUser as Body | undefined)?.displayName === 'Ada Lovelace',
    )!;
    expect(seen[0]).toMatchObject({ participant: ada.name, text: 'line 229', languageCode: 'en-US' });
    expect(String(seen[0]!.name)).toMatch(new RegExp(`^${t}/entries/[A-Za-z0-9]+$`));
  });

  it('refuses what Google refuses: scope, page size, page token, unknown or foreign records', async () => {
    const t = g.meet.artifacts.addTranscript(conference, { startTime: '2030-01-01T10:00:00Z' });
    const noScope = await get(`${conference}/transcripts`, token(calendarScope));
    expect(noScope.status).toBe(403);
    expect(noScope.body.error!.status).toBe('PERMISSION_DENIED');
    const access = token(meetScope);
    expect((await get(`${conference}/recordings?pageSize=-1`, access)).status).toBe(400);
    expect((await get(`${t}/entries?pageToken=bogus`, access)).status).toBe(400);
    // A token from another list is not accepted here.
    g.meet.artifacts.addEntries(
      t,
      Array.from({ length: 12 }, (_, i) => ({
        speaker: 'Ada Lovelace',
        text: `x${i}`,
        start: `2030-01-01T10:${String(10 + i).padStart(2, '0')}:00Z`,
      })),
    );
    const other = g.meet.artifacts.addTranscript(conference, { startTime: '2030-01-01T10:30:00Z' });
    const page = await get(`${t}/entries`, access);
    expect((await get(`${other}/entries?pageToken=${String(page.body.nextPageToken)}`, access)).status).toBe(400);
    const missing = await get('conferenceRecords/nothere/transcripts', access);
    expect(missing.status).toBe(404);
    expect(missing.body.error!.status).toBe('NOT_FOUND');
    expect((await get(`${conference}/transcripts/nothere/entries`, access)).status).toBe(404);
    const foreign = g.meet.addConference({
      meetingCode: 'ddd-eeee-fff',
      startTime: '2030-01-02T10:00:00Z',
      endTime: '2030-01-02T11:00:00Z',
      owner: 'someone-else@example.com',
    });
    const denied = await get(`${foreign}/recordings`, access);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' });
  });

  it('answers smart notes with 404 or 403 when they are not offered, and injects faults on artifact paths', async () => {
    const access = token(meetScope);
    g.meet.artifacts.addSmartNote(conference, { startTime: '2030-01-01T10:00:00Z' });
    expect((await get(`${conference}/smartNotes`, access)).body.smartNotes).toHaveLength(1);
    g.meet.artifacts.smartNotesOffered = 'not_found';
    expect((await get(`${conference}/smartNotes`, access)).status).toBe(404);
    g.meet.artifacts.smartNotesOffered = 'forbidden';
    expect((await get(`${conference}/smartNotes`, access)).status).toBe(403);
    g.faults.add({ path: '/entries', status: 429, retryAfter: 1 });
    const t = g.meet.artifacts.addTranscript(conference, { startTime: '2030-01-01T10:00:00Z' });
    const limited = await get(`${t}/entries`, access);
    expect(limited.status).toBe(429);
    expect(limited.body.error!.status).toBe('RESOURCE_EXHAUSTED');
    expect((await get(`${t}/entries`, access)).status).toBe(200);
  });
});
