import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScorecardAnswers, ScorecardView } from '../../preload/shared/contract/scorecard-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { useReloadOnChange } from '../common/use-reload-on-change';

/** How long typing pauses before a draft is saved. */
export const autosaveDelayMs = 700;

/** Where saving stands, for the status line beside Submit. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export const emptyAnswers = (): ScorecardAnswers => ({ ratings: {}, takeaways: '' });

/**
 * The room's scorecard: main's view, and the recruiter's answers as typed. The answers are this
 * screen's own from the first load on: news from main (a save's answer, another window) updates the
 * view and the status, never what is being typed. A draft autosaves after a pause and when the room
 * closes; a refused save keeps every word on screen and shows main's field errors.
 *
 * `loadedFor` says what main's view follows (the interview's status and time): when it changes the
 * view is read again, as a reload would, and the answers being typed stay.
 */
export function useScorecard(interviewId: string, loadedFor: string) {
  const loaded = useCall(() => desk.scorecards.get(interviewId));
  const { value: view, setValue, reload } = loaded;
  useReloadOnChange(loadedFor, reload);
  const [answers, setAnswers] = useState<ScorecardAnswers | undefined>();
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<DeskError | undefined>();
  const latest = useRef<ScorecardAnswers | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const submitted = view?.own?.state === 'submitted';

  useEffect(() => {
    if (view && latest.current === undefined) {
      latest.current = view.own?.answers ?? emptyAnswers();
      setAnswers(latest.current);
    }
  }, [view]);
  useEffect(
    () => desk.on('scorecards:changed', ({ ids }) => void (ids.includes(interviewId) && reload())),
    [interviewId, reload],
  );

  const apply = useCallback(
    (result: { ok: true; value: ScorecardView } | { ok: false; error: DeskError }) => {
      if (result.ok) {
        setValue(result.value);
        setError(undefined);
        setState('saved');
      } else {
        setError(result.error);
        setState('failed');
      }
      return result.ok;
    },
    [setValue],
  );

  const saveDraft = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    const current = latest.current;
    if (!current) return;
    setState('saving');
    apply(await desk.scorecards.saveDraft({ interviewId, answers: current }));
  }, [apply, interviewId]);

  // A draft that waits for its pause when the room closes is saved then.
  useEffect(
    () => () => {
      if (timer.current && latest.current) {
        clearTimeout(timer.current);
        void desk.scorecards.saveDraft({ interviewId, answers: latest.current });
      }
    },
    [interviewId],
  );

  /** Changes the answers; a draft is saved after a pause (a submitted scorecard waits for "Save changes"). */
  const change = useCallback(
    (update: (a: ScorecardAnswers) => ScorecardAnswers) => {
      const next = update(latest.current ?? emptyAnswers());
      latest.current = next;
      setAnswers(next);
      setState('pending');
      if (submitted) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveDraft(), autosaveDelayMs);
    },
    [saveDraft, submitted],
  );

  const submit = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    setState('saving');
    return apply(await desk.scorecards.submit({ interviewId, answers: latest.current ?? emptyAnswers() }));
  }, [apply, interviewId]);

  return { view, loadError: loaded.error, answers, state, error, setError, change, saveDraft, submit };
}
