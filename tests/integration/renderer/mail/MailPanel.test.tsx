import { describe, expect, it } from 'vitest';
import { inProcessDesk } from '../../../support/in-process-desk';
import { pageForFile, servicesForFile } from '../../../support/renderer-over-services';
import { loadEnvConfig } from '../../../../main/config/env-config';
import type { DeskApi } from '../../../../preload/shared/contract/ipc-contract';

// Real services over real settings files: one as installed, one started with SMTP in its environment.
const { render, screen, waitFor, fireEvent, within } = await pageForFile();
const plain = servicesForFile();
const started = servicesForFile({
  deps: (dataDir) => ({ config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: 'smtp://127.0.0.1:2525' }, dataDir) }),
});
const desks = { plain: inProcessDesk(plain), started: inProcessDesk(started) };
// The renderer keeps the one `desk` it found at load: each test points it at its own services.
let current: DeskApi = desks.plain;
window.desk = new Proxy({} as DeskApi, { get: (_, namespace) => current[namespace as keyof DeskApi] });
const { MailPanel } = await import('../../../../renderer/mail/MailPanel');

const field = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save email settings' }));
/** The text of the error a field points at (after its hint, if any). */
const errorOf = (label: string) => {
  const ids = (field(label).getAttribute('aria-describedby') ?? '').split(' ');
  return document.getElementById(ids.at(-1) ?? '')?.textContent;
};

describe('MailPanel', () => {
  it('shows each refused SMTP field beside it, clears a fixed one, and saves', async () => {
    current = desks.plain;
    render(<MailPanel initial={plain.settings.get()} />);
    type('SMTP server', 'smtp example com');
    type('Port', '70000');
    type('Send from (address)', 'not-an-address');
    save();
    expect((await screen.findByText(/^Please check/)).textContent).toBe(
      'Please check SMTP server, Port, Send from (address).',
    );
    expect(errorOf('SMTP server')).toMatch(/^SMTP server must be a host name/);
    expect(errorOf('Port')).toBe('Port must be a number from 1 to 65535, like 587');
    expect(errorOf('Send from (address)')).toMatch(/^Send from \(address\)/);
    type('Port', '587');
    expect(field('Port').getAttribute('aria-invalid')).toBeNull();
    expect(field('SMTP server').getAttribute('aria-invalid')).toBe('true');
    type('SMTP server', 'smtp.example.com');
    type('Send from (address)', 'jobs@example.com');
    save();
    expect(await screen.findByText(/^Email settings saved/)).toBeTruthy();
    expect(plain.settings.get().smtp).toMatchObject({
      host: 'smtp.example.com',
      port: 587,
      fromAddress: 'jobs@example.com',
    });
  });

  it('with SMTP set when the app started, asks only for the address to send from, once', async () => {
    current = desks.started;
    render(<MailPanel initial={started.settings.get()} />);
    const shown = await screen.findByTestId('smtp-from-start');
    expect(within(shown).getByText('127.0.0.1')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'SMTP server' })).toBeNull();
    expect(screen.getAllByLabelText('Send from (address)')).toHaveLength(1);
    type('Send from (address)', 'not-an-address');
    save();
    await waitFor(() => expect(field('Send from (address)').getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf('Send from (address)')).toMatch(/^Send from \(address\)/);
    type('Send from (address)', 'jobs@example.com');
    expect(field('Send from (address)').getAttribute('aria-invalid')).toBeNull();
    save();
    expect(await screen.findByText(/^Email settings saved/)).toBeTruthy();
    expect(started.settings.get().smtp.fromAddress).toBe('jobs@example.com');
  });
});
