import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ScheduleRow, SpokenLine } from '../../preload/shared/contract/ipc-contract';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { displayStatus, formatCountdown } from '../../preload/shared/rules/interview-timing';
import { useNow } from '../common/use-now';
import { ErrorMessage } from '../common/ErrorMessage';
import { StatusBadge } from '../common/StatusBadge';
import { formatDateTime, formatTime, systemTimeZone } from '../common/format';
import { navigateTo } from '../app/use-hash-route';
import { headersAt } from './schedule-rows';
import { rowTail } from './schedule-row-name';
import { useSchedule } from './use-schedule';

const headerHeight = 40;
const rowHeight = 64;
/** A row found by words said shows the line under its name: this much taller. */
const spokenHeight = 22;

/** Today, upcoming (by day) and past interviews, read a page at a time; search as you type; a live countdown to the next one. */
export function ScheduleScreen({ settings }: { settings: Settings | undefined }) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const now = useNow(1000);
  // Grouping only needs the minute; the badges and countdown use the live second.
  const minute = Math.floor(now / 60_000);
  const zone = useMemo(() => systemTimeZone(), []);
  const { view, ensure } = useSchedule(deferredQuery.trim(), zone, minute);
  const total = view.upcomingTotal + view.pastTotal;
  const headersOf = (place: number) => headersAt(view, place, zone, minute * 60_000);
  const next = view.next;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: (place) => heightOf(view.rows.get(place)) + headerHeight * headersOf(place).length,
    overscan: 8,
  });
  const shown = virtualizer.getVirtualItems();
  const [first, last] = [shown[0]?.index ?? 0, shown.at(-1)?.index ?? 0];
  // The pages on screen are read from main as the list scrolls (a jump to the end reads the end).
  useEffect(() => void ensure(first, last), [ensure, first, last, view.loading, total]);
  // A new search starts at its first row. (A block body: Chromium's scrollTo may return a promise,
  // which React would take for a cleanup function.)
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [view.query]);
  const timing = settings ?? { joinOpensMinutesBefore: 15, joinClosesMinutesAfter: 60 };
  const list = { loading: view.loading, error: view.error };
  // A search that finds nothing says so (and offers the way back) instead of leaving a blank list.
  const noMatch = !view.loading && total === 0 && view.query !== '';
  const empty = !view.loading && total === 0 && view.query === '';

  return (
    <section className="schedule" aria-labelledby="schedule-title">
      <div className="screen-header">
        <h1 id="schedule-title">Schedule</h1>
        <button type="button" className="primary" onClick={() => navigateTo({ screen: 'new-interview' })}>
          Schedule interview
        </button>
      </div>
      <ErrorMessage error={list.error} />
      {next && (
        <button
          type="button"
          className="next-interview"
          onClick={() => navigateTo({ screen: 'interview', id: next.id })}
        >
          <span className="next-label">Next interview</span>
          <span>
            <strong>{next.candidateName}</strong> · {next.jobTitle} · {formatDateTime(next.startUtc, zone)}
          </span>
          <span className="countdown" aria-live="off" data-testid="next-countdown">
            {Date.parse(next.startUtc) > now
              ? `starts ${formatCountdown(Date.parse(next.startUtc) - now)}`
              : 'in progress'}
          </span>
        </button>
      )}
      <div className="search">
        <label htmlFor="schedule-search">Search by candidate or job</label>
        <input
          id="schedule-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="e.g. Ada, Engineer or words said"
          aria-describedby="schedule-search-hint"
        />
        <span id="schedule-search-hint" className="sr-only">
          Also finds words said in interview transcripts, from three characters.
        </span>
        <span className="muted" role="status" aria-live="polite">
          {list.loading
            ? 'Loading…'
            : `${total} interview${total === 1 ? '' : 's'}${view.query ? ` matching “${view.query}”` : ''}`}
        </span>
      </div>
      {/* The rows show bare times: say once whose clock they are on (the room shows each interview's own zone). */}
      <p className="muted schedule-zone" data-testid="schedule-zone">
        Times on this computer’s clock ({zone}).
      </p>
      {empty && (
        <div className="empty panel">
          <p>No interviews yet.</p>
          <button type="button" className="primary" onClick={() => navigateTo({ screen: 'new-interview' })}>
            Schedule your first interview
          </button>
        </div>
      )}
      {noMatch && (
        <div className="no-match panel">
          <p>No interviews match “{view.query}”.</p>
          <button type="button" onClick={() => setQuery('')}>
            Clear search
          </button>
        </div>
      )}
      {/* Kept mounted for the virtualiser, but not drawn as an empty box under "No interviews yet" or "No interviews match". */}
      <div
        ref={scroller}
        className="schedule-list"
        role="list"
        aria-label="Interviews"
        tabIndex={-1}
        hidden={empty || noMatch}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {shown.map((item) => {
            const row = view.rows.get(item.index);
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {headersOf(item.index).map((label) => (
                  <div key={label} role="presentation" className="day-header" style={{ height: headerHeight }}>
                    {label}
                  </div>
                ))}
                {row ? (
                  <InterviewRow
                    interview={row}
                    zone={zone}
                    now={now}
                    timing={timing}
                    style={{ height: heightOf(row) }}
                  />
                ) : (
                  <div role="listitem" className="interview-row-wrap loading-row" style={{ height: rowHeight }}>
                    <span className="muted">Loading…</span>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

/** A row's height: taller when it shows a line said in the interview. */
function heightOf(row: ScheduleRow | undefined): number {
  return row?.spoken ? rowHeight + spokenHeight : rowHeight;
}

/** "Tara Singh: …built and ran kubernetes operators…", the searched words marked. */
function SpokenLineText({ line }: { line: SpokenLine }) {
  return (
    <span className="spoken-line" data-testid="spoken-line">
      <span className="sr-only">Said in the interview: </span>
      {line.speaker && <span className="speaker">{line.speaker}: </span>}
      {line.parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

function InterviewRow({
  interview,
  zone,
  now,
  timing,
  style,
}: {
  interview: ScheduleRow;
  zone: string;
  now: number;
  timing: Pick<Settings, 'joinOpensMinutesBefore' | 'joinClosesMinutesAfter'>;
  style: React.CSSProperties;
}) {
  const status = displayStatus(interview, timing, now);
  return (
    <div role="listitem" style={style} className="interview-row-wrap">
      {/* Named by its content (WCAG 2.5.3: the name holds what is seen), with hidden separators so it reads in
          order: time, who, what, the line said, then the status as its own sentence and the full date. */}
      <a className="interview-row" href={`#/interview/${interview.id}`}>
        <span className="time">{formatTime(interview.startUtc, zone)}</span>
        <span className="sr-only">, </span>
        <span className="who">
          <strong>{interview.candidateName}</strong>
          <span className="sr-only">, </span>
          <span className="muted">
            {interview.jobTitle} · {interview.durationMinutes} min
          </span>
          <span className="sr-only">. </span>
          {interview.spoken && <SpokenLineText line={interview.spoken} />}
        </span>
        <StatusBadge status={status} title={interview.attention} />
        <span className="sr-only">{rowTail(interview, status, formatDateTime(interview.startUtc, zone))}</span>
      </a>
    </div>
  );
}
