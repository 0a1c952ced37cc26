import { googleForFile } from './google-for-file';

/** One answer of the emulator: its status, its JSON body (typed as the test reads it) and headers. */
export interface EmulatorAnswer<B> {
  status: number;
  body: B;
  headers: Headers;
}

/**
 * The Google emulator for a test file that calls its routes by hand, started before the first test
 * and closed after the last (as `googleForFile`), with what such tests ask it with: an access token
 * granted exactly `scopes`, and a request that carries one (its body, if any, sent as JSON).
 * Call it in the `describe` body.
 */
export function emulatorForFile() {
  const { g } = googleForFile();
  const token = (...scopes: string[]) => g.oauth.grantForTests(scopes).accessToken;
  async function request<B>(method: string, path: string, access: string, body?: unknown): Promise<EmulatorAnswer<B>> {
    const res = await fetch(`${g.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${access}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as B, headers: res.headers };
  }
  return { g, token, request };
}
