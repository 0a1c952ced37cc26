import { builtinEnvironments } from 'vitest/runtime';

/**
 * Puts happy-dom's page globals (window, document…) into a Node test, so a renderer component can run
 * against real main services (node:sqlite, files) in the same process; a happy-dom test file cannot
 * load those modules. Answers the teardown.
 */
export async function installPageGlobals(): Promise<() => Promise<void>> {
  const page = await builtinEnvironments['happy-dom'].setup(globalThis, {});
  return async () => {
    await page.teardown(globalThis);
  };
}
