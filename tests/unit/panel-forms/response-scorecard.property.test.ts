import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorecardFromResponse } from '../../../main/panel-forms/response-scorecard';
import { parseFormResponses } from '../../../main/panel-forms/form-responses';
import type { FormBlueprint } from '../../../main/panel-forms/form-building';
import { engineeringBlueprint } from '../../support/panel-form-blueprint';

const blueprint = engineeringBlueprint;

/** Names every plain object already answers to: a lookup keyed by them must not find anything. */
const hostileIds = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];
const hostileId = fc.oneof(fc.constantFrom(...hostileIds), fc.string({ maxLength: 20 }));
const known = fc.record(
  {
    q1: fc.constant<string[]>(['Yes']),
    q2: fc.constant<string[]>(['Clear']),
    q4: fc.constant<string[]>(['Strong yes']),
    q5: fc.constant<string[]>(['Hire']),
  },
  { requiredKeys: [] },
);
const answerText = fc.array(fc.string({ minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 2 });

/** Builds a response as Google's JSON would carry it: every id an own key, `__proto__` included. */
function googleResponse(values: Array<[string, string[]]>): unknown {
  const answers = values
    .map(
      ([id, texts]) =>
        `${JSON.stringify(id)}:${JSON.stringify({ textAnswers: { answers: texts.map((value) => ({ value })) } })}`,
    )
    .join(',');
  return JSON.parse(
    `{"responseId":"r1","createTime":"2026-12-07T16:30:00Z","lastSubmittedTime":"2026-12-07T17:00:00Z","answers":{${answers}}}`,
  );
}

const read = (values: Record<string, string[]>) =>
  scorecardFromResponse({
    interviewId: 'i1',
    response: {
      responseId: 'r1',
      createTime: '2026-12-07T16:30:00.000Z',
      lastSubmittedTime: '2026-12-07T17:00:00.000Z',
      values,
    },
    blueprint,
    author: { email: 'bob@example.com', name: 'Bob Panel' },
  });

describe('a form response with question ids the form never had', () => {
  it('skips them: never throws, and reads the known answers exactly as without them', () => {
    fc.assert(
      fc.property(known, fc.array(fc.tuple(hostileId, answerText), { maxLength: 6 }), (knownValues, extra) => {
        const unknown = extra.filter(([id]) => !Object.hasOwn(blueprint.questions, id));
        const values: Record<string, string[]> = { ...knownValues };
        for (const [id, texts] of unknown)
          Object.defineProperty(values, id, { value: texts, enumerable: true, configurable: true, writable: true });
        const expected = read({ ...knownValues });
        expect(read(values)).toEqual(expected);
        expect(expected.ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads Google JSON with hostile ids end to end: parsed, then read without a throw', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileId, answerText), { minLength: 1, maxLength: 6 }), (extra) => {
        const unknown = extra.filter(([id]) => !Object.hasOwn(blueprint.questions, id));
        const { responses } = parseFormResponses([googleResponse([['q4', ['No']], ...unknown])]);
        expect(responses).toHaveLength(1);
        const reading = scorecardFromResponse({
          interviewId: 'i1',
          response: responses[0]!,
          blueprint,
          author: { email: 'bob@example.com', name: 'Bob Panel' },
        });
        expect(reading.ok && reading.scorecard.answers).toEqual({
          ratings: { design: { note: '' }, code: { note: '' } },
          overall: 'no',
          takeaways: '',
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('a rating for a criterion the blueprint does not hold finds nothing on the prototype', () => {
    const odd: FormBlueprint = { ...blueprint, questions: { ...blueprint.questions, q9: 'rating:constructor' } };
    const reading = scorecardFromResponse({
      interviewId: 'i1',
      response: {
        responseId: 'r1',
        createTime: '2026-12-07T16:30:00.000Z',
        lastSubmittedTime: '2026-12-07T17:00:00.000Z',
        values: { q9: ['Yes'], q4: ['Yes'] },
      },
      blueprint: odd,
      author: { email: 'bob@example.com', name: 'Bob Panel' },
    });
    expect(reading.ok && reading.scorecard.answers.ratings).toEqual({ design: { note: '' }, code: { note: '' } });
    // A prototype lookup would have written the rating onto the global `Object` function.
    expect(Object.hasOwn(Object, 'rating')).toBe(false);
  });
});
