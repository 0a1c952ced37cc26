import { describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { panelInterview } from '../../../support/panel-interview';
import { markRestored } from '../../../../main/database/restore-hold';

const hour = 3_600_000;
// Ended two hours ago, with Bob Builder and Cy Panel on the panel; its form made before.
const ended = panelInterview(Date.now() - 3 * hour, {
  coInterviewers: [
    { email: 'bob@example.com', name: 'Bob Builder' },
    { email: 'cy@example.com', name: 'Cy Panel' },
  ],
});

// The restore review and the room's panel scorecards over real services (real SQLite) in this process.
const { render, screen, fireEvent, waitFor, within, act, services } = await rendererOverServices({
  seed: {
    interviews: [ended],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  },
});
const db = services.stores.database;
db.prepare(
  "INSERT INTO panel_forms (interview_id, form_id, responder_uri, state, updated_ms) VALUES (?, 'f1', 'https://docs.google.com/forms/d/e/f1/viewform', 'ready', 0)",
).run(ended.id);
for (const { email, name } of ended.coInterviewers)
  db.prepare('INSERT INTO panel_form_recipients (interview_id, email, name) VALUES (?, ?, ?)').run(
    ended.id,
    email,
    name ?? email,
  );
const { RestoreReview } = await import('../../../../renderer/app/RestoreReview');
const { PanelForms } = await import('../../../../renderer/panel-forms/PanelForms');

describe('the panel’s scorecard emails in the window', () => {
  it('lists the scorecard requests a restored copy holds, in the panel’s words, and drops one from the keyboard', async () => {
    markRestored(db, Date.now());
    render(<RestoreReview />);
    const list = await screen.findByRole('list', { name: 'Waiting messages' });
    // The same words for every way a copy comes back (after damage, by hand, a newer version's mark): no cause is claimed.
    const review = screen.getByRole('region', { name: 'Messages waiting from the restored copy' });
    expect(review.textContent).toContain(
      'Some may already have gone out after that, so none is sent until you choose.',
    );
    expect(review.textContent).not.toContain('damaged');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('span')!.textContent)).toEqual([
      expect.stringMatching(/^Scorecard request to Bob Builder \(Ada Lovelace, Compiler Engineer\), due /),
      expect.stringMatching(/^Scorecard request to Cy Panel \(Ada Lovelace, Compiler Engineer\), due /),
    ]);
    fireEvent.click(
      screen.getByRole('button', { name: 'Drop: Scorecard request to Cy Panel (Ada Lovelace, Compiler Engineer)' }),
    );
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    const view = await window.desk!.panelForms.get(ended.id);
    expect(view.ok && view.value.people.map((p) => [p.name, p.status])).toEqual([
      ['Bob Builder', 'waiting'],
      ['Cy Panel', 'asked'],
    ]);
    // Bob's sent meanwhile (Send, then the loop): main says the panel changed, and the list is read again.
    db.prepare("UPDATE panel_form_recipients SET asked_ms = ? WHERE email = 'bob@example.com'").run(Date.now());
    act(() => services.events.emit('panelForms:changed', { ids: [ended.id] }));
    // Nothing waits any more: the review is gone.
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Waiting messages' })).toBeNull());
  });

  it('says a given-up scorecard email failed and why, and Resend tries it again', async () => {
    db.prepare(
      "UPDATE panel_form_recipients SET asked_ms = NULL, mail_attempts = 6, mail_problem = 'Mailbox unavailable' WHERE email = 'bob@example.com'",
    ).run();
    render(<PanelForms interview={ended} />);
    const row = (await screen.findAllByTestId('panel-forms-person'))[0]!;
    expect(within(row).getByTestId('panel-forms-status').textContent).toBe(
      'The email did not go and is not tried again on its own',
    );
    expect(row.textContent).toContain('Mailbox unavailable');
    fireEvent.click(within(row).getByRole('button', { name: 'Resend the scorecard email to Bob Builder' }));
    await waitFor(() => expect(within(row).queryByRole('button', { name: /^Resend/ })).toBeNull());
    expect(within(row).getByTestId('panel-forms-status').textContent).toMatch(/^To be asked /);
  });
});
