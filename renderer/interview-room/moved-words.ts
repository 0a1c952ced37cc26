import type { Interview } from '../../preload/shared/contract/interview-schema';
import { dayKey, formatTime } from '../common/format';
import { deliveryLine, panelDeliveryLine } from './delivery-words';

/** "14:02" today, "3 Dec, 14:02" another day: when the last of them went out, as the room's other lines say it. */
function sentAt(ms: number, zone: string, now: number): string {
  const time = formatTime(ms, zone);
  return dayKey(ms, zone) === dayKey(now, zone)
    ? time
    : `${new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' }).format(ms)}, ${time}`;
}

const joinNames = (names: string[]): string =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * What a move sent, to everyone who holds the invitation: "New time sent to Ada Lovelace, Pat Panel
 * and you", then, each on its own, whoever's update is still queued or failed. Whoever was not
 * emailed about the move (say, you, when Google tells you) is not named.
 */
export function movedLine(interview: Interview, zone: string, now: number): string {
  const people = [
    {
      name: interview.candidate.name,
      state: interview.invitations.candidate,
      line: () => deliveryLine(interview, 'candidate', zone, now, 'New time'),
    },
    ...interview.coInterviewers.map((p) => ({
      name: p.name?.trim() || p.email,
      state: interview.invitations.panel?.[p.email.toLowerCase()] ?? { state: 'none' as const },
      line: () => panelDeliveryLine(interview, p, zone, now),
    })),
    {
      name: 'you',
      state: interview.invitations.recruiter,
      line: () => deliveryLine(interview, 'recruiter', zone, now, 'New time'),
    },
  ];
  const sentTo = people.filter((p) => p.state.state === 'sent' && p.state.kind === 'update');
  const sent = sentTo.map((p) => p.name);
  const last = Math.max(
    ...sentTo.map((p) => (p.state.at ? Date.parse(p.state.at) : Number.NaN)).filter((ms) => Number.isFinite(ms)),
  );
  // A message sent before the move (a first invitation never updated) is not about it: left out.
  const others = people.filter((p) => p.state.state === 'queued' || p.state.state === 'failed').map((p) => p.line());
  const lines = [
    ...(sent.length
      ? [`New time sent to ${joinNames(sent)}${Number.isFinite(last) ? ` at ${sentAt(last, zone, now)}` : ''}`]
      : []),
    ...others,
  ];
  return lines.length ? lines.join('. ') : deliveryLine(interview, 'candidate', zone, now);
}
