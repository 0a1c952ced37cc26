import type { CallName } from '../../../preload/shared/contract/ipc-contract';
import type { CallHandlers } from '../dispatch-call';

/** The handlers of one contract namespace (`interviews` → every `interviews:*` call, nothing else). */
export type NamespaceHandlers<Namespace extends string> = Pick<
  CallHandlers,
  Extract<CallName, `${Namespace}:${string}`>
>;
