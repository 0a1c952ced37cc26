import { afterAll, describe, expect, it } from 'vitest';
import { servicesFor } from '../../../support/test-services';
import { makeTempDir } from '../../../support/temp-dir';
import { inProcessDesk } from '../../../support/in-process-desk';
import { installPageGlobals } from '../../../support/page-globals';

// Real services over a real settings file and database; the renderer reaches them as it reaches main.
const removePage = await installPageGlobals();
const { render, screen, waitFor, cleanup } = await import('@testing-library/react');
const temp = makeTempDir();
const services = servicesFor(temp.dir);
window.desk = inProcessDesk(services);
const { ScheduleForm } = await import('../../../../renderer/schedule/ScheduleForm');

afterAll(async () => {
  cleanup();
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
  await removePage();
});

describe('ScheduleForm', () => {
  it('follows Settings saved elsewhere while it is open', async () => {
    render(<ScheduleForm onScheduled={() => {}} />);
    // No Google account and no name in Settings: the form asks who sends the invitation.
    expect(await screen.findByLabelText('Your name')).toBeTruthy();
    // The name and email are saved in Settings (another window, another tab) while the form stays open.
    services.settings.update({ recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' });
    await waitFor(() => expect(screen.queryByLabelText('Your name')).toBeNull());
  });
});
