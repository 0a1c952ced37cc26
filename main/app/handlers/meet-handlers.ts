import type { MeetLauncher } from '../../meet/meet-launcher';
import type { KeyValueStore } from '../../settings-file/key-value-store';
import type { NamespaceHandlers } from './namespace-handlers';

/** The Meet window's own switches. */
export function meetHandlers(deps: { meet: MeetLauncher; store: KeyValueStore }): NamespaceHandlers<'meet'> {
  return {
    'meet:setAlwaysOnTop': (flag) => {
      deps.meet.setAlwaysOnTop(flag);
      deps.store.set('meetWindowOnTop', flag);
      return null;
    },
  };
}
