import { useEffect, useRef, useState } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import type { ArtifactsView, TranscriptLine } from '../../preload/shared/contract/transcript-schema';
import { desk } from '../bridge/desk';

/** How long typing rests before main is asked for the lines holding it. */
export const findDelayMs = 250;

/** The lines the room shows: a page of the transcript, or of the lines holding `query`. */
export interface ShownLines {
  /** The search these lines answer ('' for none), as typed. */
  query: string;
  lines: TranscriptLine[];
  /** Lines holding `query` in the whole interview (every line without one). */
  count: number;
  total: number;
  more: boolean;
  /** Main answered the search by words and speakers' names only: marks follow the words. */
  byWords?: true;
}

const firstPage = (view: ArtifactsView): ShownLines => {
  const total = view.lineCount ?? view.entries.length;
  return { query: '', lines: view.entries, count: total, total, more: view.entries.length < total };
};

/**
 * The transcript's lines in the room: the first page from the room's view, "Show more lines" page by
 * page, and find within asked of main once typing rests (answers to an older search are dropped).
 */
export function useTranscriptLines(interviewId: string, view: ArtifactsView, typed: string) {
  // Main's latest answer (a search, or more lines), for the view and search it answers.
  const [answer, setAnswer] = useState<(ShownLines & { view: ArtifactsView }) | undefined>();
  const [error, setError] = useState<DeskError | undefined>();
  const [loading, setLoading] = useState(false);
  // Bumped by every search: only the newest search's answer is shown, and more lines asked for
  // before it are dropped. "Show more lines" never bumps it, so it never drops a search's answer.
  const asked = useRef(0);
  const query = typed.trim();
  // Without a search, the view's first page (and any more asked for); while a new search waits for
  // main, the last answer stays (no flicker at each key).
  const current = answer?.view === view ? answer : undefined;
  const shown: ShownLines =
    query === '' ? (current?.query === '' ? current : firstPage(view)) : (current ?? firstPage(view));

  useEffect(() => {
    const mine = ++asked.current;
    if (query === '') return;
    const timer = setTimeout(() => {
      void desk.artifacts.lines({ interviewId, query }).then((result) => {
        if (mine !== asked.current) return;
        if (result.ok) {
          // A first page always carries its count.
          setAnswer({ view, query, ...result.value, count: result.value.count ?? result.value.lines.length });
          setError(undefined);
        } else setError(result.error);
      });
    }, findDelayMs);
    return () => clearTimeout(timer);
  }, [interviewId, view, query]);

  // A search typed and not answered yet: the lines on screen are not what the field says.
  const searching = shown.query !== query;

  /**
   * Adds the next page; answers the first new line (for focus), or undefined when none came. Not
   * while a search waits for main: its answer replaces these lines.
   */
  const showMore = async (): Promise<TranscriptLine | undefined> => {
    const last = shown.lines.at(-1);
    if (!last || searching) return undefined;
    const mine = asked.current;
    setLoading(true);
    const result = await desk.artifacts.lines({
      interviewId,
      ...(shown.query ? { query: shown.query } : {}),
      after: last.seq,
    });
    setLoading(false);
    if (mine !== asked.current) return undefined;
    if (!result.ok) {
      setError(result.error);
      return undefined;
    }
    setError(undefined);
    // A later page of a search comes without a count: the first page's stands.
    const count = result.value.count ?? shown.count;
    setAnswer({ ...shown, ...result.value, count, view, lines: [...shown.lines, ...result.value.lines] });
    return result.value.lines[0];
  };

  return { shown, error: query === '' && !current ? undefined : error, loading, searching, showMore };
}
