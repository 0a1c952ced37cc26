import { useEffect, useState } from 'react';
import type { DebriefInterview, DebriefQuery } from '../../preload/shared/contract/debrief-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk, webMode } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { ErrorMessage } from '../common/ErrorMessage';
import { screenTimeStyle } from '../common/format';
import { formatInstantRange } from '../../preload/shared/rules/time-format';
import { routeHref } from '../app/use-hash-route';
import { DebriefInterviewSection } from './DebriefInterviewSection';

/**
 * The debrief: each interviewer's recommendation, the criteria × interviewer table, takeaways,
 * attendance and Meet's links, for one interview or for every interview with its candidate. People
 * decide; the screen shows what they said. Copy as text, and Save as PDF (the desktop app) or Print.
 */
export function DebriefScreen({ id, scope }: DebriefQuery) {
  const debrief = useCall(() => desk.debrief.get({ id, scope }));
  const reload = debrief.reload;
  // A scorecard submitted, a form response read, attendance or Meet's links fetched, the visibility
  // setting changed: read again (one small read).
  useEffect(() => {
    const offs = (
      [
        'scorecards:changed',
        'panelForms:changed',
        'attendance:changed',
        'artifacts:changed',
        'interviews:changed',
        'settings:changed',
      ] as const
    ).map((name) => desk.on(name, () => void reload()));
    return () => offs.forEach((off) => off());
  }, [reload]);
  const [said, setSaid] = useState<string | undefined>();
  const [error, setError] = useState<DeskError | undefined>();
  // The interview's span in its own zone, named once: the same words "Copy as text" copies.
  const span = (item: DebriefInterview) =>
    formatInstantRange(item.startUtc, item.endUtc, item.timeZone, screenTimeStyle());
  const value = debrief.value;

  const copy = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value.text);
      setSaid('Copied the debrief as text.');
    } catch {
      setSaid('The clipboard refused the text: select the debrief and copy it instead.');
    }
  };
  const savePdf = async () => {
    setError(undefined);
    // The browser prints the page itself (the print stylesheet leaves only the debrief).
    if (webMode) return window.print();
    const result = await desk.debrief.savePdf({ id, scope });
    if (!result.ok) return setError(result.error);
    setSaid(result.value.saved ? `Saved ${result.value.path ?? 'the PDF'}.` : 'Not saved.');
  };

  return (
    <article className="debrief" aria-labelledby="debrief-title">
      <div className="screen-header">
        <div>
          <p className="muted no-print">
            <a href={routeHref({ screen: 'interview', id })}>← Interview</a>
          </p>
          <h1 id="debrief-title">Debrief{value ? `: ${value.candidate.name}` : ''}</h1>
          {value && (
            <p className="muted">
              {scope === 'candidate'
                ? `${value.interviews.length} ${value.interviews.length === 1 ? 'interview' : 'interviews'} with ${value.candidate.email}`
                : `${value.interviews[0]?.jobTitle ?? ''}, ${value.interviews[0] ? span(value.interviews[0]) : ''}`}
            </p>
          )}
        </div>
        <div className="actions no-print">
          <button type="button" onClick={() => void copy()} disabled={!value}>
            Copy as text
          </button>
          <button type="button" onClick={() => void savePdf()} disabled={!value}>
            {webMode ? 'Print or save as PDF' : 'Save as PDF'}
          </button>
        </div>
      </div>
      <p className="muted no-print">
        {scope === 'candidate' ? (
          <a href={routeHref({ screen: 'debrief', id, scope: 'interview' })}>Only this interview</a>
        ) : (
          <a href={routeHref({ screen: 'debrief', id, scope: 'candidate' })}>
            Every interview with {value?.candidate.name ?? 'this candidate'}
          </a>
        )}
      </p>
      <p role="status" className="no-print" data-testid="debrief-said">
        {said}
      </p>
      <ErrorMessage error={debrief.error ?? error} />
      {value &&
        (scope === 'candidate'
          ? value.interviews.map((item) => (
              <section key={item.interviewId} aria-labelledby={`debrief-${item.interviewId}`} className="debrief-part">
                <h2 id={`debrief-${item.interviewId}`}>
                  {item.jobTitle}, {span(item)}
                  {item.cancelled ? ' (cancelled)' : ''}
                </h2>
                <DebriefInterviewSection item={item} nested />
              </section>
            ))
          : value.interviews[0] && <DebriefInterviewSection item={value.interviews[0]} nested={false} />)}
    </article>
  );
}
