/** Set by scripts/build.mjs from the builder's environment; absent in tests and unbundled runs. */
declare const __GOOGLE_CLIENT__: { clientId: string; clientSecret: string } | undefined;

/**
 * The Google OAuth desktop client this copy was built with (empty when built without one). A desktop
 * client's secret is not confidential (RFC 8252 §8.5; PKCE protects the flow), so a packaged build may
 * carry it; the runtime environment still overrides both.
 */
export const builtInGoogleClient: { clientId: string; clientSecret: string } =
  typeof __GOOGLE_CLIENT__ === 'object' && __GOOGLE_CLIENT__ !== null
    ? __GOOGLE_CLIENT__
    : { clientId: '', clientSecret: '' };
