/**
 * Pure decisions for the managed Meet window: recognising Google's refusal to sign in inside an
 * embedded browser (electron/electron #17887) and keeping remembered bounds on a visible screen.
 */

/** True when the page is Google's "This browser or app may not be secure" refusal. */
export function isSignInRejected(url: string, title: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.hostname !== 'accounts.google.com') return false;
  return /\/signin\/(v2\/)?rejected/.test(parsed.pathname) || /may not be secure|couldn.t sign you in/i.test(title);
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Remembered bounds if they still overlap a display by a usable amount; otherwise undefined (the OS places the window). */
export function usableBounds(saved: Bounds | undefined, displays: Bounds[]): Bounds | undefined {
  if (!saved || saved.width < 400 || saved.height < 300) return undefined;
  const visible = displays.some((d) => {
    const w = Math.min(saved.x + saved.width, d.x + d.width) - Math.max(saved.x, d.x);
    const h = Math.min(saved.y + saved.height, d.y + d.height) - Math.max(saved.y, d.y);
    return w >= 200 && h >= 100;
  });
  return visible ? saved : undefined;
}
