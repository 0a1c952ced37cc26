// Web mode's own overhead: one contract call over loopback HTTP (auth, origin checks, dispatch).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebServer } from '../../main/web/web-server';
import { createMemoryLogger } from '../../main/logging/logger';
import { servicesFor } from '../../tests/support/test-services';
import { reportDurations, timeMany } from './lib/bench-utils';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idesk-bench-'));
fs.mkdirSync(path.join(dir, 'renderer'));
fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
const server = await startWebServer({
  services: servicesFor(path.join(dir, 'data')),
  log: createMemoryLogger(),
  rendererDir: path.join(dir, 'renderer'),
  port: 0,
});
const call = (name: string, input?: unknown) =>
  fetch(`${server.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-token': server.token, origin: server.origin },
    body: JSON.stringify({ input }),
  }).then((r) => r.json());
await timeMany(100, () => call('app:info'));
reportDurations('app:info round trip', await timeMany(2000, () => call('app:info')));
reportDurations(
  'settings:update round trip (validate + store write)',
  await timeMany(500, (i) => call('settings:update', { companyName: `Acme ${i}` })),
);
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
