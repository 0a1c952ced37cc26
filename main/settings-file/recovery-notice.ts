import path from 'node:path';
import type { Notice } from '../../preload/shared/contract/ipc-contract';

/**
 * The plain notice after a damaged file was moved aside: the same words for the settings file and
 * the database. `emptyStart` says what the person starts with when no good copy was found.
 */
export function damagedFileNotice(options: {
  now: number;
  aside: string;
  dataDir: string;
  restoredAt?: string;
  emptyStart: string;
}): Notice {
  const { now, aside, dataDir, restoredAt, emptyStart } = options;
  return restoredAt
    ? {
        id: `store-recovered-${now}-${path.basename(aside)}`,
        level: 'warning',
        message: `Your data file was damaged, so Interview Desk restored the last good copy (saved ${restoredAt}). The damaged file was kept as ${path.basename(aside)}.`,
      }
    : {
        id: `store-recovered-${now}-${path.basename(aside)}`,
        level: 'error',
        message: `Your data file was damaged and no good backup was found, so Interview Desk started with ${emptyStart}. The damaged file was kept as ${path.basename(aside)} in ${dataDir}.`,
      };
}
