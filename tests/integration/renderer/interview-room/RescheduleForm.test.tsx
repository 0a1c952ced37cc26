import { beforeEach, describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';

// Real services over a real settings file and database; the renderer reaches them as it reaches main.
const { render, screen, waitFor, fireEvent, within, services } = await rendererOverServices();
const { RescheduleForm } = await import('../../../../renderer/interview-room/RescheduleForm');

let interview: Interview;
beforeEach(() => {
  services.settings.update({ recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' });
  interview = services.commands.schedule({
    candidateName: 'Ada Lovelace',
    candidateEmail: 'ada@example.com',
    jobTitle: 'Engineer',
    date: '2027-10-20',
    time: '10:00',
    timeZone: 'Europe/London',
    durationMinutes: 45,
    notes: '',
    candidateMessage: '',
    meetLink: 'https://meet.google.com/abc-defg-hij',
    coInterviewers: [],
  });
});

const question = 'This time happens twice that day';
const field = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save new time' }));
const startOf = (id: string) => services.interviews.get(id).startUtc;

describe('RescheduleForm', () => {
  it('asks which one when the new time happens twice, keeps the answer in view and moves to it', async () => {
    const done: boolean[] = [];
    render(<RescheduleForm interview={interview} onDone={(moved) => done.push(moved)} />);
    expect(screen.queryByRole('group', { name: question })).toBeNull();
    // 01:30 on the night the clocks go back in Britain: asked before any save, in main's words.
    type('New date', '2027-10-31');
    type('New start time', '01:30');
    const group = await screen.findByRole('group', { name: question });
    const described = document.getElementById(group.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe(
      '01:30 happens twice on 2027-10-31 in Europe/London (the clocks go back). Choose the first (UTC+01:00) or the second (UTC+00:00).',
    );
    // Saving without an answer moves nothing and keeps asking.
    save();
    await waitFor(() => expect(screen.getAllByRole('group', { name: question })).toHaveLength(1));
    expect(done).toEqual([]);
    expect(startOf(interview.id)).toBe(interview.startUtc);
    // The answer stays checked while the time is the one asked about.
    fireEvent.click(within(group).getByLabelText('The second one (after the clocks go back)'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const answered = screen.getByRole('group', { name: question });
    expect(
      (within(answered).getByLabelText('The second one (after the clocks go back)') as HTMLInputElement).checked,
    ).toBe(true);
    save();
    await waitFor(() => expect(done).toEqual([true]));
    // 01:30 after the clocks go back is 01:30 UTC (the first would be 00:30 UTC).
    expect(startOf(interview.id)).toBe('2027-10-31T01:30:00.000Z');
  });

  it('asks again after the time changes, and moves to the first one when chosen', async () => {
    const done: boolean[] = [];
    render(<RescheduleForm interview={interview} onDone={(moved) => done.push(moved)} />);
    type('New date', '2027-10-31');
    type('New start time', '01:15');
    fireEvent.click(within(await screen.findByRole('group', { name: question })).getByLabelText(/^The second one/));
    // A new time is a new question: nothing is checked, the old answer is not sent for it.
    type('New start time', '01:45');
    const asked = await waitFor(() => {
      const group = screen.getByRole('group', { name: question });
      expect(document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^01:45/);
      return group;
    });
    expect(
      within(asked)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).checked),
    ).toEqual([false, false]);
    fireEvent.click(within(asked).getByLabelText('The first one (before the clocks go back)'));
    save();
    await waitFor(() => expect(done).toEqual([true]));
    expect(startOf(interview.id)).toBe('2027-10-31T00:45:00.000Z');
  });

  it('asks nothing for a time that happens once', async () => {
    const done: boolean[] = [];
    render(<RescheduleForm interview={interview} onDone={(moved) => done.push(moved)} />);
    type('New date', '2027-10-31');
    type('New start time', '09:00');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.queryByRole('group', { name: question })).toBeNull();
    save();
    await waitFor(() => expect(done).toEqual([true]));
    expect(startOf(interview.id)).toBe('2027-10-31T09:00:00.000Z');
  });
});
