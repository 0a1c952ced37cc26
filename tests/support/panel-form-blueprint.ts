/** The blueprint of a two-criterion engineering form, as the panel-form tests read responses against it. */
import type { FormBlueprint } from '../../main/panel-forms/form-building';

export const engineeringBlueprint: FormBlueprint = {
  templateName: 'Engineering',
  criteria: [
    { id: 'design', name: 'System design', guidance: '' },
    { id: 'code', name: 'Coding', guidance: '' },
  ],
  questions: { q1: 'rating:design', q2: 'note:design', q3: 'rating:code', q4: 'overall', q5: 'takeaways' },
};
