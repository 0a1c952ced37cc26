// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { settledEmails, useSettledPanel } from '../../../../renderer/common/use-settled-panel';

const row = (email: string, name = '') => ({ email, name });

describe('settledEmails', () => {
  it('keeps the finished addresses, trimmed, in order, and drops half-typed ones', () => {
    expect(settledEmails([row(' pat@example.com '), row('bob@'), row(''), row('sam@example.org', 'Sam')])).toEqual([
      'pat@example.com',
      'sam@example.org',
    ]);
  });
});

describe('useSettledPanel', () => {
  it('starts from the finished addresses of the rows it is given', () => {
    const { result } = renderHook(() => useSettledPanel(() => [row('pat@example.com'), row('half@')]));
    expect(result.current.settled).toEqual(['pat@example.com']);
  });

  it('changes only when the finished addresses do, so free/busy is not asked again for the same people', () => {
    const { result } = renderHook(() => useSettledPanel(() => []));
    expect(result.current.settled).toEqual([]);
    act(() => result.current.settle([row('pat@example.com'), row('bo')]));
    const first = result.current.settled;
    expect(first).toEqual(['pat@example.com']);
    // A name typed, or an address still being typed: the same people, the same list.
    act(() => result.current.settle([row('pat@example.com', 'Pat'), row('bob@exa')]));
    expect(result.current.settled).toBe(first);
    act(() => result.current.settle([row('pat@example.com', 'Pat'), row('bob@example.com')]));
    expect(result.current.settled).toEqual(['pat@example.com', 'bob@example.com']);
    act(() => result.current.settle([row('bob@example.com')]));
    expect(result.current.settled).toEqual(['bob@example.com']);
  });
});
