import type { RestoreReview } from '../../mail/restore-review';
import type { NamespaceHandlers } from './namespace-handlers';

/** What a restored copy of the database holds back until the person decides. */
export function restoreHandlers(review: RestoreReview): NamespaceHandlers<'restore'> {
  return {
    'restore:pending': () => review.pending(),
    'restore:send': ({ keys }) => review.send(keys),
    'restore:drop': ({ keys }) => review.drop(keys),
  };
}
