// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useOccurrenceQuestion } from '../../../../renderer/common/use-occurrence-question';
import type { DeskError } from '../../../../preload/shared/contract/result';

const asked = (message: string): DeskError => ({ code: 'invalid_input', field: 'occurrence', message });

describe('useOccurrenceQuestion', () => {
  it("asks in main's words, and only about an occurrence", () => {
    const { result, rerender } = renderHook(({ shown }) => useOccurrenceQuestion('2027-10-31T01:30', shown), {
      initialProps: { shown: asked('01:30 happens twice') as DeskError | undefined },
    });
    expect(result.current.message).toBe('01:30 happens twice');
    rerender({ shown: { code: 'invalid_input', field: 'time', message: 'Start time is in the past.' } });
    expect(result.current.message).toBeUndefined();
  });

  it('keeps an answered question for its time, and lets it go when the time changes', () => {
    const { result, rerender } = renderHook(({ when, shown }) => useOccurrenceQuestion(when, shown), {
      initialProps: { when: '2027-10-31T01:30', shown: asked('01:30 happens twice') as DeskError | undefined },
    });
    act(() => result.current.answer());
    // Main no longer refuses (the answer is sent): the question stays, in the same words.
    rerender({ when: '2027-10-31T01:30', shown: undefined });
    expect(result.current.message).toBe('01:30 happens twice');
    rerender({ when: '2027-10-31T09:00', shown: undefined });
    expect(result.current.message).toBeUndefined();
  });

  it('does not keep a question never answered', () => {
    const { result, rerender } = renderHook(({ shown }) => useOccurrenceQuestion('2027-10-31T01:30', shown), {
      initialProps: { shown: asked('01:30 happens twice') as DeskError | undefined },
    });
    rerender({ shown: undefined });
    expect(result.current.message).toBeUndefined();
  });
});
