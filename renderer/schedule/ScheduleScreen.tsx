import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { InterviewSummary } from '../../preload/contract/interview-schema';
import type { Settings } from '../../preload/contract/settings-schema';
import { displayStatus, formatCountdown } from '../../preload/domain/interview-timing';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-result';
import { useNow } from '../common/use-now';
import { ErrorMessage } from '../common/ErrorMessage';
import { StatusBadge } from '../common/StatusBadge';
import { formatDateTime, formatTime, systemTimeZone } from '../common/format';
import { navigateTo } from '../app/use-hash-route';
import { buildScheduleRows, nextInterview } from './schedule-rows';

const headerHeight = 40;
const rowHeight = 64;

/** Today, upcoming (by day) and past interviews; search as you type; a live countdown to the next one. */
export function ScheduleScreen({ settings }: { settings: Settings | undefined }) {
  const list = useCall(() => desk.interviews.list());
  const reloadList = list.reload;
  useEffect(() => desk.on('interviews:changed', () => void reloadList()), [reloadList]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const now = useNow(1000);
  // Regrouping only needs the minute; the badges and countdown use the live second.
  const minute = Math.floor(now / 60_000);
  const zone = useMemo(() => systemTimeZone(), []);
  const interviews = useMemo(() => list.value ?? [], [list.value]);
  const rows = useMemo(() => buildScheduleRows(interviews, deferredQuery, zone, minute * 60_000), [interviews, deferredQuery, zone, minute]);
  const next = useMemo(() => nextInterview(interviews, minute * 60_000), [interviews, minute]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'header' ? headerHeight : rowHeight),
    overscan: 8,
  });
  const timing = settings ?? { joinOpensMinutesBefore: 15, joinClosesMinutesAfter: 60 };
  const shown = rows.filter((r) => r.kind === 'interview').length;

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
        <button type="button" className="next-interview" onClick={() => navigateTo({ screen: 'interview', id: next.id })}>
          <span className="next-label">Next interview</span>
          <span>
            <strong>{next.candidateName}</strong> · {next.jobTitle} · {formatDateTime(next.startUtc, zone)}
          </span>
          <span className="countdown" aria-live="off" data-testid="next-countdown">
            {Date.parse(next.startUtc) > now ? `starts ${formatCountdown(Date.parse(next.startUtc) - now)}` : 'in progress'}
          </span>
        </button>
      )}
      <div className="search">
        <label htmlFor="schedule-search">Search by candidate or job</label>
        <input id="schedule-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. Ada or Engineer" />
        <span className="muted" role="status" aria-live="polite">
          {list.loading ? 'Loading…' : `${shown} interview${shown === 1 ? '' : 's'}${deferredQuery ? ` matching “${deferredQuery}”` : ''}`}
        </span>
      </div>
      {!list.loading && interviews.length === 0 && (
        <div className="empty panel">
          <p>No interviews yet.</p>
          <button type="button" className="primary" onClick={() => navigateTo({ screen: 'new-interview' })}>
            Schedule your first interview
          </button>
        </div>
      )}
      {/* Kept mounted for the virtualiser, but not drawn as an empty box under "No interviews yet". */}
      <div ref={scroller} className="schedule-list" role="list" aria-label="Interviews" tabIndex={-1} hidden={!list.loading && interviews.length === 0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const style = { position: 'absolute' as const, top: 0, left: 0, width: '100%', height: item.size, transform: `translateY(${item.start}px)` };
            if (row.kind === 'header') {
              return (
                <div key={row.key} role="presentation" className="day-header" style={style}>
                  {row.label}
                </div>
              );
            }
            return <InterviewRow key={row.key} interview={row.interview} zone={zone} now={now} timing={timing} style={style} />;
          })}
        </div>
      </div>
    </section>
  );
}

function InterviewRow({ interview, zone, now, timing, style }: { interview: InterviewSummary; zone: string; now: number; timing: Pick<Settings, 'joinOpensMinutesBefore' | 'joinClosesMinutesAfter'>; style: React.CSSProperties }) {
  const status = displayStatus(interview, timing, now);
  return (
    <div role="listitem" style={style} className="interview-row-wrap">
      <a className="interview-row" href={`#/interview/${interview.id}`} aria-label={`${interview.candidateName}, ${interview.jobTitle}, ${formatDateTime(interview.startUtc, zone)}`}>
        <span className="time">{formatTime(interview.startUtc, zone)}</span>
        <span className="who">
          <strong>{interview.candidateName}</strong>
          <span className="muted">
            {interview.jobTitle} · {interview.durationMinutes} min
          </span>
        </span>
        <StatusBadge status={status} title={interview.attention} />
      </a>
    </div>
  );
}
