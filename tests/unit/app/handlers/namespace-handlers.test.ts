import { afterEach, describe, expect, it } from 'vitest';
import { calls } from '../../../../preload/shared/contract/ipc-contract';
import { makeTempDir } from '../../../support/temp-dir';
import { servicesFor } from '../../../support/test-services';
import { appHandlers } from '../../../../main/app/handlers/app-handlers';
import { settingsHandlers } from '../../../../main/app/handlers/settings-handlers';
import { accountHandlers } from '../../../../main/app/handlers/account-handlers';
import { googleHandlers } from '../../../../main/app/handlers/google-handlers';
import { shellHandlers } from '../../../../main/app/handlers/shell-handlers';
import { devicecheckHandlers } from '../../../../main/app/handlers/devicecheck-handlers';
import { attendanceHandlers } from '../../../../main/app/handlers/attendance-handlers';
import { candidateHandlers } from '../../../../main/app/handlers/candidate-handlers';

const callsOf = (namespace: string) =>
  Object.keys(calls)
    .filter((name) => name.startsWith(`${namespace}:`))
    .sort();

describe('one handler file per contract namespace', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it("each file answers exactly its namespace's calls, over the real services", () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const services = servicesFor(temp.dir);
    cleanups.push(() => void services.dispose());
    const clock = { now: () => Date.now() };
    const made: Record<string, object> = {
      app: appHandlers({
        info: { name: 'Interview Desk', version: 'test', mode: 'web', platform: 'linux' },
        notices: services.notices,
      }),
      settings: settingsHandlers(services.settings),
      account: accountHandlers({ account: services.account, notices: services.notices, clock }),
      google: googleHandlers(services.calendar),
      shell: shellHandlers(async () => {}),
      devicecheck: devicecheckHandlers({ settings: services.settings, config: {} }),
      attendance: attendanceHandlers({ attendance: services.attendance, interviews: services.interviews }),
      candidate: candidateHandlers({ copies: services.copies, clock }),
    };
    for (const [namespace, handlers] of Object.entries(made))
      expect(Object.keys(handlers).sort(), namespace).toEqual(callsOf(namespace));
  });

  it('the composition root answers every call of the contract and nothing else', () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const services = servicesFor(temp.dir);
    cleanups.push(() => void services.dispose());
    expect(Object.keys(services.handlers).sort()).toEqual(Object.keys(calls).sort());
  });

  it('the shell refuses a link outside the URL policy without opening it', async () => {
    const opened: string[] = [];
    const handlers = shellHandlers(async (url) => void opened.push(url));
    await expect(handlers['shell:openExternal']('http://example.com/')).rejects.toThrow('That link was not opened');
    await handlers['shell:openExternal']('https://meet.google.com/abc-defg-hij');
    expect(opened).toEqual(['https://meet.google.com/abc-defg-hij']);
  });
});
