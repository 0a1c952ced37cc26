import { DateTime } from 'luxon';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { joinPhase, type JoinWindowSettings } from '../../preload/shared/rules/interview-timing';
import { formatInstant, type TimeStyle } from '../../preload/shared/rules/time-format';
import { timeLeftPhrase } from '../../preload/shared/rules/time-left';

/** What clicking a tray item does. */
export type TrayAction =
  | { kind: 'open-interview'; id: string }
  | { kind: 'join'; id: string }
  | { kind: 'open-app' }
  | { kind: 'device-check' }
  | { kind: 'quit' };

/** One tray menu line (a plain model; the shell turns it into an Electron menu). */
export type TrayItem = { type: 'separator' } | { type: 'item'; label: string; action?: TrayAction; enabled?: boolean };

function day(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    ms,
  );
}

/**
 * The tray menu for a schedule at `now`: the next interview with a countdown (and "Join" while its
 * window is open), today's interviews, then Open, Device check, Quit.
 */
export function buildTrayMenu(
  interviews: Interview[],
  settings: JoinWindowSettings,
  now: number,
  zone: string,
  style: TimeStyle,
): TrayItem[] {
  const time = (ms: number) => formatInstant(ms, zone, style);
  const upcoming = interviews
    .filter((i) => i.status === 'scheduled' && Date.parse(i.startUtc) + i.durationMinutes * 60_000 > now)
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  const items: TrayItem[] = [];
  const next = upcoming[0];
  if (next) {
    const start = Date.parse(next.startUtc);
    items.push({
      type: 'item',
      label: `Next: ${next.candidate.name} · ${next.jobTitle} · ${time(start)} (${timeLeftPhrase(start, now)})`,
      action: { kind: 'open-interview', id: next.id },
    });
    if (joinPhase(next, settings, now) === 'open' && next.meetLink)
      items.push({ type: 'item', label: `Join ${next.candidate.name}`, action: { kind: 'join', id: next.id } });
  } else {
    items.push({ type: 'item', label: 'No upcoming interviews', enabled: false });
  }
  const today = day(now, zone);
  const todays = interviews
    .filter((i) => i.status === 'scheduled' && day(Date.parse(i.startUtc), zone) === today)
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  if (todays.length) {
    items.push({ type: 'separator' }, { type: 'item', label: 'Today', enabled: false });
    for (const i of todays)
      items.push({
        type: 'item',
        label: `${time(Date.parse(i.startUtc))}  ${i.candidate.name} — ${i.jobTitle}`,
        action: { kind: 'open-interview', id: i.id },
      });
  }
  items.push(
    { type: 'separator' },
    { type: 'item', label: 'Open Interview Desk', action: { kind: 'open-app' } },
    { type: 'item', label: 'Device check', action: { kind: 'device-check' } },
    { type: 'separator' },
    { type: 'item', label: 'Quit', action: { kind: 'quit' } },
  );
  return items;
}

/** The tray menu read from storage: the next interview and today's (in `zone`), never the whole schedule. */
export function trayMenuFor(
  interviews: { forTray(nowMs: number, dayStartMs: number, dayEndMs: number): Interview[] },
  settings: JoinWindowSettings,
  now: number,
  zone: string,
  style: TimeStyle,
): TrayItem[] {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  return buildTrayMenu(
    interviews.forTray(now, today.toMillis(), today.plus({ days: 1 }).toMillis()),
    settings,
    now,
    zone,
    style,
  );
}
