import type { ScheduleRow } from '../../preload/shared/contract/ipc-contract';
import type { DisplayStatus } from '../../preload/shared/rules/interview-timing';

/**
 * The hidden end of a schedule row's name, after its visible status badge: what needs attention (the
 * badge shows it only as a tooltip) and the full date, each its own sentence, so a screen reader never
 * runs the status and the date together ("Ended, Sun, 6 Dec…"). The row is named by its content, so
 * its name always holds what is seen (WCAG 2.5.3).
 */
export function rowTail(row: Pick<ScheduleRow, 'attention'>, status: DisplayStatus, when: string): string {
  const why = status === 'needs_attention' && row.attention ? `: ${row.attention}` : '';
  return `${why}. On ${when}.`;
}
