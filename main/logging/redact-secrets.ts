/**
 * Last line of defence for the log file: scrubs anything shaped like a credential even if a caller
 * slips one into a message. Callers still must not log secrets; this catches mistakes.
 */
const patterns: Array<[RegExp, string]> = [
  [/\bya29\.[\w.-]+/g, 'ya29.[redacted]'],
  [/\b1\/\/[\w.-]{10,}/g, '1//[redacted]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]'],
  [/\b(access_token|refresh_token|id_token|client_secret|code_verifier|code|password|pass|token|secret)(["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi, '$1$2[redacted]'],
  [/\b(eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*)/g, '[redacted-jwt]'],
];

/** Returns the text with credential-looking values replaced. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
