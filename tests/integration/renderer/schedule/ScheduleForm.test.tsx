import { beforeEach, describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';

// Real services over a real settings file and database; the renderer reaches them as it reaches main.
const { render, screen, waitFor, fireEvent, within, services } = await rendererOverServices();
const { ScheduleForm } = await import('../../../../renderer/schedule/ScheduleForm');
const { clearScheduleDraft } = await import('../../../../renderer/schedule/schedule-draft');
const { formatDateTime } = await import('../../../../renderer/common/format');

beforeEach(() => {
  // Each test starts without a name in Settings (so the form asks who sends) and without a draft.
  services.settings.update({ recruiterName: '', recruiterEmail: '' });
  clearScheduleDraft();
});

const field = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const fillCandidate = () => {
  type('Candidate name', 'Ada Lovelace');
  type('Candidate email', 'ada@example.com');
  type('Job title', 'Engineer');
};
const fillWhen = (date: string, time: string, zone: string) => {
  type('Date', date);
  type('Start time', time);
  type('Time zone', zone);
};
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Schedule interview' }));

describe('ScheduleForm', () => {
  it('follows Settings saved elsewhere while it is open', async () => {
    render(<ScheduleForm onScheduled={() => {}} />);
    // No Google account and no name in Settings: the form asks who sends the invitation.
    expect(await screen.findByLabelText('Your name')).toBeTruthy();
    // The name and email are saved in Settings (another window, another tab) while the form stays open.
    services.settings.update({ recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' });
    await waitFor(() => expect(screen.queryByLabelText('Your name')).toBeNull());
  });

  it('names every refused field at once, who sends first, and clears a field once it is edited', async () => {
    render(<ScheduleForm onScheduled={() => {}} />);
    const who = await screen.findByRole('group', { name: 'You, the interviewer' });
    expect(within(who).getByText(/Invitations come from you/)).toBeTruthy();
    submit();
    expect(await screen.findByText(/^Please check/)).toHaveProperty(
      'textContent',
      'Please check Your name, Your email, Candidate name, Candidate email, Job title.',
    );
    expect(field('Your name').getAttribute('aria-invalid')).toBe('true');
    // The name field is described by the group's hint, then by its error.
    const [hint, error] = (field('Your name').getAttribute('aria-describedby') ?? '').split(' ');
    expect(document.getElementById(hint!)?.textContent).toMatch(/^Invitations come from you/);
    expect(document.getElementById(error!)?.textContent).toMatch(/^Your name is required/);
    type('Your name', 'Rita');
    expect(field('Your name').getAttribute('aria-invalid')).toBeNull();
    expect(field('Job title').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks which one when the time happens twice that day, and previews the one chosen in both zones', async () => {
    render(<ScheduleForm onScheduled={() => {}} />);
    fillWhen('2027-10-31', '02:30', 'Europe/Berlin');
    type('Candidate time zone (optional)', 'Asia/Kolkata');
    const question = await screen.findByRole('group', { name: 'This time happens twice that day' });
    const described = document.getElementById(question.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toMatch(/02:30/);
    expect(screen.queryByText(/^Starts/)).toBeNull();
    fireEvent.click(within(question).getByLabelText('The second one (after the clocks go back)'));
    // 02:30 after the clocks go back is 01:30 UTC.
    const later = '2027-10-31T01:30:00.000Z';
    await waitFor(() =>
      expect(screen.getByText(/^Starts/).textContent).toBe(`Starts ${formatDateTime(later, 'Europe/Berlin')}`),
    );
    expect(screen.getByTestId('candidate-local-time').textContent).toBe(formatDateTime(later, 'Asia/Kolkata'));
    // Answered, the question stays for that time with the answer checked: it does not vanish under the focus.
    const answered = screen.getByRole('group', { name: 'This time happens twice that day' });
    expect(
      (within(answered).getByLabelText('The second one (after the clocks go back)') as HTMLInputElement).checked,
    ).toBe(true);
    // Another time is asked about again, nothing checked; a time that happens once asks nothing.
    type('Start time', '02:45');
    await waitFor(() => expect(screen.queryByText(/^Starts/)).toBeNull());
    const again = screen.getByRole('group', { name: 'This time happens twice that day' });
    expect(
      within(again)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).checked),
    ).toEqual([false, false]);
    type('Start time', '09:00');
    await screen.findByText(/^Starts/);
    expect(screen.queryByRole('group', { name: 'This time happens twice that day' })).toBeNull();
  });

  it('names the interviews the time overlaps, and asks before scheduling over one', async () => {
    services.settings.update({ recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' });
    const start = '2027-11-02T09:00:00.000Z';
    services.commands.schedule({
      candidateName: 'Grace Hopper',
      candidateEmail: 'grace@example.com',
      jobTitle: 'Compiler Engineer',
      date: '2027-11-02',
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
      notes: '',
      candidateMessage: '',
      meetLink: 'https://meet.google.com/abc-defg-hij',
      coInterviewers: [],
    });
    const scheduled: Interview[] = [];
    render(<ScheduleForm onScheduled={(interview) => scheduled.push(interview)} />);
    fillCandidate();
    fillWhen('2027-11-02', '10:30', 'Europe/Berlin');
    const overlap = await screen.findByText(/^Overlaps with/);
    expect(overlap.textContent).toBe(
      `Overlaps with Grace Hopper (Compiler Engineer, ${formatDateTime(start, 'Europe/Berlin')}).`,
    );
    submit();
    expect(await screen.findByTestId('conflict-question')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Schedule anyway' }));
    await waitFor(() => expect(scheduled).toHaveLength(1));
    expect(scheduled[0]).toMatchObject({ candidate: { name: 'Ada Lovelace' }, startUtc: '2027-11-02T09:30:00.000Z' });
  });

  it('previews the message to the candidate signed as the email signs it', async () => {
    render(<ScheduleForm onScheduled={() => {}} />);
    await screen.findByLabelText('Your name');
    const name = 'How the candidate will see your message';
    expect(screen.queryByRole('figure', { name })).toBeNull();
    type('Message to the candidate (optional)', '  Please bring a laptop.  ');
    const preview = screen.getByRole('figure', { name });
    expect(within(preview).getByText(/^Message from/).textContent).toBe('Message from you:');
    expect(within(preview).getByTestId('candidate-message-preview').textContent).toBe('Please bring a laptop.');
    type('Your name', 'Rita Recruiter');
    expect(within(preview).getByText(/^Message from/).textContent).toBe('Message from Rita Recruiter:');
  });

  it('saves the name and email typed here, drops empty panel rows and schedules', async () => {
    const scheduled: Interview[] = [];
    render(<ScheduleForm onScheduled={(interview) => scheduled.push(interview)} />);
    await screen.findByLabelText('Your name');
    type('Your name', 'Rita Recruiter');
    type('Your email', 'rita@example.com');
    fillCandidate();
    fillWhen('2027-12-01', '14:00', 'Europe/London');
    fireEvent.click(screen.getByRole('button', { name: 'Add co-interviewer' }));
    expect(screen.getByLabelText('Co-interviewer 1 email')).toBeTruthy();
    submit();
    await waitFor(() => expect(scheduled).toHaveLength(1));
    expect(scheduled[0]).toMatchObject({
      candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
      recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
      startUtc: '2027-12-01T14:00:00.000Z',
      coInterviewers: [],
    });
    expect(services.settings.get()).toMatchObject({
      recruiterName: 'Rita Recruiter',
      recruiterEmail: 'rita@example.com',
    });
  });
});
