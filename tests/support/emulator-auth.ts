import { expect } from 'vitest';
import { createOAuthClient } from '../../main/google/account/oauth-client';
import { loadEnvConfig, type AppConfig } from '../../main/config/env-config';
import { GoogleRequestError } from '../../main/google/api/google-request-error';
import type { GoogleEmulator } from '../google-emulator/google-emulator';

/** The Google config the app would read from the emulator's environment. */
export function emulatorGoogleConfig(g: GoogleEmulator): AppConfig['google'] {
  return loadEnvConfig({ ...g.env }, '/tmp').google;
}

/** An OAuth client holding a refresh token granted exactly these scopes, as after consent. */
export function emulatorAuthClient(g: GoogleEmulator, scopes: string[]) {
  const auth = createOAuthClient(emulatorGoogleConfig(g));
  auth.setCredentials({ refresh_token: g.oauth.grantForTests(scopes).refreshToken });
  return auth;
}

/** Awaits a call expected to fail with a GoogleRequestError, and returns it. */
export async function requestFailure(run: Promise<unknown>): Promise<GoogleRequestError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GoogleRequestError);
  return error as GoogleRequestError;
}
