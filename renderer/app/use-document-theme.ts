import { useEffect } from 'react';
import type { Settings } from '../../preload/shared/contract/settings-schema';

/**
 * Puts the theme setting on <html data-theme>: the stylesheet picks the colours from it (and from
 * prefers-color-scheme for 'system'), so no style is injected at runtime and the CSP stays strict.
 */
export function useDocumentTheme(theme: Settings['theme'] | undefined): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme ?? 'system';
  }, [theme]);
}
