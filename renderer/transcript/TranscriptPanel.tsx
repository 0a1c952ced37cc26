import { useId, useMemo, useRef, useState } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { ArtifactLink, ArtifactsView } from '../../preload/shared/contract/transcript-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { useFocusAfter } from '../common/use-focus-after';
import { formatDateTime, formatTime, zoneName } from '../common/format';
import {
  kindNames,
  linkStateWords,
  missingWords,
  openWords,
  statusWords,
} from '../../preload/shared/rules/artifact-words';
import { findKey, findLines, markMatches } from './find-in-transcript';
import { useArtifacts } from './use-artifacts';
import { ConnectMeet } from './ConnectMeet';

/** One artifact: its link to open in the browser (checked again by main), or where it stands. */
function ArtifactItem({ link, onError }: { link: ArtifactLink; onError: (e: DeskError | undefined) => void }) {
  const open = async (url: string) => {
    const result = await desk.shell.openExternal(url);
    onError(result.ok ? undefined : result.error);
  };
  return (
    <li>
      <strong>{kindNames[link.kind]}</strong>
      {': '}
      {link.state === 'ready' && link.url ? (
        <button type="button" className="link" onClick={() => void open(link.url!)}>
          {openWords[link.kind]}
        </button>
      ) : (
        linkStateWords(link)
      )}
    </li>
  );
}

/** What was said, with find within: only the lines that hold what was typed, the matches marked. */
function Transcript({ view, zone }: { view: ArtifactsView; zone: string }) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const focusAfter = useFocusAfter();
  const key = findKey(query);
  const shown = useMemo(() => findLines(view.entries, key), [view.entries, key]);
  const first = view.entries[0];
  return (
    <>
      <h3 id={`${inputId}-h`}>What was said</h3>
      <div className="transcript-find">
        <label htmlFor={inputId}>Find in transcript</label>
        <input
          ref={input}
          id={inputId}
          type="search"
          value={query}
          maxLength={200}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${inputId}-count`}
        />
        <p id={`${inputId}-count`} className="muted" aria-live="polite" data-testid="transcript-count">
          {key
            ? shown.length === 0
              ? `No line holds “${query.trim()}”.`
              : `${shown.length} of ${view.entries.length} lines hold “${query.trim()}”.`
            : `${view.entries.length} lines.`}
        </p>
        {key && shown.length === 0 && (
          <button
            type="button"
            onClick={() => {
              setQuery('');
              // The button goes with the search: focus goes back to the field, as Escape leaves it.
              focusAfter(() => input.current);
            }}
          >
            Clear search
          </button>
        )}
      </div>
      {shown.length > 0 && (
        // The lines scroll in their own box; it takes focus so the keyboard can scroll it too.
        <div className="transcript-scroll" role="region" aria-labelledby={`${inputId}-h`} tabIndex={0}>
          <table className="table transcript-lines" data-testid="transcript-lines">
            <caption className="sr-only">What was said, from Google Meet</caption>
            <thead>
              <tr>
                <th scope="col">Time{first ? ` (${zoneName(first.start, zone)})` : ''}</th>
                <th scope="col">Speaker</th>
                <th scope="col">Said</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => {
                const line = view.entries[i]!;
                return (
                  <tr key={i}>
                    <td>{formatTime(line.start, zone)}</td>
                    <th scope="row">{line.speaker}</th>
                    <td lang={line.languageCode}>
                      {markMatches(line.text, key).map((part, n) =>
                        part.match ? <mark key={n}>{part.text}</mark> : <span key={n}>{part.text}</span>,
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/**
 * Meet's transcript, recording and Gemini notes in the room: where reading them stands (what it waits
 * for, or why there is nothing), the links, "Connect Google Meet" or "Check Meet now", and the transcript
 * with find within.
 */
export function TranscriptPanel({ interview }: { interview: Interview }) {
  const loaded = useArtifacts(interview.id);
  const [error, setError] = useState<DeskError | undefined>();
  const [checking, setChecking] = useState(false);
  const section = useRef<HTMLElement>(null);
  const view = loaded.value;
  const zone = interview.timeZone;
  if (!view) return <ErrorMessage error={loaded.error} />;
  const checkNow = async () => {
    setChecking(true);
    const result = await desk.artifacts.checkNow(interview.id);
    setChecking(false);
    if (result.ok) {
      setError(undefined);
      loaded.setValue(result.value);
    } else setError(result.error);
  };
  const canCheck = view.connection === 'connected' && view.state !== 'not_ended';
  return (
    <section ref={section} className="panel transcript" aria-labelledby="transcript-title" data-testid="transcript">
      <h2 id="transcript-title">Transcript and recording</h2>
      <p data-testid="transcript-status">{statusWords(view, (iso) => formatTime(iso, zone))}</p>
      {view.artifacts.length > 0 && (
        <ul className="artifact-links" data-testid="artifact-links">
          {view.artifacts.map((link, i) => (
            <ArtifactItem key={`${link.kind}-${i}`} link={link} onError={setError} />
          ))}
        </ul>
      )}
      {missingWords(view).map((line) => (
        <p key={line} className="muted">
          {line}
        </p>
      ))}
      <ConnectMeet
        connection={view.connection}
        reload={loaded.reload}
        heading={() => section.current?.querySelector<HTMLElement>('h2')}
      />
      {canCheck && (
        <p>
          <button type="button" disabled={checking} onClick={() => void checkNow()}>
            {checking ? 'Checking Google Meet…' : 'Check Meet now'}
          </button>
          {view.checkedAt && <span className="muted"> Last looked at {formatDateTime(view.checkedAt, zone)}.</span>}
        </p>
      )}
      <ErrorMessage error={error} />
      {view.entries.length > 0 && <Transcript view={view} zone={zone} />}
      {view.entries.length > 0 && (
        <p className="muted">
          The transcript is kept on this computer (Google Meet deletes its copy 30 days after the call). It can differ
          from the transcript document if that was edited.
        </p>
      )}
    </section>
  );
}
