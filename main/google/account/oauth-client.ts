import { OAuth2Client } from 'google-auth-library';
import type { AppConfig } from '../../config/env-config';

/** Scopes asked at connect: sign-in identity and Calendar events only (the narrowest that works). */
export const baseScopes = ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/calendar.events'];
/** Asked only when the person picks Gmail as the mail transport (incremental authorization). */
export const gmailSendScope = 'https://www.googleapis.com/auth/gmail.send';

/** An OAuth2 client pointed at the configured endpoints (Google's, or the emulator's in tests). */
export function createOAuthClient(google: AppConfig['google'], redirectUri?: string): OAuth2Client {
  return new OAuth2Client({
    clientId: google.clientId,
    clientSecret: google.clientSecret,
    ...(redirectUri ? { redirectUri } : {}),
    endpoints: {
      oauth2AuthBaseUrl: google.authUrl,
      oauth2TokenUrl: google.tokenUrl,
      oauth2RevokeUrl: google.revokeUrl,
    },
  });
}
