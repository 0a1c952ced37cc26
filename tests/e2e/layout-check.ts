import type { Locator, Page } from '@playwright/test';
import { saveScreenshot } from './fixtures';

/** A window size to check a screen at. */
export interface Size {
  width: number;
  height: number;
}

/** The sizes the app promises to lay out cleanly at: a small window, a 13" laptop, a full-HD screen. */
export const layoutSizes: Size[] = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/** The size at which each screen's main action must be in sight without scrolling. */
export const mainActionSize: Size = { width: 1280, height: 800 };

/**
 * What is wrong with the page's layout as drawn now, in words (empty when clean):
 * - two visible interactive elements (links, buttons, fields, labels, menu items…) whose boxes
 *   overlap, unless one holds the other (a checkbox in its label) or one floats above the page on
 *   purpose (an open menu or dialog covers what is under it);
 * - horizontal clipping: the page, or any container, wider inside than it shows
 *   (`scrollWidth > clientWidth`), or an interactive element reaching past the window's right edge.
 * Text inside form fields scrolls by design; text cut with `text-overflow: ellipsis` counts only
 * where it carries no `title` with the whole text.
 * - a time broken across lines ("03:17" / "PM") in a `<time>`, `.time` or `.countdown`;
 * - two scrollers at once: the page scrolls and so does a box inside it;
 * - links in the screen's content drawn more than one way (a link, or a button that reads as one,
 *   looks the same everywhere; an <a> that acts as a button wears the button look instead).
 * Elements that float on purpose (an open menu or dialog, a sticky or fixed bar) may cover others.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.getAttribute('value') ?? '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 40);
      const classes =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
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
    const interactive = [
      ...document.querySelectorAll(
        'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="menuitem"], [role="checkbox"], [tabindex]:not([tabindex="-1"]), label',
      ),
    ].filter(shown);
    const floating = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) {
        if (at.matches('[role="menu"], [role="dialog"], dialog[open], [role="listbox"]')) return at;
        const position = getComputedStyle(at).position;
        if (position === 'sticky' || position === 'fixed') return at;
      }
      return null;
    };
    for (let i = 0; i < interactive.length; i++) {
      for (let j = i + 1; j < interactive.length; j++) {
        const a = interactive[i]!;
        const b = interactive[j]!;
        if (a.contains(b) || b.contains(a) || floating(a) !== floating(b)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const overlapX = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const overlapY = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (overlapX > 0.5 && overlapY > 0.5)
          problems.push(
            `overlap: ${describe(a)} and ${describe(b)} (${Math.round(overlapX)}×${Math.round(overlapY)} px)`,
          );
      }
      const rect = interactive[i]!.getBoundingClientRect();
      if (rect.right > window.innerWidth + 0.5)
        problems.push(
          `clipped: ${describe(interactive[i]!)} reaches ${Math.round(rect.right)} px, past the window's ${window.innerWidth} px`,
        );
    }
    const page = document.scrollingElement ?? document.documentElement;
    if (page.scrollWidth > page.clientWidth)
      problems.push(`clipped: the page is ${page.scrollWidth} px wide in a ${page.clientWidth} px window`);
    for (const el of document.body.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || el.clientWidth === 0 || !shown(el)) continue;
      if (el.matches('input, textarea, select, option, video, audio, svg *') || el.closest('svg')) continue;
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis' && el.title) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`clipped: ${describe(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
    for (const el of document.querySelectorAll('time, .time, .countdown')) {
      if (!shown(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`wrapped: the time ${describe(el)} breaks over ${lines.size} lines`);
    }
    const linkLooks = new Map<string, string>();
    for (const el of document.querySelectorAll('main a[href]:not(.button-link, .interview-row), main button.link')) {
      if (!shown(el)) continue;
      const style = getComputedStyle(el);
      linkLooks.set(`${style.color} ${style.textDecorationLine} ${style.fontWeight}`, describe(el));
    }
    if (linkLooks.size > 1)
      problems.push(
        `links styled ${linkLooks.size} ways: ${[...linkLooks].map(([look, el]) => `${el} (${look})`).join(', ')}`,
      );
    // A page whose scrolling is turned off (behind a modal dialog) does not count as a second scroll.
    if (page.scrollHeight > page.clientHeight + 1 && getComputedStyle(page).overflowY !== 'hidden') {
      for (const el of document.body.querySelectorAll('*')) {
        if (!(el instanceof HTMLElement) || el.matches('textarea, select') || !shown(el)) continue;
        const overflowY = getComputedStyle(el).overflowY;
        if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight + 1)
          problems.push(`scrolls twice: the page and ${describe(el)} both scroll`);
      }
    }
    return problems;
  });
}

/**
 * Whether the screen's main action is in sight without scrolling: fully inside the window with the
 * page scrolled to the top, and not covered by anything else (empty when it is).
 */
export async function mainActionProblems(page: Page, action: Locator): Promise<string[]> {
  // Scrolled to the top, and a frame later (sticky bars settle after a full-page screenshot).
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const found = await action.evaluateAll((elements) =>
    elements.map((el) => {
      const rect = el.getBoundingClientRect();
      const inside =
        rect.width > 0 &&
        rect.top >= 0 &&
        rect.left >= 0 &&
        rect.bottom <= window.innerHeight &&
        rect.right <= window.innerWidth;
      const top = inside ? document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) : null;
      const label = ((el as HTMLElement).innerText || el.getAttribute('aria-label') || '').trim();
      if (!inside)
        return `main action "${label}" is out of sight (${Math.round(rect.top)}–${Math.round(rect.bottom)} px in a ${window.innerHeight} px window)`;
      return top && (el === top || el.contains(top)) ? '' : `main action "${label}" is covered`;
    }),
  );
  if (found.length === 0) return ['main action not found'];
  return found.filter((p) => p !== '');
}

/** How a screen is checked: its main action (checked at {@link mainActionSize}) and the sizes. */
export interface LayoutOptions {
  mainAction?: Locator;
  /** Where the main action must be in sight; 1280×800 unless told. */
  mainActionSizes?: Size[];
  sizes?: Size[];
  /** Added to the screenshot names (e.g. "-dark"). */
  suffix?: string;
}

/**
 * Resizes the page to each size, lets `prepare` bring the screen into the state to check (it runs
 * after each resize), saves a screenshot to tests/artifacts/layout-<name>-<w>x<h>.png, and returns
 * the problems found, each prefixed with the screen and size.
 */
export async function checkLayout(
  page: Page,
  name: string,
  prepare: () => Promise<void>,
  options: LayoutOptions | Size[] = {},
): Promise<string[]> {
  const {
    sizes = layoutSizes,
    mainAction,
    mainActionSizes = [mainActionSize],
    suffix = '',
  } = Array.isArray(options) ? { sizes: options } : options;
  const found: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await prepare();
    // Let the layout settle after the resize (fonts, virtualised lists measuring themselves).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await saveScreenshot(page, `layout-${name}${suffix}-${size.width}x${size.height}`);
    const problems = await layoutProblems(page);
    if (mainAction && mainActionSizes.some((s) => s.width === size.width && s.height === size.height))
      problems.push(...(await mainActionProblems(page, mainAction)));
    found.push(...problems.map((p) => `${name}${suffix} at ${size.width}×${size.height}: ${p}`));
  }
  return found;
}
