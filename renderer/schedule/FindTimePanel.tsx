import { useId, useMemo, useState } from 'react';
import { DateTime } from 'luxon';
import type { FreeBusyAnswer } from '../../preload/shared/contract/ipc-contract';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { busyDuring, findFreeSlots, type IsoInterval } from '../../preload/shared/rules/slot-finder';
import { subtractSpans } from '../../preload/shared/rules/time-spans';
import { desk } from '../bridge/desk';
import { dayKey, formatDayOfYear, formatInputTime, formatShortDay, formatTime, isKnownZone } from '../common/format';
import { useElementWidth } from '../common/use-element-width';
import { useFocusAfter } from '../common/use-focus-after';
import type { FreeBusyState } from './use-free-busy';

/** One row of the timeline: a person, their busy blocks on the day, or why Google would not say. */
interface Lane {
  who: string;
  label: string;
  busy: Array<IsoInterval & { title?: string }>;
  unknown?: string;
}

const statusWords: Record<string, string> = {
  not_found:
    'Google does not share this calendar with your account (it may be outside your organisation), so their busy times are not shown',
  forbidden: 'this calendar is not shared with you, so their busy times are not shown',
  error: 'Google could not answer for this calendar just now',
};

/** Busy blocks without the interview being moved: its own event is in everyone's calendar and must not block its new time. */
function without(blocks: IsoInterval[], own: IsoInterval | undefined): IsoInterval[] {
  if (!own) return blocks;
  const spans = blocks.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }));
  return subtractSpans(spans, [{ start: Date.parse(own.start), end: Date.parse(own.end) }]).map((s) => ({
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
  }));
}

/** The lanes: you (Google busy time and the app's interviews), then each co-interviewer in the form's order. */
function lanesOf(
  answer: FreeBusyAnswer | undefined,
  panel: Array<{ email: string; name: string }>,
  own?: IsoInterval,
  ownHeldBy?: string[],
): Lane[] {
  const found = (who: string) => answer?.people.find((p) => p.who === who);
  const google = (who: string) => {
    const person = found(who);
    const holdsOwn = !ownHeldBy || ownHeldBy.includes(who);
    return person && { ...person, busy: holdsOwn ? without(person.busy, own) : person.busy };
  };
  const me = google('recruiter');
  const lanes: Lane[] = [
    {
      who: 'recruiter',
      label: 'You',
      busy: [
        ...(me?.status === 'ok' ? me.busy.map((b) => ({ ...b, title: 'Busy in Google Calendar' })) : []),
        ...(answer?.appBusy ?? []).map((b) => ({
          start: b.start,
          end: b.end,
          title: `Interview with ${b.candidateName}`,
        })),
      ],
    },
  ];
  for (const person of panel) {
    const email = person.email.trim().toLowerCase();
    if (!email) continue;
    const found = google(email);
    const label = person.name.trim() || person.email.trim();
    if (!found)
      lanes.push({
        who: email,
        label,
        busy: [],
        unknown:
          answer?.google === 'ok'
            ? 'busy times are checked once the address is complete'
            : 'busy times not shown (see above)',
      });
    else if (found.status === 'unknown')
      lanes.push({ who: email, label, busy: [], unknown: 'busy times not shown (see above)' });
    else if (found.status !== 'ok')
      lanes.push({ who: email, label, busy: [], unknown: statusWords[found.status] ?? statusWords.error! });
    else lanes.push({ who: email, label, busy: found.busy.map((b) => ({ ...b, title: 'Busy' })) });
  }
  return lanes;
}

const overlaps = (a: IsoInterval, from: number, to: number) => Date.parse(a.start) < to && Date.parse(a.end) > from;
/** Room one hour label needs on the axis ("10:00 AM" and a gap), so labels never run together. */
const labelRoomPx = 84;

/**
 * Find a time in the schedule form: the chosen day's busy blocks for you and each co-interviewer with
 * the proposed interview drawn across them (your zone, the candidate's time beside it), a warning naming
 * whoever is busy then, and "Suggest times" (free slots within both people's hours, one click to fill).
 */
export function FindTimePanel(props: {
  freeBusy: FreeBusyState;
  date: string;
  zone: string;
  candidateZone: string;
  panel: Array<{ email: string; name: string }>;
  proposal?: IsoInterval;
  durationMinutes: number;
  settings: Settings | undefined;
  /** Fills the form from a suggestion; without it (a panel change keeps the time) nothing is suggested. */
  onPick?: (date: string, time: string) => void;
  /** When moving an interview: its current time, left out of everyone's busy time. */
  own?: IsoInterval;
  /** Whose calendars hold the interview's own event ('recruiter' and addresses); without it, everyone's. */
  ownHeldBy?: string[];
}) {
  const { freeBusy, date, zone, proposal } = props;
  const answer = freeBusy.answer;
  const [suggested, setSuggested] = useState<IsoInterval[] | undefined>();
  const [picked, setPicked] = useState<string | undefined>();
  const [asking, setAsking] = useState<string | undefined>();
  // Why a waiting button did nothing, said while the wait lasts: 'loading' while busy times reload, 'range' until they are in.
  const [waitNote, setWaitNote] = useState<{ text: string; while: 'loading' | 'range' } | undefined>();
  const [axisRef, axisWidth] = useElementWidth<HTMLDivElement>();
  const focusAfter = useFocusAfter();
  const timelineId = useId();
  const askingId = useId();
  const lanes = useMemo(
    () => lanesOf(answer, props.panel, props.own, props.ownHeldBy),
    [answer, props.panel, props.own, props.ownHeldBy],
  );
  const candidateZone = isKnownZone(props.candidateZone) ? props.candidateZone : undefined;

  const dayStart = DateTime.fromISO(date, { zone }).startOf('day');
  if (!dayStart.isValid) return null;
  // The drawn window: 07:00–21:00 on your clock, widened to hold the proposed interview.
  const hourAt = (h: number) => dayStart.plus({ hours: h }).toMillis();
  let from = hourAt(7);
  let to = hourAt(21);
  if (proposal) {
    from = Math.min(from, Date.parse(proposal.start));
    to = Math.max(to, Math.min(Date.parse(proposal.end), dayStart.plus({ days: 1 }).toMillis()));
  }
  const place = (b: IsoInterval) => {
    const s = Math.max(Date.parse(b.start), from);
    const e = Math.min(Date.parse(b.end), to);
    return { left: `${((s - from) / (to - from)) * 100}%`, width: `${Math.max(0.6, ((e - s) / (to - from)) * 100)}%` };
  };
  // At most seven labels ("02:00 AM" is wide), fewer when the timeline is narrow (a dialog, a small
  // window): every 2 hours over a working day, more apart when the window widens or the room shrinks.
  const labelCount = axisWidth > 0 ? Math.max(2, Math.min(7, Math.floor(axisWidth / labelRoomPx))) : 7;
  const stepHours = Math.max(2, Math.ceil((to - from) / 3_600_000 / labelCount));
  const ticks = [] as number[];
  for (
    let t = DateTime.fromMillis(from, { zone }).startOf('hour').plus({ hours: 1 });
    t.toMillis() < to;
    t = t.plus({ hours: stepHours })
  ) {
    // A label is centred on its hour: one too near either end would stick out of the timeline.
    const at = (t.toMillis() - from) / (to - from);
    if (at >= 0.05 && at <= 0.93) ticks.push(t.toMillis());
  }
  const span = (b: IsoInterval) => `${formatTime(b.start, zone)}–${formatTime(b.end, zone)}`;

  const busyNow = proposal
    ? busyDuring(
        proposal,
        lanes.map((l) => ({ who: l.label, busy: l.busy })),
      )
    : [];

  // While busy times reload the buttons stay focusable (aria-disabled) and say why nothing happens.
  const suggestWaits = !freeBusy.range;
  const suggest = () => {
    if (suggestWaits)
      return setWaitNote({
        while: 'range',
        text: freeBusy.loading
          ? 'Busy times are still loading: Suggest times works once they are in.'
          : 'Busy times are not loaded, so there is nothing to suggest from yet. Try Refresh busy times.',
      });
    setWaitNote(undefined);
    const range = freeBusy.range;
    const hours = props.settings?.workingHours ?? { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
    const candidateHours = props.settings?.candidateHours ?? { start: '08:00', end: '20:00' };
    if (!range || !(props.durationMinutes > 0)) return setSuggested([]);
    setPicked(undefined);
    setSuggested(
      findFreeSlots({
        busy: lanes.map((l) => l.busy),
        recruiter: { zone, start: hours.start, end: hours.end, days: hours.days },
        candidate: { zone: candidateZone ?? zone, start: candidateHours.start, end: candidateHours.end },
        durationMinutes: props.durationMinutes,
        stepMinutes: 30,
        range,
        now: Date.now(),
        count: 6,
      }),
    );
  };
  const refresh = () => {
    if (freeBusy.loading) return setWaitNote({ while: 'loading', text: 'Busy times are already being checked.' });
    setWaitNote(undefined);
    freeBusy.refresh();
  };
  const pick = (slot: IsoInterval) => {
    props.onPick?.(dayKey(slot.start, zone), formatInputTime(slot.start, zone));
    setPicked(`${formatShortDay(slot.start, zone)}, ${span(slot)}`);
  };
  const consent = async () => {
    setAsking('Waiting for Google in your browser…');
    const result = await desk.findTime.connect();
    setAsking(result.ok ? undefined : result.error.message);
    if (result.ok) freeBusy.refresh();
    // The button goes once Google has answered: focus goes to the timeline it fills, or to why it could not.
    focusAfter(() => document.getElementById(result.ok ? timelineId : askingId));
  };

  return (
    <section className="find-time" aria-labelledby="find-time-title">
      <h2 id="find-time-title">Find a time</h2>
      {answer && answer.google !== 'ok' && (
        <p className="hint" data-testid="free-busy-note">
          {answer.message}{' '}
          {answer.google === 'needs_consent' && (
            <button type="button" className="small" onClick={() => void consent()}>
              Allow free/busy
            </button>
          )}
        </p>
      )}
      {asking && (
        <p role="status" id={askingId}>
          {asking}
        </p>
      )}
      {freeBusy.error && <p className="field-error">{freeBusy.error}</p>}
      <figure className="timeline" aria-labelledby="timeline-caption" id={timelineId}>
        <figcaption id="timeline-caption">
          Busy times on {formatDayOfYear(dayStart.toMillis(), zone)}, your time ({zone})
        </figcaption>
        <div className="timeline-axis" aria-hidden="true" ref={axisRef}>
          {ticks.map((t) => (
            <span key={t} style={{ left: `${((t - from) / (to - from)) * 100}%` }}>
              {formatTime(t, zone)}
            </span>
          ))}
        </div>
        <ul className="timeline-lanes" aria-label="Busy times per person">
          {lanes.map((lane) => {
            const today = lane.busy.filter((b) => overlaps(b, from, to));
            return (
              <li key={lane.who} className="timeline-lane" data-testid={`lane-${lane.who}`}>
                <span className="lane-who">{lane.label}</span>
                <div className="lane-track" aria-hidden="true">
                  {today.map((b, i) => (
                    <span key={i} className="busy-block" style={place(b)} title={`${b.title ?? 'Busy'} ${span(b)}`} />
                  ))}
                  {proposal && <span className="proposal-block" style={place(proposal)} />}
                </div>
                {/* Said once: the visible note when Google would not tell, otherwise the busy times for screen readers. */}
                {lane.unknown ? (
                  <span className="lane-unknown">{lane.unknown}</span>
                ) : (
                  <span className="sr-only">
                    {today.length ? `: busy ${today.map(span).join(', ')}.` : ': free all day.'}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <ul className="timeline-legend" aria-label="Key">
          <li>
            <span className="busy-block" aria-hidden="true" /> Busy
          </li>
          <li>
            <span className="proposal-block" aria-hidden="true" />{' '}
            {props.onPick ? 'Proposed interview' : 'The interview'}
          </li>
        </ul>
        {proposal && (
          <p className="timeline-proposal" data-testid="proposal-line">
            Proposed: <strong>{span(proposal)}</strong> your time
            {candidateZone && candidateZone !== zone && (
              <>
                {' '}
                ·{' '}
                <strong>{`${formatTime(proposal.start, candidateZone)}–${formatTime(proposal.end, candidateZone)}`}</strong>{' '}
                for the candidate ({candidateZone})
              </>
            )}
          </p>
        )}
      </figure>
      {busyNow.length > 0 && (
        <div className="warning" role="status" data-testid="busy-warning">
          Busy then: {busyNow.join(', ')}.
        </div>
      )}
      <div className="actions">
        {props.onPick && (
          <button type="button" onClick={suggest} aria-disabled={suggestWaits}>
            Suggest times
          </button>
        )}
        <button type="button" onClick={refresh} aria-disabled={freeBusy.loading}>
          Refresh busy times
        </button>
      </div>
      <p role="status" className="hint busy-times-status" data-testid="busy-times-status">
        {(waitNote && (waitNote.while === 'loading' ? freeBusy.loading : suggestWaits) ? waitNote.text : undefined) ??
          (freeBusy.loading ? 'Checking busy times…' : '')}
      </p>
      {suggested && props.onPick && (
        <div className="suggestions">
          {suggested.length === 0 ? (
            <p role="status">
              No free time in the next 14 days within your working hours and the candidate’s hours. Try another day or a
              shorter interview.
            </p>
          ) : (
            <ul aria-label="Suggested times">
              {suggested.map((slot) => (
                <li key={slot.start}>
                  <button
                    type="button"
                    onClick={() => pick(slot)}
                    aria-pressed={!!proposal && Date.parse(proposal.start) === Date.parse(slot.start)}
                  >
                    {formatShortDay(slot.start, zone)}, {span(slot)}
                    {candidateZone && candidateZone !== zone
                      ? ` (candidate ${formatTime(slot.start, candidateZone)})`
                      : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {picked && <p role="status">Filled in {picked}.</p>}
        </div>
      )}
    </section>
  );
}
