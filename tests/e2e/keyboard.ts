import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What has focus now: its tag, accessible-ish name and whether a person can see it. */
export async function focused(page: Page): Promise<{ tag: string; name: string; visible: boolean; inDialog: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: 'none', name: '', visible: false, inDialog: false };
    const labelled = el.getAttribute('aria-labelledby');
    const byLabel = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : undefined;
    const name = (
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : undefined) ??
      byLabel ??
      el.textContent ??
      ''
    ).trim();
    const rect = el.getBoundingClientRect();
    const visible =
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && rect.width > 0 && rect.height > 0;
    return { tag: el.tagName.toLowerCase(), name, visible, inDialog: !!el.closest('dialog[open]') };
  });
}

/** After an action: focus is on something a person can see, never <body>. */
export async function expectFocusKept(page: Page, what: string): Promise<void> {
  await expect.poll(async () => (await focused(page)).tag, { message: `focus after ${what}` }).not.toBe('body');
  const now = await focused(page);
  expect(now.visible, `focused ${now.tag} "${now.name}" is visible after ${what}`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `limit` presses. */
export async function tabTo(page: Page, name: RegExp, { back = false, limit = 60 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    // The page itself (focus wrapped past the last control) is never the control looked for, whatever its text.
    if (now.tag !== 'body' && name.test(now.name)) return;
    seen.push(`${now.tag}:${now.name.slice(0, 40)}`);
  }
  throw new Error(`Tab never reached ${name}; passed ${seen.join(' | ')}`);
}

/** Replaces the text of the focused field by typing (select all, then type). */
export async function typeInFocused(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Serious and critical axe violations on the page as it is now, printed as a table. */
export async function seriousAxe(page: Page, screen: string, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.table([
    {
      screen,
      serious: bad.filter((v) => v.impact === 'serious').length,
      critical: bad.filter((v) => v.impact === 'critical').length,
    },
  ]);
  return bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
