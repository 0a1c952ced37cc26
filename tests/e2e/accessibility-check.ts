import { expect, type Page } from '@playwright/test';
import { seriousAxe } from './keyboard';

/** No serious or critical axe-core finding on the page as it is now, in light and then in dark (left in light). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousAxe(page, `${where} (${scheme})`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
