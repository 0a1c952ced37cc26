// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewSummary } from '../../../../preload/shared/contract/interview-schema';
import { BeforeTheCall } from '../../../../renderer/welcome/CandidateHome';

afterEach(() => cleanup());

const settings = { joinOpensMinutesBefore: 15, joinClosesMinutesAfter: 60 };
const start = Date.parse('2026-12-06T05:40:00.000Z');
const m = 60_000;
const saved = (over: Partial<InterviewSummary> = {}): InterviewSummary => ({
  id: 'i1',
  candidateName: 'You',
  jobTitle: 'Compiler Engineer interview',
  startUtc: new Date(start).toISOString(),
  durationMinutes: 45,
  timeZone: 'Europe/London',
  status: 'scheduled',
  hasMeetLink: true,
  savedBy: 'candidate',
  ...over,
});
const offer = () => screen.queryByRole('link', { name: 'Run device check' });

describe('BeforeTheCall on the candidate home', () => {
  it('offers the device check before the interview and while joining is open', () => {
    const { rerender } = render(<BeforeTheCall saved={[saved()]} settings={settings} now={start - 86_400_000} />);
    expect(screen.getByRole('heading', { name: 'Before the call', level: 2 })).toBeTruthy();
    expect(offer()?.getAttribute('href')).toBe('#/device-check');
    rerender(<BeforeTheCall saved={[saved()]} settings={settings} now={start + 59 * m} />);
    expect(offer()).not.toBeNull();
  });

  it('offers nothing once the interview has ended and its join window closed, or it was cancelled', () => {
    const { rerender } = render(<BeforeTheCall saved={[saved()]} settings={settings} now={start + 2 * 60 * m} />);
    expect(offer()).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Before the call' })).toBeNull();
    rerender(<BeforeTheCall saved={[saved({ status: 'cancelled' })]} settings={settings} now={start - 60 * m} />);
    expect(offer()).toBeNull();
  });

  it('offers it when any one saved interview is still ahead', () => {
    const later = saved({ id: 'i2', startUtc: new Date(start + 3 * 86_400_000).toISOString() });
    render(<BeforeTheCall saved={[saved(), later]} settings={settings} now={start + 2 * 60 * m} />);
    expect(offer()).not.toBeNull();
  });
});
