/** The blueprint of a two-criterion engineering form, as the panel-form tests read responses against it. */
import type { FormBlueprint } from '../../main/panel-forms/form-building';
import type { PanelFormRow } from '../../main/panel-forms/panel-forms-repository';

export const engineeringBlueprint: FormBlueprint = {
  templateName: 'Engineering',
  criteria: [
    { id: 'design', name: 'System design', guidance: '' },
    { id: 'code', name: 'Coding', guidance: '' },
  ],
  questions: { q1: 'rating:design', q2: 'note:design', q3: 'rating:code', q4: 'overall', q5: 'takeaways' },
};

/** A made, published form's row for `interviewId`, as the repository keeps it. */
export const readyFormRow = (interviewId: string): PanelFormRow => ({
  interviewId,
  formId: 'f1abcdefghij',
  responderUri: 'https://docs.google.com/forms/d/e/f1abcdefghij/viewform',
  state: 'ready',
  nextReadMs: 0,
  readAttempts: 0,
  updatedMs: 0,
});
