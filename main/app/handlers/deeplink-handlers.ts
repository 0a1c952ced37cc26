import type { DeepLinkRouter } from '../../deep-links/deep-link-router';
import type { NamespaceHandlers } from './namespace-handlers';

/** Opening, previewing and confirming interview-desk:// links. */
export function deeplinkHandlers(deepLinks: DeepLinkRouter): NamespaceHandlers<'deeplink'> {
  return {
    'deeplink:open': (raw) => deepLinks.open(raw),
    'deeplink:preview': (raw) => deepLinks.preview(raw),
    'deeplink:confirmJoin': (raw) => deepLinks.confirmJoin(raw),
  };
}
