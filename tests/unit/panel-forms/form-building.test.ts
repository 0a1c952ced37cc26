import { describe, expect, it } from 'vitest';
import {
  buildRequests,
  formDescription,
  formTitle,
  plannedQuestions,
  questionMap,
} from '../../../main/panel-forms/form-building';

const criteria = [
  { id: 'design', name: 'System design', guidance: 'Designs for failure' },
  { id: 'code', name: 'Coding', guidance: '' },
];
const subject = {
  candidateName: 'Ada Lovelace',
  jobTitle: 'Compiler Engineer',
  recruiterName: 'Rita Recruiter',
  day: '7 December 2026',
};

describe('the panel form built from a scorecard template', () => {
  it('is titled like the email and asks the scorecard in its order and words', () => {
    expect(formTitle(subject)).toBe('Your scorecard: Ada Lovelace, Compiler Engineer');
    expect(plannedQuestions(criteria).map((q) => [q.key, q.title, q.required, q.choices?.length ?? 0])).toEqual([
      ['rating:design', 'System design', true, 5],
      ['note:design', 'System design: note', false, 0],
      ['rating:code', 'Coding', true, 5],
      ['note:code', 'Coding: note', false, 0],
      ['overall', 'Overall recommendation', true, 5],
      ['takeaways', 'Key takeaways', false, 0],
    ]);
    expect(plannedQuestions(criteria)[0]!.choices).toEqual(['Strong no', 'No', 'Yes', 'Strong yes', 'Not assessed']);
    expect(plannedQuestions(criteria)[4]!.choices).toEqual([
      'Definitely not',
      'No',
      'Yes',
      'Strong yes',
      'No decision',
    ]);
    // A criterion without guidance has no empty description.
    expect(plannedQuestions(criteria)[2]).not.toHaveProperty('description');
  });

  it('builds one batch: the description, verified email, then each question at its index', () => {
    const requests = buildRequests(subject, plannedQuestions(criteria));
    expect(requests[0]).toEqual({
      updateFormInfo: { info: { description: formDescription(subject) }, updateMask: 'description' },
    });
    expect(requests[1]).toEqual({
      updateSettings: { settings: { emailCollectionType: 'VERIFIED' }, updateMask: 'emailCollectionType' },
    });
    expect(requests.slice(2).map((r) => r.createItem?.location?.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(requests[2]!.createItem!.item).toEqual({
      title: 'System design',
      description: 'Designs for failure',
      questionItem: {
        question: {
          required: true,
          choiceQuestion: {
            type: 'RADIO',
            options: ['Strong no', 'No', 'Yes', 'Strong yes', 'Not assessed'].map((value) => ({ value })),
          },
        },
      },
    });
    expect(requests[3]!.createItem!.item!.questionItem!.question).toEqual({
      required: false,
      textQuestion: { paragraph: true },
    });
    // Nothing Google refuses on create goes into the batch as a create: no item carries an id of its own.
    expect(JSON.stringify(requests)).not.toMatch(/questionId|itemId/);
    expect(formDescription(subject)).toContain('only Rita Recruiter sees the panel');
  });

  it.each([
    ['the same titles in order', (t: string[]) => t.map((title, i) => ({ title, questionId: `q${i}` })), true],
    [
      'one question fewer (edited by hand)',
      (t: string[]) => t.slice(1).map((title, i) => ({ title, questionId: `q${i}` })),
      false,
    ],
    [
      'a renamed question',
      (t: string[]) => t.map((title, i) => ({ title: i === 2 ? 'Other' : title, questionId: `q${i}` })),
      false,
    ],
    [
      'an item without a question id',
      (t: string[]) => t.map((title, i) => ({ title, ...(i ? { questionId: `q${i}` } : {}) })),
      false,
    ],
  ])('maps Google question ids back to what they ask: %s', (_name, items, ok) => {
    const planned = plannedQuestions(criteria);
    const map = questionMap(planned, items(planned.map((q) => q.title)));
    if (ok)
      expect(map).toEqual({
        q0: 'rating:design',
        q1: 'note:design',
        q2: 'rating:code',
        q3: 'note:code',
        q4: 'overall',
        q5: 'takeaways',
      });
    else expect(map).toBeUndefined();
  });

  it('keeps a question id such as __proto__ as a key of its own, not as the map’s prototype', () => {
    const planned = plannedQuestions(criteria);
    const map = questionMap(
      planned,
      planned.map((q, i) => ({ title: q.title, questionId: i === 0 ? '__proto__' : `q${i}` })),
    );
    expect(map && Object.hasOwn(map, '__proto__')).toBe(true);
    expect(map && Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});
