import { afterAll, describe, expect, it } from 'vitest';
import { servicesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { makeInterview, seedStore } from '../../support/interview-fixtures';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createArtifactRepository, type StoredEntry } from '../../../main/meet-artifacts/artifact-repository';
import { createTranscriptLines } from '../../../main/meet-artifacts/transcript-lines';
import type { Result } from '../../../preload/shared/contract/result';
import type { ArtifactsView, TranscriptPage } from '../../../preload/shared/contract/transcript-schema';
import { findByCharactersLines } from '../../../preload/shared/rules/transcript-find-mode';

const minute = 60_000;
const start = Date.now() - 3 * 60 * minute;
const at = (ms: number) => new Date(start + ms).toISOString();
const interview = makeInterview({
  startUtc: at(0),
  durationMinutes: 45,
  meetLink: 'https://meet.google.com/abc-mnop-xyz',
});
const copy = makeInterview({
  startUtc: at(0),
  durationMinutes: 45,
  meetLink: 'https://meet.google.com/ddd-eeee-fff',
  origin: 'candidate',
});

// 1,000 stored lines: every 2nd says "queue", every 100th holds LIKE's and SQL's own characters,
// line 500 names José; lines 10 and 11 were said at the same instant (the order stays as stored).
const transcript = 'conferenceRecords/c1/transcripts/t1';
const said = (i: number) =>
  i === 500
    ? 'Ask José about it.'
    : i % 100 === 7
      ? `We cut 50% of snake_case names, it's "done" ${i}`
      : i % 2 === 0
        ? `The queue line ${i}`
        : `Line ${i} of the call`;
const entries: StoredEntry[] = Array.from({ length: 1000 }, (_, i) => ({
  transcript,
  name: `${transcript}/entries/e${i}`,
  speaker: i % 3 === 0 ? 'Rita Recruiter' : 'Ada Lovelace',
  text: said(i),
  startTime: at(minute + (i === 11 ? 10 : i) * 1000),
}));

// A transcript longer than find reads character by character: the same lines, one more than that.
const lengthy = makeInterview({
  startUtc: at(0),
  durationMinutes: 45,
  meetLink: 'https://meet.google.com/lll-mmmm-nnn',
});
const longTranscript = 'conferenceRecords/c2/transcripts/t1';
const longEntries: StoredEntry[] = Array.from({ length: findByCharactersLines + 1 }, (_, i) => ({
  transcript: longTranscript,
  name: `${longTranscript}/entries/e${i}`,
  speaker: i % 3 === 0 ? 'Rita Recruiter' : 'Zoë Martínez',
  text: said(i),
  startTime: at(minute + i * 1000),
}));

const temp = makeTempDir();
seedStore(temp.dir, { interviews: [interview, copy, lengthy], settings: { firstRunDone: true } });
const services = servicesFor(temp.dir);
const look = { state: 'complete', attempts: 0, nextMs: 0, checkedMs: Date.now(), notesOffered: true } as const;
const stored = createArtifactRepository(services.stores.database);
stored.saveLook(interview.id, [{ name: transcript, kind: 'transcript', state: 'FILE_GENERATED' }], entries, look);
stored.saveLook(lengthy.id, [{ name: longTranscript, kind: 'transcript', state: 'FILE_GENERATED' }], longEntries, look);
afterAll(async () => {
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
});

const dispatch = <T>(name: string, input?: unknown) =>
  dispatchCall(services.handlers, name, input, createMemoryLogger()) as Promise<Result<T>>;
const call = async <T>(name: string, input?: unknown): Promise<T> => {
  const result = await dispatch<T>(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
};
const lines = (ask: { query?: string; after?: number }, interviewId = interview.id) =>
  call<TranscriptPage>('artifacts:lines', { interviewId, ...ask });
const texts = (page: { lines: { text: string }[] }) => page.lines.map((l) => l.text);

/** The room's transcript a page at a time, and find within answered by SQLite (real database, composed handlers). */
describe('artifacts:get and artifacts:lines over 1,000 stored lines', () => {
  it('the view carries the first 200 lines and the total; the cursor walks the rest in the order said', async () => {
    const view = await call<ArtifactsView>('artifacts:get', interview.id);
    expect(view.entries).toHaveLength(200);
    expect(view.lineCount).toBe(1000);
    // Line 11 was said with line 10: it follows it, before line 12.
    expect(texts({ lines: view.entries }).slice(9, 13)).toEqual([said(9), said(10), said(11), said(12)]);

    const seen = [...view.entries];
    let page: TranscriptPage;
    do {
      page = await lines({ after: seen.at(-1)!.seq });
      expect(page).toMatchObject({ count: 1000, total: 1000 });
      expect(page.lines.length).toBeLessThanOrEqual(200);
      seen.push(...page.lines);
    } while (page.more);
    expect(seen.map((l) => l.text)).toEqual(entries.map((e) => e.text));
    expect(new Set(seen.map((l) => l.seq)).size).toBe(1000);
  });

  it('a search is counted over the whole interview and paged the same way', async () => {
    const first = await lines({ query: '  QUEUE ' });
    expect(first).toMatchObject({ count: 499, total: 1000, more: true });
    expect(first.lines).toHaveLength(200);
    expect(first.lines.every((l) => /queue/i.test(l.text))).toBe(true);
    const rest: string[] = [];
    for (let page = first; page.more;) {
      page = await lines({ query: 'queue', after: (page.lines.at(-1) ?? first.lines.at(-1))!.seq });
      // A later page of a search is not counted again: the room keeps the first page's count.
      expect(page).not.toHaveProperty('count');
      rest.push(...texts(page));
    }
    expect([...texts(first), ...rest]).toEqual(entries.map((e) => e.text).filter((t) => t.includes('queue')));
    // The speaker's name counts too; the word index finds "José" for "jose".
    expect((await lines({ query: 'rita' })).count).toBe(334);
    expect((await lines({ query: 'LOVELACE' })).count).toBe(666);
    expect(texts(await lines({ query: 'jose' }))).toEqual(['Ask José about it.']);
    // Nothing: no line, no more.
    expect(await lines({ query: 'kafka' })).toEqual({ lines: [], count: 0, total: 1000, more: false });
  });

  it('a hostile search is text: %, _, quotes, backslashes, control characters, SQL', async () => {
    const holding = (text: string) => entries.filter((e) => e.text.includes(text)).length;
    expect(holding('50%')).toBe(10);
    for (const query of ['%', '50%', '_', 'snake_case', "it's", '"done"', "'", '\\'])
      expect((await lines({ query })).count, query).toBe(holding(query));
    expect((await lines({ query: '%%' })).count).toBe(0);
    expect((await lines({ query: "') OR 1=1 --" })).count).toBe(0);
    expect((await lines({ query: '\u0000' })).count).toBe(0);
    expect((await lines({ query: '\u0001queue' })).count).toBe(0);
    // Only spaces: every line, as without a search.
    expect(await lines({ query: '   ' })).toMatchObject({ count: 1000, more: true });
    // Longer than the field allows, or a cursor that is not a line: refused in words.
    const long = await dispatch('artifacts:lines', { interviewId: interview.id, query: 'q'.repeat(201) });
    expect(long.ok ? undefined : long.error.message).toBe('Find in transcript takes at most 200 characters.');
    const bad = await dispatch('artifacts:lines', { interviewId: interview.id, after: -1 });
    expect(bad.ok).toBe(false);
    // A cursor taken from another interview's line, or from no line, answers nothing of this one.
    const elsewhere = (await lines({}, lengthy.id)).lines[5]!.seq;
    for (const after of [elsewhere, 0, 10_000_000])
      for (const query of [undefined, 'queue', 'line'])
        expect(await lines({ after, ...(query ? { query } : {}) }), `${after} ${query}`).toMatchObject({
          lines: [],
          more: false,
        });
  });

  it('a transcript over 2,000 lines is found by its words and speakers, through the word index alone', async () => {
    const count = (query: string) => lines({ query }, lengthy.id).then((page) => page.count);
    const words = (text: string) =>
      longEntries.filter((e) =>
        e.text
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .includes(text),
      ).length;
    expect((await lines({}, lengthy.id)).total).toBe(2001);
    // Words in any case, the last one open-ended.
    expect(await count('QUEUE')).toBe(words('queue'));
    expect(await count('queue li')).toBe(words('queue'));
    expect(await count('jose')).toBe(1);
    expect(await count('rita')).toBe(longEntries.filter((e) => e.speaker.startsWith('Rita')).length);
    // A speaker's name in any case and with or without its accents, anywhere in it.
    const zoe = longEntries.filter((e) => e.speaker.startsWith('Zoë')).length;
    for (const name of ['zoe', 'ZOË', 'martinez', 'tínez', 'zoe mart']) expect(await count(name), name).toBe(zoe);
    // Characters inside a word are not read (the shorter transcript finds them); other characters are not words.
    expect(await count('ueu')).toBe(0);
    expect((await lines({ query: 'ueu' })).count).toBe(499);
    expect(await count('snake_case')).toBe(words('snake'));
    expect(await count('%')).toBe(0);
    expect(await count('"')).toBe(0);
    // A word under three letters is found whole, never as the start of longer ones.
    expect(await count('of')).toBe(words('of'));
    // The answer says how it was found, so the room marks words, not characters.
    expect(await lines({ query: 'queue' }, lengthy.id)).toMatchObject({ byWords: true });
    expect(await lines({ query: 'queue' })).not.toHaveProperty('byWords');
    // Without the word index (an SQLite built without FTS5), a long transcript is read by characters, and says so.
    const noIndex = createTranscriptLines(services.stores.database, false).page(lengthy.id, { query: 'ueu' }, 200);
    expect(noIndex.count).toBeGreaterThan(0);
    expect(noIndex).not.toHaveProperty('byWords');
    // A first page holding every match is its own count.
    const few = await lines({ query: 'snake' }, lengthy.id);
    expect(few).toMatchObject({ count: few.lines.length, more: false });
  });

  it("never for a candidate's saved copy; an unknown interview no longer exists", async () => {
    const refused = await dispatch('artifacts:lines', { interviewId: copy.id });
    expect(refused.ok ? undefined : refused.error.message).toBe(
      'Meet transcripts are kept only for interviews you scheduled.',
    );
    const unknown = await dispatch('artifacts:lines', { interviewId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok ? undefined : unknown.error.message).toBe('That interview no longer exists.');
  });
});
