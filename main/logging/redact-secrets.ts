/**
 * The one redaction step every log line passes through (file and console, in the logger itself):
 * credentials, authorization codes, one-time states, query strings and email addresses are replaced,
 * whatever a caller or a server's reply put into the text. Callers still must not log secrets or
 * personal data; this catches what slips through (an SMTP reply naming the candidate, a failing URL).
 */
const patterns: Array<[RegExp, string]> = [
  // Credentials inside URLs: scheme://user:pass@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, '$1[redacted]@'],
  // Query strings and fragments of URLs carry codes, states and tokens: keep scheme, host and path only.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)[?#][^\s"<>]*/gi, '$1?[redacted]'],
  [/\bya29\.[\w.-]+/g, 'ya29.[redacted]'],
  [/\b1\/\/[\w.-]{10,}/g, '1//[redacted]'],
  // Google authorization codes (4/0A…).
  [/\b4\/[\w.-]{10,}/g, '4/[redacted]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]'],
  [
    /\b(access_token|refresh_token|id_token|client_secret|code_verifier|code|state|password|pass|token|secret|key)(["']?\s*[:=]\s*["']?)[^\s"&,}]+/gi,
    '$1$2[redacted]',
  ],
  [/\b(eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*)/g, '[redacted-jwt]'],
  // Email addresses (any local part a mail server would accept, any Unicode domain).
  [/[^\s<>"(),;:@[\]\\]+@(?:[\p{L}\p{N}_-]+\.)+[\p{L}\p{N}_-]{2,}/gu, '[email]'],
];

/** Returns the text with credentials, codes, query strings and email addresses replaced. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
