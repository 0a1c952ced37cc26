import type { DebriefService } from '../../debrief/debrief-service';
import type { NamespaceHandlers } from './namespace-handlers';

/** The debrief screen: one interview's or its candidate's, and Save as PDF. */
export function debriefHandlers(debrief: DebriefService): NamespaceHandlers<'debrief'> {
  return {
    'debrief:get': (query) => debrief.get(query),
    'debrief:savePdf': (query) => debrief.savePdf(query),
  };
}
