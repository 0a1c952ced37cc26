import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormResponses } from '../../../main/panel-forms/form-responses';

const valid = fc.record({
  responseId: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
  createTime: fc
    .date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  lastSubmittedTime: fc
    .date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  respondentEmail: fc.emailAddress(),
  answers: fc.dictionary(
    fc.stringMatching(/^[0-9a-f]{8}$/),
    fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 3 }).map((values) => ({
      textAnswers: { answers: values.map((value) => ({ value })) },
    })),
    { maxKeys: 5 },
  ),
});

describe('form responses from Google are input', () => {
  it('never throws on anything, and counts what it leaves out', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.anything()), fc.array(fc.oneof(valid, fc.anything()))), (raw) => {
        const { responses, malformed } = parseFormResponses(raw);
        const total = Array.isArray(raw) ? raw.length : raw === undefined || raw === null ? 0 : 1;
        expect(responses.length + malformed).toBe(total);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every documented response whole: the id, the times, the address, each answer text', () => {
    fc.assert(
      fc.property(fc.array(valid, { maxLength: 5 }), (raw) => {
        const { responses, malformed } = parseFormResponses(raw);
        expect(malformed).toBe(0);
        for (const [i, r] of responses.entries()) {
          const source = raw[i]!;
          expect(r.responseId).toBe(source.responseId);
          expect(r.lastSubmittedTime).toBe(source.lastSubmittedTime);
          expect(r.respondentEmail).toBe(source.respondentEmail);
          for (const [id, answer] of Object.entries(source.answers))
            expect(r.values[id]).toEqual(answer.textAnswers.answers.map((a) => a.value).filter((v) => v !== ''));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    [
      'a time that is not RFC 3339',
      { responseId: 'a', createTime: 'yesterday', lastSubmittedTime: '2026-01-01T00:00:00Z' },
    ],
    ['no response id', { createTime: '2026-01-01T00:00:00Z', lastSubmittedTime: '2026-01-01T00:00:00Z' }],
    [
      'answers that are not text',
      {
        responseId: 'a',
        createTime: '2026-01-01T00:00:00Z',
        lastSubmittedTime: '2026-01-01T00:00:00Z',
        answers: { q: { textAnswers: { answers: [{ value: 7 }] } } },
      },
    ],
  ])('leaves out %s', (_name, raw) => {
    expect(parseFormResponses([raw])).toEqual({ responses: [], malformed: 1 });
  });
});
