import type { Page } from '@playwright/test';

/**
 * Allows the browser's notifications for `origin` (as if the person had said yes before) and records
 * the title of each one the page shows, through the real Notification; `shown()` reads them.
 */
export async function watchBrowserNotifications(
  page: Page,
  origin: string,
): Promise<{ shown: () => Promise<string[]> }> {
  await page.context().grantPermissions(['notifications'], { origin });
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shown: string[] }).shown = shown;
    const Real = window.Notification;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(title);
      }
    };
  });
  return { shown: () => page.evaluate(() => (window as unknown as { shown: string[] }).shown) };
}
