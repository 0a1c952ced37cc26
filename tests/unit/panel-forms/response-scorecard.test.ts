import { describe, expect, it } from 'vitest';
import { scorecardFromResponse } from '../../../main/panel-forms/response-scorecard';
import { engineeringBlueprint } from '../../support/panel-form-blueprint';
import type { FormResponse } from '../../../main/panel-forms/form-responses';

const blueprint = engineeringBlueprint;
const response = (values: Record<string, string[]>, at = '2026-12-07T17:00:00.000Z'): FormResponse => ({
  responseId: 'r1',
  createTime: '2026-12-07T16:30:00.000Z',
  lastSubmittedTime: at,
  respondentEmail: 'Bob@Example.com',
  values,
});
const read = (
  values: Record<string, string[]>,
  previous?: Parameters<typeof scorecardFromResponse>[0]['previous'],
  at?: string,
) =>
  scorecardFromResponse({
    interviewId: 'i1',
    response: response(values, at),
    blueprint,
    author: { email: 'bob@example.com', name: 'Bob Panel' },
    ...(previous ? { previous } : {}),
  });

describe('a form response read as a scorecard', () => {
  it('maps the rating and recommendation words back to the scales, with notes and takeaways', () => {
    const result = read({
      q1: ['Strong yes'],
      q2: ['Clear\r\ntrade-offs'],
      q3: ['Not assessed'],
      q4: ['Yes'],
      q5: ['Hire'],
      unknown: ['x'],
    });
    expect(result).toEqual({
      ok: true,
      ignored: [],
      scorecard: {
        interviewId: 'i1',
        author: { kind: 'panelist', name: 'Bob Panel', email: 'bob@example.com' },
        source: 'form',
        templateName: 'Engineering',
        criteria: blueprint.criteria,
        answers: {
          ratings: {
            design: { rating: 'strong_yes', note: 'Clear\ntrade-offs' },
            code: { rating: 'not_assessed', note: '' },
          },
          overall: 'yes',
          takeaways: 'Hire',
        },
        state: 'submitted',
        submittedAt: '2026-12-07T16:30:00.000Z',
        updatedAt: '2026-12-07T17:00:00.000Z',
      },
    });
  });

  it('leaves out, and names, a value the form did not offer (the form edited by hand)', () => {
    const result = read({ q1: ['Brilliant'], q4: ['Maybe'] });
    expect(result.ok && result.ignored).toEqual(['System design', 'Overall recommendation']);
    expect(result.ok && result.scorecard.answers.overall).toBeUndefined();
  });

  it('refuses text the scorecard rules refuse, with the reason', () => {
    const result = read({ q5: ['x'.repeat(4001)] });
    expect(result).toEqual({ ok: false, reason: 'Key takeaways can be at most 4000 characters' });
    expect(read({ q2: ['bad\u0007bell'] })).toMatchObject({ ok: false, reason: expect.stringContaining('control') });
  });

  it('an edited response keeps its first submission and is marked edited; an unchanged one is not', () => {
    const first = read({ q1: ['Yes'], q4: ['Yes'] });
    if (!first.ok) throw new Error('first');
    const edited = read({ q1: ['No'], q4: ['No'] }, first.scorecard, '2026-12-08T09:00:00.000Z');
    expect(edited.ok && edited.scorecard).toMatchObject({
      submittedAt: '2026-12-07T16:30:00.000Z',
      editedAt: '2026-12-08T09:00:00.000Z',
      updatedAt: '2026-12-08T09:00:00.000Z',
    });
    const same = read({ q1: ['Yes'], q4: ['Yes'] }, first.scorecard, '2026-12-08T09:00:00.000Z');
    expect(same.ok && same.scorecard.editedAt).toBeUndefined();
  });
});
