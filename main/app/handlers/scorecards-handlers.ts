import type { ScorecardDue } from '../../../preload/shared/contract/scorecard-schema';
import type { ScorecardService } from '../../scorecards/scorecard-service';
import type { TemplateStore } from '../../scorecards/template-store';
import type { NamespaceHandlers } from './namespace-handlers';

/** The recruiter's scorecard in the room, "Scorecard due" as it stands, and the templates of Settings → Scorecards. */
export function scorecardsHandlers(deps: {
  scorecards: ScorecardService;
  templates: TemplateStore;
  dueNow: () => ScorecardDue[];
}): NamespaceHandlers<'scorecards'> {
  const { scorecards, templates } = deps;
  return {
    'scorecards:get': (id) => scorecards.view(id),
    'scorecards:saveDraft': (input) => scorecards.saveDraft(input),
    'scorecards:submit': (input) => scorecards.submit(input),
    'scorecards:dueNow': () => deps.dueNow(),
    'scorecards:templates': () => templates.list(),
    'scorecards:saveTemplate': (template) => {
      templates.save(template);
      return templates.list();
    },
    'scorecards:removeTemplate': (id) => {
      templates.remove(id);
      return templates.list();
    },
  };
}
