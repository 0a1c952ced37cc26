import { describe, expect, it } from 'vitest';
import { interviewSchema, scheduleInputSchema } from '../../../preload/shared/contract/interview-schema';
import { makeInterview } from '../../support/interview-fixtures';

const valid = {
  candidateName: 'Ada Lovelace',
  candidateEmail: 'ada@example.com',
  jobTitle: 'Engineer',
  date: '2030-01-15',
  time: '10:00',
  timeZone: 'Europe/London',
  durationMinutes: 60,
  notes: 'Bring a laptop.',
};

function refusal(patch: Record<string, unknown>): string | undefined {
  const r = scheduleInputSchema.safeParse({ ...valid, ...patch });
  return r.success ? undefined : r.error.issues[0]?.path.join('.');
}

describe('schedule input validation', () => {
  it('accepts a good form and trims/normalises', () => {
    const r = scheduleInputSchema.parse({
      ...valid,
      candidateName: '  Ada Lovelace  ',
      candidateEmail: ' Ada@EXAMPLE.com ',
      notes: 'a\r\nb',
    });
    expect(r.candidateName).toBe('Ada Lovelace');
    expect(r.candidateEmail).toBe('Ada@example.com');
    expect(r.notes).toBe('a\nb');
  });

  it.each([
    ['"Ada" <ada@example.com>'],
    ['ada@example.com, eve@evil.com'],
    ['ada@example.com\r\nBcc: eve@evil.com'],
    ['ada@example.com%0d%0abcc:eve@evil.com'],
    ['ada@example.com>'],
    ['<ada@example.com>'],
    ['ada(comment)@example.com'],
    ['"ada"@example.com'],
    ['ada@localhost'],
    ['ada@-example.com'],
    ['ada@example.com; eve@evil.com'],
    ['ada@@example.com'],
    ['@example.com'],
    ['ada@'],
    ['ad a@example.com'],
    ['ada@exam_ple.com'],
    ['ada\u202e@example.com'],
    [`${'a'.repeat(250)}@example.com`],
    [''],
  ])('refuses the email %j', (email) => {
    expect(refusal({ candidateEmail: email })).toBe('candidateEmail');
  });

  it.each([
    ['candidateName', 'Ada\r\nBcc: eve@evil.com'],
    ['candidateName', 'Ada\u202eecilA'],
    ['candidateName', 'Ada\u2066x'],
    ['candidateName', 'x'.repeat(10_000)],
    ['candidateName', '   '],
    ['jobTitle', 'Engineer\nSubject: hi'],
    ['jobTitle', 'y'.repeat(121)],
    ['jobTitle', '\u0000'],
    ['notes', 'z'.repeat(10_000)],
    ['notes', 'evil\u202etext'],
    ['candidateMessage', 'm'.repeat(2001)],
    ['candidateMessage', 'evil\u202etext'],
  ])('refuses %s = hostile value', (field, value) => {
    expect(refusal({ [field]: value })).toBe(field);
  });

  it('the message to the candidate is optional and kept apart from the private notes; old records read as having none', () => {
    const r = scheduleInputSchema.parse({ ...valid, candidateMessage: ' See you\r\nsoon ' });
    expect(r).toMatchObject({ notes: 'Bring a laptop.', candidateMessage: 'See you\nsoon' });
    expect(scheduleInputSchema.parse(valid).candidateMessage).toBe('');
    const { candidateMessage: _none, ...stored } = makeInterview({
      startUtc: '2030-01-15T09:00:00.000Z',
      notes: 'private',
    });
    expect(interviewSchema.parse(stored)).toMatchObject({ notes: 'private', candidateMessage: '' });
  });

  it('keeps HTML as text (escaped on output) rather than refusing a name with brackets', () => {
    expect(refusal({ candidateName: '<img src=x onerror=alert(1)>' })).toBeUndefined();
  });

  it.each([
    [{ durationMinutes: 4 }, 'durationMinutes'],
    [{ durationMinutes: 481 }, 'durationMinutes'],
    [{ durationMinutes: 30.5 }, 'durationMinutes'],
    [{ durationMinutes: '60' }, 'durationMinutes'],
    [{ date: '15/01/2030' }, 'date'],
    [{ time: '10am' }, 'time'],
    [{ timeZone: '../../etc' }, 'timeZone'],
    [{ meetLink: 'https://meet.google.com.evil.com/abc-defg-hij' }, 'meetLink'],
    [{ meetLink: 'javascript:alert(1)' }, 'meetLink'],
  ])('refuses %o', (patch, field) => {
    expect(refusal(patch)).toBe(field);
  });

  it('accepts the edges of the duration range and a real Meet link', () => {
    expect(refusal({ durationMinutes: 5 })).toBeUndefined();
    expect(refusal({ durationMinutes: 480 })).toBeUndefined();
    expect(refusal({ meetLink: 'https://meet.google.com/abc-defg-hij' })).toBeUndefined();
  });
});
