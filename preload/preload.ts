/**
 * The preload: exposes exactly the contract as `window.desk` and nothing else; never `ipcRenderer`.
 * Runs sandboxed, so it is bundled to one CommonJS file with the contract inlined.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildDeskApi, callChannel, eventChannel, type DeskTransport } from './shared/contract/ipc-contract';
import type { Result } from './shared/contract/result';

const transport: DeskTransport = {
  invoke: (name, input) => ipcRenderer.invoke(callChannel(name), input) as Promise<Result<unknown>>,
  subscribe(name, listener) {
    // The IPC event object is dropped: listeners get the payload only.
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(name), wrapped);
    return () => void ipcRenderer.removeListener(eventChannel(name), wrapped);
  },
};

contextBridge.exposeInMainWorld('desk', buildDeskApi(transport));
