import { isAllowedExternalUrl } from '../../security/url-policy';
import { DeskFailure } from '../../shared/desk-failure';
import type { NamespaceHandlers } from './namespace-handlers';

/** Opening a link in the system browser, only where the URL policy allows. */
export function shellHandlers(openExternal: (url: string) => Promise<void>): NamespaceHandlers<'shell'> {
  return {
    'shell:openExternal': async (url) => {
      if (!isAllowedExternalUrl(url)) {
        throw new DeskFailure(
          'forbidden',
          'That link was not opened: only secure Google Meet, Calendar and account pages, or an email address, can be opened from here.',
          'url',
        );
      }
      await openExternal(url);
      return null;
    },
  };
}
