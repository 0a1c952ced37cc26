/**
 * `npm run web`: the real main-process services and the built renderer in a browser, over loopback.
 * The first stdout line is the URL to open (it carries this run's secret).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServices, ConfigError } from '../app/start-services';
import { appInfo } from '../app/app-info';
import { confBackend } from '../settings-file/conf-backend';
import { createCommandOpener } from '../platform/open-external';
import { startWebServer } from './web-server';
import { DataDirBusyError } from '../platform/data-dir-lock';
import { defaultDataDir } from '../config/env-config';
import { redactSecrets } from '../logging/redact-secrets';

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const app = await startServices({
    env: process.env,
    mode: 'web',
    info: appInfo('web'),
    defaultDataDir: defaultDataDir(),
    storeBackend: confBackend,
    openExternal: createCommandOpener(),
    consoleLevel: 'warn',
  });
  const server = await startWebServer({
    services: app.services,
    log: app.log.scope('web'),
    rendererDir: path.resolve(here, '../renderer'),
    port: app.config.webPort,
  });
  const shutdown = async () => {
    await server.close();
    await app.stop();
    process.exit(0);
  };
  // Handlers first: a launcher may send SIGTERM as soon as it reads the URL.
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  process.stdout.write(`${server.url}\n`);
  process.stdout.write(
    `Interview Desk (web mode) is running. Open the URL above in a browser. Data: ${app.config.dataDir}\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    process.stderr.write(`Interview Desk: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(redactSecrets(`Interview Desk could not start: ${(error as Error).stack ?? String(error)}\n`));
  process.exit(1);
});
