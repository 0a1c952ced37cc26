import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { servicesFor } from '../../../support/test-services';
import { makeTempDir } from '../../../support/temp-dir';
import { inProcessDesk } from '../../../support/in-process-desk';
import { installPageGlobals } from '../../../support/page-globals';
import { makeInterview, seedStore } from '../../../support/interview-fixtures';
import { createArtifactRepository } from '../../../../main/meet-artifacts/artifact-repository';

const minute = 60_000;
const start = Date.now() - 3 * 60 * minute;
const at = (m: number) => new Date(start + m * minute).toISOString();
const interview = makeInterview({
  startUtc: at(0),
  durationMinutes: 45,
  timeZone: 'UTC',
  meetLink: 'https://meet.google.com/abc-mnop-xyz',
});

// The room's section over real services in this process, with what a look at Meet stored.
const removePage = await installPageGlobals();
const { render, screen, cleanup, fireEvent, waitFor, act } = await import('@testing-library/react');
const long = makeInterview({
  startUtc: at(0),
  durationMinutes: 45,
  timeZone: 'UTC',
  meetLink: 'https://meet.google.com/lll-mmmm-nnn',
});
const temp = makeTempDir();
seedStore(temp.dir, { interviews: [interview, long], settings: { firstRunDone: true } });
const opened: string[] = [];
const services = servicesFor(temp.dir, { openExternal: async (url) => void opened.push(url) });
window.desk = inProcessDesk(services);
const { TranscriptPanel } = await import('../../../../renderer/transcript/TranscriptPanel');
const repository = createArtifactRepository(services.stores.database);
const transcript = 'conferenceRecords/c1/transcripts/t1';
repository.saveLook(
  interview.id,
  [
    {
      name: transcript,
      kind: 'transcript',
      state: 'FILE_GENERATED',
      exportUri: 'https://docs.google.com/document/d/transcriptDoc123/view',
    },
    { name: 'conferenceRecords/c1/recordings/r1', kind: 'recording', state: 'ENDED' },
  ],
  [
    {
      transcript,
      name: `${transcript}/entries/e1`,
      speaker: 'Rita Recruiter',
      text: 'Tell me about José.',
      startTime: at(1),
    },
    {
      transcript,
      name: `${transcript}/entries/e2`,
      speaker: 'Ada Lovelace',
      text: 'Jose wrote the queue.',
      startTime: at(2),
    },
    {
      transcript,
      name: `${transcript}/entries/e3`,
      speaker: 'Ada Lovelace',
      text: 'Then we shipped.',
      startTime: at(3),
    },
  ],
  {
    state: 'waiting',
    attempts: 0,
    nextMs: Date.parse('2030-01-01T14:40:00.000Z'),
    checkedMs: Date.now(),
    notesOffered: false,
  },
);

// A transcript longer than a page: 450 lines, every 3rd about a queue.
const longTranscript = 'conferenceRecords/c2/transcripts/t1';
repository.saveLook(
  long.id,
  [{ name: longTranscript, kind: 'transcript', state: 'FILE_GENERATED' }],
  Array.from({ length: 450 }, (_, i) => ({
    transcript: longTranscript,
    name: `${longTranscript}/entries/e${i}`,
    speaker: i % 2 ? 'Ada Lovelace' : 'Rita Recruiter',
    text: i % 3 === 0 ? `The queue, line ${i}.` : `Line ${i}.`,
    startTime: at(1 + i / 60),
  })),
  { state: 'complete', attempts: 0, nextMs: 0, checkedMs: Date.now(), notesOffered: true },
);

afterEach(() => cleanup());
afterAll(async () => {
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
  await removePage();
});

describe('the transcript section', () => {
  it('says what it waits for, opens a ready link, finds within the lines, and follows main when they go', async () => {
    render(<TranscriptPanel interview={interview} />);
    // The time as the system's clock writes it (14:40, or 2:40 PM).
    expect((await screen.findByTestId('transcript-status')).textContent).toMatch(
      /^Google Meet is still preparing the recording\. Interview Desk looks again at (14:40|2:40\sPM) while the app is open\.$/,
    );
    expect(screen.getByTestId('artifact-links').textContent).toContain('Recording: Google Meet is still preparing it');
    // Without the Meet permission there is no Check Meet now: the words say how to get it.
    expect(screen.queryByRole('button', { name: 'Check Meet now' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Open the transcript in Google Docs' }));
    await waitFor(() => expect(opened).toEqual(['https://docs.google.com/document/d/transcriptDoc123/view']));

    const rows = () => screen.getByTestId('transcript-lines').querySelectorAll('tbody tr');
    expect(rows()).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Find in transcript'), { target: { value: 'jose' } });
    // Main answers once typing rests.
    await waitFor(() => expect(screen.getByTestId('transcript-count').textContent).toBe('2 of 3 lines hold “jose”.'));
    expect(rows()).toHaveLength(2);
    expect([...screen.getByTestId('transcript-lines').querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'José',
      'Jose',
    ]);
    fireEvent.change(screen.getByLabelText('Find in transcript'), { target: { value: 'ada' } });
    await waitFor(() => expect(screen.getByTestId('transcript-count').textContent).toBe('2 of 3 lines hold “ada”.'));
    expect(rows()).toHaveLength(2);

    // The interview gets another Meet link: what was read is deleted, and the section follows.
    act(() => {
      services.commands.updateQuietly(interview.id, (i) => ({
        ...i,
        meetLink: 'https://meet.google.com/ddd-eeee-fff',
      }));
    });
    act(() => services.events.emit('artifacts:changed', { ids: [interview.id] }));
    await waitFor(() => expect(screen.queryByTestId('transcript-lines')).toBeNull());
    expect(screen.getByTestId('transcript-status').textContent).toContain('Google Meet is not connected yet');
  });

  it('Show more lines pressed while a search waits for main leaves the search to answer', async () => {
    render(<TranscriptPanel interview={long} />);
    const rows = () => screen.getByTestId('transcript-lines').querySelectorAll('tbody tr');
    await waitFor(() => expect(rows()).toHaveLength(200));
    // Typed, and before main answers, Show more lines on the lines still on screen: nothing is asked.
    fireEvent.change(screen.getByLabelText('Find in transcript'), { target: { value: 'queue' } });
    const more = screen.getByRole('button', { name: 'Show more lines' });
    expect(more.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(more);
    await waitFor(() =>
      expect(screen.getByTestId('transcript-count').textContent).toBe('150 of 450 lines hold “queue”.'),
    );
    expect(rows()).toHaveLength(150);
    // Answered: the next search's wait is its own; a page asked before it is dropped when it answers.
    fireEvent.change(screen.getByLabelText('Find in transcript'), { target: { value: 'line' } });
    await waitFor(() =>
      expect(screen.getByTestId('transcript-count').textContent).toBe('450 of 450 lines hold “line”.'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show more lines' }));
    fireEvent.change(screen.getByLabelText('Find in transcript'), { target: { value: 'queue' } });
    await waitFor(() =>
      expect(screen.getByTestId('transcript-count').textContent).toBe('150 of 450 lines hold “queue”.'),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(rows()).toHaveLength(150);
    expect([...rows()].every((r) => r.textContent?.includes('queue'))).toBe(true);
  });

  it('shows a long transcript a page at a time: Show more lines focuses the first new line and says how many', async () => {
    render(<TranscriptPanel interview={long} />);
    const rows = () => screen.getByTestId('transcript-lines').querySelectorAll('tbody tr');
    await waitFor(() => expect(rows()).toHaveLength(200));
    expect(screen.getByTestId('transcript-count').textContent).toBe('450 lines.');
    expect(screen.getByTestId('transcript-shown').textContent).toBe('Showing 200 of 450 lines.');

    fireEvent.click(screen.getByRole('button', { name: 'Show more lines' }));
    await waitFor(() => expect(rows()).toHaveLength(400));
    await waitFor(() => expect(document.activeElement).toBe(rows()[200]));
    expect(rows()[200]!.textContent).toContain('Line 200.');
    expect(screen.getByTestId('transcript-shown').textContent).toBe('Showing 400 of 450 lines.');
    fireEvent.click(screen.getByRole('button', { name: 'Show more lines' }));
    await waitFor(() => expect(rows()).toHaveLength(450));
    expect(screen.getByTestId('transcript-shown').textContent).toBe('Showing all 450 lines.');
    expect(screen.queryByRole('button', { name: 'Show more lines' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(rows()[400]));

    // Find within asks main: counted over all 450 lines, shown a page at a time, marked here.
    fireEvent.change(screen.getByLabelText('Find in transcript'), { target: { value: 'QUEUE' } });
    await waitFor(() =>
      expect(screen.getByTestId('transcript-count').textContent).toBe('150 of 450 lines hold “QUEUE”.'),
    );
    expect(rows()).toHaveLength(150);
    expect(screen.getByTestId('transcript-lines').querySelectorAll('mark')).toHaveLength(150);
    expect(screen.queryByRole('button', { name: 'Show more lines' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Find in transcript'), { target: { value: 'line' } });
    await waitFor(() =>
      expect(screen.getByTestId('transcript-count').textContent).toBe('450 of 450 lines hold “line”.'),
    );
    expect(rows()).toHaveLength(200);
    expect(screen.getByTestId('transcript-shown').textContent).toBe('Showing 200 of 450 lines that hold “line”.');
    fireEvent.click(screen.getByRole('button', { name: 'Show more lines' }));
    await waitFor(() => expect(rows()).toHaveLength(400));
    expect(screen.getByTestId('transcript-shown').textContent).toBe('Showing 400 of 450 lines that hold “line”.');
    // Cleared: the first page again, without a search.
    fireEvent.change(screen.getByLabelText('Find in transcript'), { target: { value: '' } });
    expect(screen.getByTestId('transcript-count').textContent).toBe('450 lines.');
    expect(rows()).toHaveLength(200);
  });
});
