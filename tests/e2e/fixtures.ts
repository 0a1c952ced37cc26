import fs from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { startWebMode, type WebModeApp } from '../support/web-mode';

/** Each test gets its own web-mode app (fresh data dir) and a page already signed in with the run's secret. */
export const test = base.extend<{ app: WebModeApp; cspViolations: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = await startWebMode();
    await use(app);
    await app.stop();
  },
  cspViolations: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await use(violations);
  },
});

/** Saves a screenshot for review under tests/artifacts/ (git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync('tests/artifacts', { recursive: true });
  await page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true });
}

export { expect };
