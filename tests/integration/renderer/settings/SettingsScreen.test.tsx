import { describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';

// Real services over a real settings file and database; the renderer reaches them as it reaches main.
const { render, screen, waitFor, fireEvent, services } = await rendererOverServices();
const { SettingsScreen } = await import('../../../../renderer/settings/SettingsScreen');

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('SettingsScreen', () => {
  it('shows what was saved elsewhere while nothing is edited here', async () => {
    render(<SettingsScreen account={undefined} />);
    await screen.findByLabelText('Company name');
    services.settings.update({ companyName: 'Acme' });
    await waitFor(() => expect(field('Company name').value).toBe('Acme'));
  });

  it('keeps what the person is typing when Settings change elsewhere, and says so', async () => {
    render(<SettingsScreen account={undefined} />);
    fireEvent.change(await screen.findByLabelText('Your name'), { target: { value: 'Typed here' } });
    services.settings.update({ companyName: 'Globex' });
    expect(await screen.findByText(/saved in another window or tab/)).toBeTruthy();
    expect(field('Your name').value).toBe('Typed here');
    // Discarding the edits shows the saved settings, the change made elsewhere included.
    fireEvent.click(screen.getByRole('button', { name: 'Show the saved settings' }));
    await waitFor(() => expect(field('Company name').value).toBe('Globex'));
    expect(field('Your name').value).toBe('');
  });

  it('lets the browser fill in the person’s own name and email', async () => {
    render(<SettingsScreen account={undefined} />);
    expect((await screen.findByLabelText('Your name')).getAttribute('autocomplete')).toBe('name');
    expect(field('Your email').getAttribute('autocomplete')).toBe('email');
  });
});
