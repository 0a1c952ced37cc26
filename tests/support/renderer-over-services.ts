import { afterAll, afterEach } from 'vitest';
import type { ServiceDeps } from '../../main/app/compose-services';
import { inProcessDesk } from './in-process-desk';
import { seedStore } from './interview-fixtures';
import { installPageGlobals } from './page-globals';
import { makeTempDir } from './temp-dir';
import { servicesFor } from './test-services';

/**
 * happy-dom's page globals and Testing Library for one renderer test file: the rendered tree is
 * cleaned after each test, the page removed after the last. Call it first, at the file's top level
 * (Testing Library needs the page when it loads).
 */
export async function pageForFile(): Promise<typeof import('@testing-library/react')> {
  const removePage = await installPageGlobals();
  const testing = await import('@testing-library/react');
  afterEach(() => testing.cleanup());
  // Hooks run last-registered first: the page goes after the services a file opens after this.
  afterAll(removePage);
  return testing;
}

/** What a file's services start from. */
export interface ServicesForFileOptions {
  /** Written to the fresh data folder before the services open it, as a previous run would leave it. */
  seed?: Parameters<typeof seedStore>[1];
  /** Dependencies other than the tests' usual ones (a config read from the data folder). */
  deps?: (dataDir: string) => Partial<ServiceDeps>;
}

/** Real services over a fresh data folder (real settings file, real SQLite), closed and removed after the file. */
export function servicesForFile(options: ServicesForFileOptions = {}) {
  const temp = makeTempDir();
  if (options.seed) seedStore(temp.dir, options.seed);
  const services = servicesFor(temp.dir, options.deps?.(temp.dir));
  afterAll(async () => {
    await services.dispose();
    services.stores.database.close();
    temp.cleanup();
  });
  return services;
}

/**
 * A renderer integration test file's set-up: the page, real services in this process, and
 * `window.desk` reaching them as the renderer reaches main. Import the component under test after
 * this: the renderer takes `window.desk` when it loads.
 */
export async function rendererOverServices(options: ServicesForFileOptions = {}) {
  const testing = await pageForFile();
  const services = servicesForFile(options);
  const desk = inProcessDesk(services);
  window.desk = desk;
  return { ...testing, services, desk };
}
