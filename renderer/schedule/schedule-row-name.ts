import type { ScheduleRow } from '../../preload/shared/contract/ipc-contract';
import { statusLabels, type DisplayStatus } from '../../preload/shared/rules/interview-timing';

/**
 * A schedule row's accessible name, in the order a person says it: who, for what and how long, when
 * (the full date, not only the row's time), then the status as its own sentence — with what needs
 * attention, which the badge shows only as a tooltip — and the line said when a search found it there.
 */
export function scheduleRowName(
  row: Pick<ScheduleRow, 'candidateName' | 'jobTitle' | 'durationMinutes' | 'attention' | 'spoken'>,
  when: string,
  status: DisplayStatus,
): string {
  const why = status === 'needs_attention' && row.attention ? `: ${row.attention}` : '';
  const spoken = row.spoken;
  const said = spoken
    ? ` Said in the interview: ${spoken.speaker ? `${spoken.speaker}: ` : ''}${spoken.parts.map((p) => p.text).join('')}`
    : '';
  return `${row.candidateName}, ${row.jobTitle}, ${row.durationMinutes} min, on ${when}. ${statusLabels[status]}${why}.${said}`;
}
