import type { Session } from 'electron';
import { isAppUrl } from '../security/url-policy';

/** Which permission a given page may have; everything not listed is denied. */
export type PermissionPolicy = (permission: string, requestingUrl: string) => boolean;

/** The app's own session: media only for the app's own pages (the device check); nothing else. */
export const appPermissionPolicy: PermissionPolicy = (permission, url) =>
  (permission === 'media' || permission === 'speaker-selection') && isAppUrl(url);

/**
 * Installs the same policy as both the request and the check handler (Electron grants everything
 * when neither is set, and a check handler alone still lets requests through).
 */
export function applyPermissionPolicy(session: Session, policy: PermissionPolicy): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(policy(permission, details.requestingUrl ?? contents?.getURL() ?? ''));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => policy(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
