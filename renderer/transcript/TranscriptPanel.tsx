import { useId, useRef, useState } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import {
  transcriptFindLength,
  type ArtifactLink,
  type ArtifactsView,
} from '../../preload/shared/contract/transcript-schema';
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
import { findByCharactersLines, findsWordsOnly } from '../../preload/shared/rules/transcript-find-mode';
import { findKey } from '../../preload/shared/rules/transcript-find-text';
import { markMatches, type TextPart } from './find-in-transcript';
import { useTranscriptLines } from './use-transcript-lines';
import { findCountWords, shownWords } from './find-count-words';
import { useArtifacts } from './use-artifacts';
import { ConnectMeet } from '../interview-room/ConnectMeet';

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

/** What find looks for in a long transcript (main reads it through the word index alone). */
const findWordsOnlyWords = `In a transcript of more than ${findByCharactersLines.toLocaleString('en')} lines, find looks for words (the last may be unfinished) and speakers' names, not for any characters.`;

/**
 * What was said, a page at a time ("Show more lines"), with find within: main answers the lines
 * that hold what was typed, counted over the whole interview, and the matches are marked here.
 */
function Transcript({ interviewId, view, zone }: { interviewId: string; view: ArtifactsView; zone: string }) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const scroll = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfter();
  const { shown, error, loading, searching, showMore } = useTranscriptLines(interviewId, view, query);
  const [grown, setGrown] = useState(false);
  const key = findKey(shown.query);
  // What main said it did for the search on show; before any search, what it will do for this length.
  const wordsOnly = shown.query ? shown.byWords === true : findsWordsOnly(shown.total);
  const first = shown.lines[0] ?? view.entries[0];
  const more = async () => {
    if (loading || searching) return;
    const added = await showMore();
    if (!added) return;
    setGrown(true);
    // Focus goes to the first new line: the keyboard reads on from there.
    focusAfter(() => scroll.current?.querySelector<HTMLElement>(`tr[data-seq="${added.seq}"]`));
  };
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
          maxLength={transcriptFindLength}
          onChange={(e) => {
            setQuery(e.target.value);
            setGrown(false);
          }}
          aria-describedby={`${inputId}-count${wordsOnly ? ` ${inputId}-words` : ''}`}
        />
        {wordsOnly && (
          <p id={`${inputId}-words`} className="muted" data-testid="transcript-find-words">
            {findWordsOnlyWords}
          </p>
        )}
        <p id={`${inputId}-count`} className="muted" aria-live="polite" data-testid="transcript-count">
          {findCountWords(shown, wordsOnly)}
        </p>
        {query.trim() && shown.query && shown.count === 0 && (
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
      <ErrorMessage error={error} />
      {shown.lines.length > 0 && (
        // The lines scroll in their own box; it takes focus so the keyboard can scroll it too.
        <div ref={scroll} className="transcript-scroll" role="region" aria-labelledby={`${inputId}-h`} tabIndex={0}>
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
              {shown.lines.map((line) => (
                <tr key={line.seq} data-seq={line.seq} tabIndex={-1}>
                  <td>{formatTime(line.start, zone)}</td>
                  <th scope="row">
                    <Marked parts={markMatches(line.speaker, key)} />
                  </th>
                  <td lang={line.languageCode}>
                    <Marked parts={markMatches(line.text, key, wordsOnly)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted" aria-live="polite" data-testid="transcript-shown">
        {shownWords(shown, grown, wordsOnly)}
      </p>
      {shown.more && (
        <p>
          <button type="button" aria-disabled={loading || searching} onClick={() => void more()}>
            Show more lines
          </button>
        </p>
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
      {view.entries.length > 0 && <Transcript interviewId={interview.id} view={view} zone={zone} />}
      {view.entries.length > 0 && (
        <p className="muted">
          The transcript is kept on this computer (Google Meet deletes its copy 30 days after the call). It can differ
          from the transcript document if that was edited.
        </p>
      )}
    </section>
  );
}

/** A line's parts, the matches marked. */
function Marked({ parts }: { parts: TextPart[] }) {
  return (
    <>{parts.map((part, n) => (part.match ? <mark key={n}>{part.text}</mark> : <span key={n}>{part.text}</span>))}</>
  );
}
