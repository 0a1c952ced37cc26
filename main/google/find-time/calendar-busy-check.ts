/**
 * Google's side of the conflict check before Schedule, Reschedule and Edit panel: whether the
 * recruiter and the co-interviewers are busy in Google Calendar over the interview's time, or why
 * Google could not tell. Without a Google connection nothing is found (the app's own interviews
 * are the whole check, as they are in the service).
 */
import { DateTime } from 'luxon';
import type { FreeBusyAnswer } from '../../../preload/shared/contract/ipc-contract';
import type { Interview, ScheduleFields } from '../../../preload/shared/contract/interview-schema';
import { subtractSpans, type Span } from '../../../preload/shared/rules/time-spans';
import { hasEnded } from '../../../preload/shared/rules/interview-timing';
import { noFindings, type CalendarFindings, type UnknownWhy } from '../../interviews/calendar-findings';
import { startInstant } from '../../interviews/interview-rules';
import type { RescheduleFields } from '../../interviews/interview-commands';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { BusyQuery } from './find-time';

export interface CalendarBusyCheckDeps {
  /** Find a time's `checkBusy`: the form's fresh answer, or one quick request. */
  busy: (query: BusyQuery, timeoutMs: number) => Promise<FreeBusyAnswer>;
  interviews: Pick<InterviewQueries, 'find'>;
  now: () => number;
  /** How long the person waits on Google at most before the question says it did not answer. */
  timeoutMs?: number;
}

export interface CalendarBusyCheck {
  forSchedule(input: ScheduleFields): Promise<CalendarFindings>;
  /** The interview's own event is left out of everyone's busy time. */
  forReschedule(input: RescheduleFields): Promise<CalendarFindings>;
  /** Only whoever joins the panel: the others and the recruiter already hold the time. */
  forPanel(id: string, panel: Array<{ email: string; name?: string | undefined }>): Promise<CalendarFindings>;
}

interface Around {
  startMs: number;
  endMs: number;
  zone: string;
  recruiter: boolean;
  panel: Array<{ email: string; name?: string | undefined }>;
  own?: Interview;
}

const whyOf: Partial<Record<FreeBusyAnswer['google'] | FreeBusyAnswer['people'][number]['status'], UnknownWhy>> = {
  needs_consent: 'not_allowed',
  needs_reconnect: 'reconnect',
  not_found: 'not_shared',
  forbidden: 'not_shared',
};

const endOf = (i: Interview) => Date.parse(i.startUtc) + i.durationMinutes * 60_000;

/** Creates the check; it never throws for Google's sake: trouble becomes "could not tell". */
export function createCalendarBusyCheck(deps: CalendarBusyCheckDeps): CalendarBusyCheck {
  const around = async (a: Around): Promise<CalendarFindings> => {
    // The interview's whole day on its clock: the request the form made covers it, and a busy
    // block is named with its real edges rather than cut at the interview's.
    const day = DateTime.fromMillis(a.startMs, { zone: a.zone }).startOf('day');
    const query: BusyQuery = {
      timeMin: day.toUTC().toISO()!,
      timeMax: new Date(Math.max(day.plus({ days: 1 }).toMillis(), a.endMs)).toISOString(),
      coInterviewers: a.panel.map((p) => p.email.toLowerCase()),
      ...(a.own ? { excludeId: a.own.id } : {}),
    };
    const people = [
      ...(a.recruiter ? [{ who: 'recruiter', name: 'You' }] : []),
      ...a.panel.map((p) => ({ who: p.email.toLowerCase(), name: p.name?.trim() || p.email })),
    ];
    if (people.length === 0) return noFindings;
    const answer = await deps.busy(query, deps.timeoutMs ?? 3_000);
    if (answer.google === 'disconnected') return noFindings;
    if (answer.google !== 'ok')
      return { busy: [], unknown: people.map((p) => ({ ...p, why: whyOf[answer.google] ?? 'no_answer' })) };
    const own: Span[] = a.own ? [{ start: Date.parse(a.own.startUtc), end: endOf(a.own) }] : [];
    const findings: CalendarFindings = { busy: [], unknown: [] };
    for (const person of people) {
      const said = answer.people.find((p) => p.who === person.who);
      if (said?.status !== 'ok') {
        findings.unknown.push({ ...person, why: whyOf[said?.status ?? 'error'] ?? 'no_answer' });
        continue;
      }
      const spans = said.busy.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }));
      for (const s of subtractSpans(spans, own)) {
        if (s.start < a.endMs && a.startMs < s.end)
          findings.busy.push({ ...person, start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() });
      }
    }
    return findings;
  };
  /** The start the service will use, or nothing when it will refuse the input anyway. */
  const startOf = (input: Parameters<typeof startInstant>[0]) => {
    try {
      return startInstant(input, deps.now()).toMillis();
    } catch {
      return undefined;
    }
  };
  return {
    forSchedule(input) {
      const startMs = startOf(input);
      if (input.acceptConflicts || startMs === undefined) return Promise.resolve(noFindings);
      return around({
        startMs,
        endMs: startMs + input.durationMinutes * 60_000,
        zone: input.timeZone,
        recruiter: true,
        panel: input.coInterviewers,
      });
    },
    forReschedule(input) {
      const own = deps.interviews.find(input.id);
      const startMs = startOf(input);
      if (
        input.acceptConflicts ||
        startMs === undefined ||
        !own ||
        own.status !== 'scheduled' ||
        own.origin !== 'recruiter'
      )
        return Promise.resolve(noFindings);
      return around({
        startMs,
        endMs: startMs + input.durationMinutes * 60_000,
        zone: input.timeZone,
        recruiter: true,
        panel: own.coInterviewers,
        own,
      });
    },
    forPanel(id, panel) {
      const interview = deps.interviews.find(id);
      if (
        !interview ||
        interview.status !== 'scheduled' ||
        interview.origin !== 'recruiter' ||
        hasEnded(interview, deps.now())
      )
        return Promise.resolve(noFindings);
      const before = new Set(interview.coInterviewers.map((p) => p.email.toLowerCase()));
      const joining = panel.filter((p) => !before.has(p.email.toLowerCase()));
      if (joining.length === 0) return Promise.resolve(noFindings);
      return around({
        startMs: Date.parse(interview.startUtc),
        endMs: endOf(interview),
        zone: interview.timeZone,
        recruiter: false,
        panel: joining,
      });
    },
  };
}
