import type { AppInfo } from '../../preload/shared/contract/ipc-contract';

declare const __APP_VERSION__: string | undefined;

/** The version baked in at build time (scripts/build.mjs), or the package's when running from source. */
export const appVersion: string =
  typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? '0.0.0');

/** Facts about this process for `app:info`. */
export function appInfo(mode: AppInfo['mode']): AppInfo {
  return { name: 'Interview Desk', version: appVersion, mode, platform: process.platform };
}
