import type { InterviewQueries } from '../../interviews/interview-queries';
import type { PanelFormsService } from '../../panel-forms/panel-forms-service';
import type { NamespaceHandlers } from './namespace-handlers';

/** The panel's scorecards through Google Forms: the room's view, connecting Forms, "Check now", Resend. */
export function panelformsHandlers(deps: {
  panelForms: PanelFormsService;
  interviews: InterviewQueries;
}): NamespaceHandlers<'panelForms'> {
  const { panelForms, interviews } = deps;
  return {
    // Read through the schedule first: an unknown id is "no longer exists", in the schedule's words.
    'panelForms:get': (id) => panelForms.view(interviews.get(id).id),
    'panelForms:connect': () => panelForms.connect(),
    'panelForms:checkNow': (id) => panelForms.checkNow(interviews.get(id).id),
    'panelForms:resend': ({ interviewId, email }) => panelForms.resend(interviews.get(interviewId).id, email),
  };
}
