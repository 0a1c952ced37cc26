import type { Page } from '@playwright/test';
import { saveScreenshot } from './fixtures';

/** A window size to check a screen at. */
export interface Size {
  width: number;
  height: number;
}

/** The sizes the app promises to lay out cleanly at: a 13" laptop and a small window. */
export const layoutSizes: Size[] = [
  { width: 1280, height: 800 },
  { width: 800, height: 700 },
];

/**
 * What is wrong with the page's layout as drawn now, in words (empty when clean):
 * - two visible interactive elements (links, buttons, fields, labels, menu items…) whose boxes
 *   overlap, unless one holds the other (a checkbox in its label) or one floats above the page on
 *   purpose (an open menu or dialog covers what is under it);
 * - horizontal clipping: the page, or any container, wider inside than it shows
 *   (`scrollWidth > clientWidth`), or an interactive element reaching past the window's right edge.
 * Text inside form fields scrolls by design; text cut with `text-overflow: ellipsis` counts only
 * where it carries no `title` with the whole text.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.getAttribute('value') ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${classes}${text ? ` "${text}"` : ''}>`;
    };
    const shown = (el: Element) => {
      const rect = el.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) return false;
      if (rect.right < 0 || rect.bottom < 0) return false; // moved off screen on purpose (skip link)
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.opacity === '0') return false;
      // Visually hidden text for screen readers (1 px clipped boxes).
      return !(style.clipPath !== 'none' || (style.clip && style.clip !== 'auto'));
    };
    const interactive = [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="menuitem"], [role="checkbox"], [tabindex]:not([tabindex="-1"]), label')].filter(shown);
    const floating = (el: Element) => el.closest('[role="menu"], [role="dialog"], dialog[open], [role="listbox"]');
    for (let i = 0; i < interactive.length; i++) {
      for (let j = i + 1; j < interactive.length; j++) {
        const a = interactive[i]!;
        const b = interactive[j]!;
        if (a.contains(b) || b.contains(a) || floating(a) !== floating(b)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const overlapX = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const overlapY = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (overlapX > 0.5 && overlapY > 0.5) problems.push(`overlap: ${describe(a)} and ${describe(b)} (${Math.round(overlapX)}×${Math.round(overlapY)} px)`);
      }
      const rect = interactive[i]!.getBoundingClientRect();
      if (rect.right > window.innerWidth + 0.5) problems.push(`clipped: ${describe(interactive[i]!)} reaches ${Math.round(rect.right)} px, past the window's ${window.innerWidth} px`);
    }
    const page = document.scrollingElement ?? document.documentElement;
    if (page.scrollWidth > page.clientWidth) problems.push(`clipped: the page is ${page.scrollWidth} px wide in a ${page.clientWidth} px window`);
    for (const el of document.body.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || el.clientWidth === 0 || !shown(el)) continue;
      if (el.matches('input, textarea, select, option, video, audio, svg *') || el.closest('svg')) continue;
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis' && el.title) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`clipped: ${describe(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
    return problems;
  });
}

/**
 * Resizes the page to each size, lets `prepare` bring the screen into the state to check (it runs
 * after each resize), saves a screenshot to tests/artifacts/layout-<name>-<w>x<h>.png, and returns
 * the problems found, each prefixed with the screen and size.
 */
export async function checkLayout(page: Page, name: string, prepare: () => Promise<void>, sizes: Size[] = layoutSizes): Promise<string[]> {
  const found: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await prepare();
    // Let the layout settle after the resize (fonts, virtualised lists measuring themselves).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await saveScreenshot(page, `layout-${name}-${size.width}x${size.height}`);
    found.push(...(await layoutProblems(page)).map((p) => `${name} at ${size.width}×${size.height}: ${p}`));
  }
  return found;
}
