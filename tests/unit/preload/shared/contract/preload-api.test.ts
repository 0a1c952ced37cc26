import { describe, expect, it, vi } from 'vitest';
import { callChannel, callNames, eventChannel, eventNames } from '../../../../../preload/shared/contract/ipc-contract';

type Fake = typeof import('../../../../fakes/electron');
let fake: Fake;

type Api = Record<string, Record<string, (input?: unknown) => Promise<unknown>> | ((...a: unknown[]) => unknown)>;

/** Loads the real preload against a fresh fake electron (the same module instance the preload sees). */
async function loadPreload(): Promise<Api> {
  vi.resetModules();
  fake = await import('../../../../fakes/electron');
  fake.resetFakeElectron();
  await import('../../../../../preload/preload');
  return fake.contextBridge.exposed.get('desk') as Api;
}

describe('preload', () => {
  it('exposes exactly one object, window.desk', async () => {
    await loadPreload();
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['desk']);
  });

  it('exposes exactly the contract: one function per call plus `on`', async () => {
    const api = await loadPreload();
    const exposed: string[] = [];
    for (const [ns, value] of Object.entries(api)) {
      if (typeof value === 'function') exposed.push(ns);
      else for (const action of Object.keys(value)) exposed.push(`${ns}:${action}`);
    }
    expect(exposed.sort()).toEqual([...callNames, 'on'].sort());
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('routes each call to its own prefixed channel with the input as given', async () => {
    const api = await loadPreload();
    for (const name of callNames) {
      const [ns, action] = name.split(':') as [string, string];
      await (api[ns] as Record<string, (input?: unknown) => Promise<unknown>>)[action]!({ probe: name });
    }
    expect(fake.ipcRenderer.invoked.map((i) => i.channel)).toEqual(callNames.map(callChannel));
    expect(fake.ipcRenderer.invoked[0]?.input).toEqual({ probe: callNames[0] });
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', async () => {
    const api = await loadPreload();
    const seen: unknown[][] = [];
    const off = (api.on as (n: string, l: (...a: unknown[]) => void) => () => void)(eventNames[0]!, (...args) =>
      seen.push(args),
    );
    fake.ipcRenderer.emit(eventChannel(eventNames[0]!), { sender: 'secret-ipc-event' }, { hello: 1 });
    off();
    fake.ipcRenderer.emit(eventChannel(eventNames[0]!), { sender: 'x' }, { hello: 2 });
    expect(seen).toEqual([[{ hello: 1 }]]);
  });

  it('refuses to subscribe to an event outside the contract', async () => {
    const api = await loadPreload();
    expect(() => (api.on as (n: string, l: () => void) => void)('secret:channel', () => {})).toThrow(/Unknown event/);
  });
});
