import { buildDeskApi, type DeskApi } from '../../preload/shared/contract/ipc-contract';
import { dispatchCall } from '../../main/app/dispatch-call';
import { createMemoryLogger } from '../../main/logging/logger';
import type { DeskServices } from '../../main/app/compose-services';

/**
 * The renderer's `DeskApi` over real services in this process: calls go through the same dispatch as
 * both bridges, and every event main emits reaches the listeners, as the preload and web bridge pass them.
 */
export function inProcessDesk(services: Pick<DeskServices, 'handlers' | 'events'>): DeskApi {
  const log = createMemoryLogger();
  return buildDeskApi({
    invoke: (name, input) => dispatchCall(services.handlers, name, input, log),
    subscribe(name, listener) {
      return services.events.listen((emitted, payload) => {
        if (emitted === name) listener(payload);
      });
    },
  });
}
