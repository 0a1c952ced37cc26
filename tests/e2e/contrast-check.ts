import type { Page } from '@playwright/test';

/**
 * WCAG 2.2 1.4.11 (non-text contrast), which axe does not check: the keyboard focus ring and the
 * edges of text fields must each reach 3:1 against the colour next to them. Returns what falls short,
 * in words (empty when all is well). Focus is moved with Tab, as a keyboard user would, up to `tabs`
 * times; each focused element's `:focus-visible` outline is measured against the background it is
 * drawn on (the parent's, or the element's own for an outline drawn inside it).
 */
export async function nonTextContrastProblems(page: Page, tabs = 12): Promise<string[]> {
  const problems: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < tabs; i++) {
    await page.keyboard.press('Tab');
    problems.push(...(await page.evaluate(measureNonText, 'focus' as const)));
  }
  problems.push(...(await page.evaluate(measureNonText, 'fields' as const)));
  return [...new Set(problems)];
}

/**
 * Runs in the page: with 'focus', the focused element's ring when under 3:1 (or missing); with
 * 'fields', every text field whose edge is under 3:1 against the background around it.
 */
function measureNonText(kind: 'focus' | 'fields'): string[] {
  const colour = (text: string): [number, number, number, number] => {
    const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)/.exec(text);
    if (!m) throw new Error(`Unreadable colour ${text}`);
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
  };
  const background = (from: Element | null): [number, number, number] => {
    for (let at = from; at; at = at.parentElement) {
      const [r, g, b, a] = colour(getComputedStyle(at).backgroundColor);
      if (a > 0.5) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const luminance = ([r, g, b]: [number, number, number]) => {
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (front: string, behind: [number, number, number]) => {
    const [r, g, b] = colour(front);
    const [hi, lo] = [luminance([r, g, b]), luminance(behind)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  if (kind === 'focus') {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return [];
    const style = getComputedStyle(el);
    const name = `<${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 30)}"`;
    if (style.outlineStyle === 'none' || Number.parseFloat(style.outlineWidth) < 2)
      return [`focus: ${name} shows no focus ring`];
    const behind = background(Number.parseFloat(style.outlineOffset) < 0 ? el : el.parentElement);
    const r = ratio(style.outlineColor, behind);
    return r < 3
      ? [`focus: the ring on ${name} is ${r.toFixed(2)}:1 against rgb(${behind.join(', ')}), under 3:1`]
      : [];
  }
  const problems: string[] = [];
  for (const el of document.querySelectorAll(
    'input:not([type="checkbox"], [type="radio"], [type="range"], [type="hidden"]), select, textarea',
  )) {
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) continue;
    const behind = background(el.parentElement);
    const r = ratio(getComputedStyle(el).borderTopColor, behind);
    const label =
      (el as HTMLInputElement).labels?.[0]?.innerText.trim().split('\n')[0] ??
      el.getAttribute('aria-label') ??
      el.tagName;
    if (r < 3)
      problems.push(
        `border: the field "${label}" has a ${r.toFixed(2)}:1 edge against rgb(${behind.join(', ')}), under 3:1`,
      );
  }
  return problems;
}
