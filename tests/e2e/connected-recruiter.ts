import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startWebMode, type WebModeApp } from '../support/web-mode';
import { startGoogleEmulator, type GoogleEmulator } from '../google-emulator/google-emulator';

/** The system browser of these tests: a script that follows the sign-in page as a person would. */
export const fakeBrowserEnv = { BROWSER: `${process.execPath} ${path.resolve('tests/support/fake-browser.mjs')}` };

export interface ConnectedRecruiter {
  g: GoogleEmulator;
  app: WebModeApp;
  close(): Promise<void>;
}

/**
 * A web-mode app on the Google emulator, connected from the welcome screen as a recruiter would,
 * first-run step skipped, on the schedule. `close()` stops both.
 */
export async function connectedRecruiter(page: Page, env: Record<string, string> = {}): Promise<ConnectedRecruiter> {
  const g = await startGoogleEmulator();
  const app = await startWebMode({ ...g.env, ...fakeBrowserEnv, ...env });
  const close = async () => {
    await app.stop();
    await g.close();
  };
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    // Connected: the first-run step comes first; skipping it moves on to the schedule.
    await page
      .getByRole('form', { name: 'About you and your company' })
      .getByRole('button', { name: 'Skip for now' })
      .click({ timeout: 15_000 });
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });
  } catch (error) {
    await close();
    throw error;
  }
  return { g, app, close };
}
