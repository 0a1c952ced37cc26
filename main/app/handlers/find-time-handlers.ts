import type { FindTime } from '../../google/find-time/find-time';
import type { NamespaceHandlers } from './namespace-handlers';

/** Everyone's busy times, for picking an interview time. */
export function findTimeHandlers(findTime: FindTime): NamespaceHandlers<'findTime'> {
  return {
    'findTime:busy': (query) => findTime.busy(query),
    'findTime:connect': () => findTime.connect(),
  };
}
