import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  entryCutMark,
  entryTextMax,
  parseArtifact,
  parseTranscriptEntry,
} from '../../../main/meet-artifacts/artifact-records';

const transcript = 'conferenceRecords/abc123/transcripts/t1';

/** Google's answers are input: parsing never throws, keeps only documented shapes and exact Drive/Docs links. */
describe('Meet artifact parsers', () => {
  it('reads a generated transcript, recording and notes with their links; a link only once the file exists', () => {
    expect(
      parseArtifact('recording', {
        name: 'conferenceRecords/abc123/recordings/r1',
        state: 'FILE_GENERATED',
        startTime: '2030-03-04T10:00:00.123456Z',
        driveDestination: { file: 'f', exportUri: 'https://drive.google.com/file/d/1kuceFZohVoCh6Fu/view' },
      }),
    ).toEqual({
      name: 'conferenceRecords/abc123/recordings/r1',
      kind: 'recording',
      state: 'FILE_GENERATED',
      startTime: '2030-03-04T10:00:00.123Z',
      exportUri: 'https://drive.google.com/file/d/1kuceFZohVoCh6Fu/view',
    });
    expect(
      parseArtifact('transcript', {
        name: transcript,
        state: 'ENDED',
        docsDestination: { exportUri: 'https://docs.google.com/document/d/1kuceFZohVoCh6Fu/view' },
      }),
    ).toEqual({ name: transcript, kind: 'transcript', state: 'ENDED' });
    // A link elsewhere is not kept; the item is.
    expect(
      parseArtifact('smart_notes', {
        name: 'conferenceRecords/abc123/smartNotes/n1',
        state: 'FILE_GENERATED',
        docsDestination: { exportUri: 'https://evil.example/document/d/1kuceFZohVoCh6Fu/view' },
      }),
    ).toEqual({ name: 'conferenceRecords/abc123/smartNotes/n1', kind: 'smart_notes', state: 'FILE_GENERATED' });
    // The wrong kind, an unknown state or a name that could steer a request are dropped.
    expect(parseArtifact('recording', { name: transcript, state: 'FILE_GENERATED' })).toBeUndefined();
    expect(parseArtifact('transcript', { name: transcript, state: 'STATE_UNSPECIFIED' })).toBeUndefined();
    expect(parseArtifact('transcript', { name: `${transcript}/../x`, state: 'ENDED' })).toBeUndefined();
  });

  it('reads an entry, drops a malformed field (not the entry) and strips controls that could hide text', () => {
    expect(
      parseTranscriptEntry({
        name: `${transcript}/entries/e1`,
        participant: 'conferenceRecords/abc123/participants/p1',
        text: 'Hello \u202Eworld\u0007',
        languageCode: 'en-US',
        startTime: '2030-03-04T10:00:00Z',
        endTime: '2030-03-04T09:00:00Z',
      }),
    ).toEqual({
      name: `${transcript}/entries/e1`,
      participant: 'conferenceRecords/abc123/participants/p1',
      text: 'Hello world',
      languageCode: 'en-US',
      startTime: '2030-03-04T10:00:00.000Z',
    });
    expect(
      parseTranscriptEntry({
        name: `${transcript}/entries/e1`,
        text: 'x',
        startTime: '2030-03-04T10:00:00Z',
        languageCode: 5,
      }),
    ).toEqual({ name: `${transcript}/entries/e1`, text: 'x', startTime: '2030-03-04T10:00:00.000Z' });
    expect(
      parseTranscriptEntry({ name: `${transcript}/entries/e1`, text: 'x', startTime: 'yesterday' }),
    ).toBeUndefined();
  });

  it('cuts a text longer than is kept with a mark, never inside a character; a text of the limit is whole', () => {
    const entry = (text: string) =>
      parseTranscriptEntry({ name: `${transcript}/entries/e1`, text, startTime: '2030-03-04T10:00:00.000Z' })!.text;
    expect(entry('a'.repeat(entryTextMax))).toBe('a'.repeat(entryTextMax));
    expect(entry('a'.repeat(entryTextMax + 1))).toBe(`${'a'.repeat(entryTextMax)} […]`);
    // An emoji (two UTF-16 units) across the limit is dropped whole, not halved.
    const halved = entry(`${'a'.repeat(entryTextMax - 1)}😀 and more`);
    expect(halved).toBe(`${'a'.repeat(entryTextMax - 1)} […]`);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: entryTextMax, maxLength: entryTextMax + 50 }), (text) => {
        const kept = entry(text);
        expect(kept.length).toBeLessThanOrEqual(entryTextMax + entryCutMark.length);
        // No lone surrogate: a halved character would show as a replacement box.
        expect(kept).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 50 },
    );
  });

  it('never throws on anything, and what it keeps has a valid name, start and bounded text', () => {
    const loose = fc.record(
      {
        name: fc.oneof(fc.string(), fc.constant(`${transcript}/entries/e1`)),
        participant: fc.oneof(fc.string(), fc.constant('conferenceRecords/a/participants/b'), fc.integer()),
        text: fc.oneof(fc.string(), fc.integer(), fc.constant('a'.repeat(entryTextMax + 10))),
        languageCode: fc.oneof(fc.string(), fc.constant('en-US')),
        startTime: fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        endTime: fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(loose, fc.anything()), (raw) => {
        const entry = parseTranscriptEntry(raw);
        if (!entry) return;
        expect(entry.name).toMatch(
          /^conferenceRecords\/[A-Za-z0-9_-]+\/transcripts\/[A-Za-z0-9_-]+\/entries\/[A-Za-z0-9_-]+$/,
        );
        expect(Number.isNaN(Date.parse(entry.startTime))).toBe(false);
        expect(entry.text.length).toBeLessThanOrEqual(entryTextMax + entryCutMark.length);
        if (entry.endTime) expect(Date.parse(entry.endTime)).toBeGreaterThanOrEqual(Date.parse(entry.startTime));
      }),
    );
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('transcript', 'recording', 'smart_notes' as const), (raw, kind) => {
        const artifact = parseArtifact(kind, raw);
        if (artifact?.exportUri) expect(artifact.exportUri.startsWith('https://d')).toBe(true);
      }),
    );
  });
});
